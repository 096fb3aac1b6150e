// 报表格式: the shipped formats (seeded from resources/formats, read-only) and the office's own
// copies, with export to and import from a JSON file (ReportFormatFile). Every save checks that
// the columns name fields their source has.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { StoredFileRef } from '../../../shared/import';
import { type ReportFormatInfo, type ReportFormatSaveInput, type ReportFormatSummary } from '../../../shared/report';
import { REPORT_FORMAT_FILE, ReportFormatDefinition, ReportFormatFile } from '../../../shared/report-format';
import { describeZodError } from '../../../shared/validation';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import type { Sqlite } from '../db/open';
import { seedBuiltinDefinitions } from '../reference/builtin-definitions';
import { assertFieldsExist } from './fields';

interface FormatRow {
  id: string;
  name: string;
  builtin: number;
  archived: number;
  version: number;
  definition: string;
  created_at: string;
  updated_at: string;
}

const toInfo = (r: FormatRow): ReportFormatInfo => ({
  id: r.id,
  builtin: r.builtin === 1,
  archived: r.archived === 1,
  version: r.version,
  updatedAt: r.updated_at,
  definition: ReportFormatDefinition.parse(JSON.parse(r.definition)),
});

function formatRow(sqlite: Sqlite, id: string): FormatRow {
  const r = sqlite.prepare('SELECT * FROM report_formats WHERE id = ?').get(id) as FormatRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到报表格式「${id}」，可能已被删除，请刷新后重试`);
  return r;
}

/** SHA-256 of a stored definition, recorded with each export. */
export const definitionSha = (definitionJson: string): string => createHash('sha256').update(definitionJson).digest('hex');

/** Loads the shipped formats as builtin rows (id = file name); a changed shipped definition replaces the stored one with version + 1. */
export function seedReportFormats(sqlite: Sqlite): number {
  return seedBuiltinDefinitions(sqlite, { table: 'report_formats', folder: 'formats', schema: ReportFormatFile, definitionOf: (f) => f.report });
}

/** Every format, in use first (builtin before the office's own), stopped ones last. */
export function listFormats(sqlite: Sqlite): ReportFormatSummary[] {
  const rows = sqlite
    .prepare(
      `SELECT id, name, builtin, archived, version, json_extract(definition, '$.source') AS source,
         json_array_length(definition, '$.columns') AS columns, updated_at
       FROM report_formats ORDER BY archived, builtin DESC, created_at, id`,
    )
    .all() as { id: string; name: string; builtin: number; archived: number; version: number; source: ReportFormatSummary['source']; columns: number; updated_at: string }[];
  return rows.map((r) => ({
    id: r.id, name: r.name, source: r.source, builtin: r.builtin === 1, archived: r.archived === 1, version: r.version, columns: r.columns, updatedAt: r.updated_at,
  }));
}

/** One format with its full definition; NOT_FOUND when there is none. */
export function getFormat(sqlite: Sqlite, id: string): ReportFormatInfo {
  return toInfo(formatRow(sqlite, id));
}

/** The stored definition text (exactly as saved) with the parsed format, for an export to record. */
export function formatForExport(sqlite: Sqlite, id: string): { info: ReportFormatInfo; sha256: string } {
  const row = formatRow(sqlite, id);
  return { info: toInfo(row), sha256: definitionSha(row.definition) };
}

function assertNameFree(sqlite: Sqlite, name: string, exceptId: string | null, field: string): void {
  const other = sqlite.prepare('SELECT id FROM report_formats WHERE name = ? AND archived = 0 AND id IS NOT ?').get(name, exceptId);
  if (other) throw new AppError('CONFLICT', `已有名为「${name}」的报表格式，请换一个名称`, { field });
}

function insertCustom(sqlite: Sqlite, definition: ReportFormatDefinition): string {
  const max = sqlite.prepare("SELECT max(CAST(substr(id, 8) AS INTEGER)) AS n FROM report_formats WHERE id LIKE 'custom-%'").get() as { n: number | null };
  const id = `custom-${(max.n ?? 0) + 1}`;
  const now = new Date().toISOString();
  sqlite
    .prepare('INSERT INTO report_formats (id, name, builtin, archived, version, definition, created_at, updated_at) VALUES (?, ?, 0, 0, 1, ?, ?, ?)')
    .run(id, definition.name, JSON.stringify(definition), now, now);
  return id;
}

/** Replaces an office format's definition (version + 1); builtin ones, unknown fields and a stale `expectedUpdatedAt` are refused. */
export function saveFormat(core: Core, ctx: RequestContext, input: z.output<typeof ReportFormatSaveInput>): ReportFormatInfo {
  assertFieldsExist(core.sqlite, input.definition);
  return write(core, ctx, 'reports.save', (scope) => {
    const row = formatRow(core.sqlite, input.id);
    if (row.builtin === 1) throw new AppError('CONFLICT', '内置报表格式不能修改，请先复制一份再改', { field: 'id' });
    if (row.archived === 1) throw new AppError('CONFLICT', `报表格式「${row.name}」已停用，请先恢复再修改`, { field: 'id' });
    if (row.updated_at !== input.expectedUpdatedAt) {
      throw new AppError('CONFLICT', `报表格式「${row.name}」在您打开之后已被修改（${row.updated_at}），请重新打开后再改`, { updatedAt: row.updated_at });
    }
    const definition = JSON.stringify(input.definition);
    if (definition === row.definition) return toInfo(row);
    assertNameFree(core.sqlite, input.definition.name, row.id, 'definition.name');
    core.sqlite
      .prepare('UPDATE report_formats SET name = ?, definition = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(input.definition.name, definition, new Date().toISOString(), row.id);
    scope.audit({ entity: 'report_format', entityId: row.id, before: { version: row.version }, after: { version: row.version + 1, definition: input.definition } });
    return getFormat(core.sqlite, row.id);
  }, { allowNoAudit: true });
}

/** Copies any format (builtin ones included) as a new editable office format. */
export function copyFormat(core: Core, ctx: RequestContext, id: string, name: string): ReportFormatInfo {
  return write(core, ctx, 'reports.copy', (scope) => {
    const source = formatRow(core.sqlite, id);
    assertNameFree(core.sqlite, name, null, 'name');
    const definition = { ...ReportFormatDefinition.parse(JSON.parse(source.definition)), name };
    const newId = insertCustom(core.sqlite, definition);
    scope.audit({ entity: 'report_format', entityId: newId, after: { name, copiedFrom: source.id, copiedVersion: source.version } });
    return getFormat(core.sqlite, newId);
  });
}

/** Stops (archived) or restores a format. */
export function archiveFormat(core: Core, ctx: RequestContext, id: string, archived: boolean): ReportFormatInfo {
  return write(core, ctx, 'reports.archive', (scope) => {
    const row = formatRow(core.sqlite, id);
    if ((row.archived === 1) === archived) throw new AppError('CONFLICT', `报表格式「${row.name}」${archived ? '已经停用' : '没有停用'}`);
    if (!archived) assertNameFree(core.sqlite, row.name, row.id, 'id');
    core.sqlite.prepare('UPDATE report_formats SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, new Date().toISOString(), id);
    scope.audit({ entity: 'report_format', entityId: id, before: { archived: !archived }, after: { archived } });
    return getFormat(core.sqlite, id);
  });
}

/** Where a zod problem is, in words: "第 3 列「检查户次」的数据字段". */
function problemPlace(raw: unknown, path: readonly PropertyKey[]): string {
  const report = (raw as { report?: { columns?: { header?: unknown }[] } }).report;
  if (path[0] === 'report' && path[1] === 'columns' && typeof path[2] === 'number') {
    const header = report?.columns?.[path[2]]?.header;
    const name = Array.isArray(header) ? `「${header.map(String).join('／')}」` : '';
    return `第 ${path[2] + 1} 列${name}`;
  }
  return '';
}

/** One sentence per problem, saying where in the file it is. */
function describeFileProblems(raw: unknown, error: z.ZodError): string {
  const { problems } = describeZodError(ReportFormatFile, error);
  const sentences = error.issues.map((issue, i) => {
    const message = problems[i]?.message ?? issue.message;
    if (issue.code === 'custom') return `格式文件：${message}`;
    const place = problemPlace(raw, issue.path);
    const label = problems[i]?.label ?? '';
    return `格式文件${place ? `${place}的` : '的'}${label}：${message}`;
  });
  const shown = sentences.slice(0, 5).join('；');
  return sentences.length > 5 ? `${shown}；等 ${sentences.length} 处问题` : shown;
}

const MAX_FORMAT_FILE = 1024 * 1024;

/** Reads and checks a format file's bytes, refusing anything but a UTF-8 JSON ReportFormatFile whose fields exist. */
export function parseFormatFile(sqlite: Sqlite, bytes: Buffer): ReportFormatDefinition {
  if (bytes.length > MAX_FORMAT_FILE) throw new AppError('VALIDATION', '文件太大（超过 1 MB），不是报表格式文件，请选择清波导出的报表格式文件（.json）', { field: 'file' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    throw new AppError('VALIDATION', '报表格式文件不是 UTF-8 编码的文本（可能被其他软件另存为 GBK 等编码），请另存为 UTF-8 后再导入', { field: 'file' });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : null;
    throw new AppError('VALIDATION', `报表格式文件不是有效的 JSON 格式${line ? `（第 ${line} 行附近有错误）` : ''}，请检查括号、引号和逗号`, { field: 'file' });
  }
  const head = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || Array.isArray(head) || head.format !== REPORT_FORMAT_FILE) {
    throw new AppError('VALIDATION', `这不是清波的报表格式文件（文件类型 format 应为 ${REPORT_FORMAT_FILE}）`, { field: 'file' });
  }
  if (head.formatVersion !== 1) throw new AppError('VALIDATION', `报表格式文件的版本（${String(head.formatVersion)}）本程序无法读取，请升级清波后再导入`, { field: 'file' });
  const parsed = ReportFormatFile.safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION', describeFileProblems(raw, parsed.error), { field: 'file' });
  assertFieldsExist(sqlite, parsed.data.report, '格式文件');
  return parsed.data.report;
}

function importedName(sqlite: Sqlite, name: string): string {
  const taken = (n: string) => sqlite.prepare('SELECT 1 FROM report_formats WHERE name = ? AND archived = 0').get(n) !== undefined;
  if (!taken(name)) return name;
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '（导入）' : `（导入 ${i}）`;
    const candidate = `${[...name].slice(0, 80 - suffix.length).join('')}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

/** Adds the format in an uploaded file as a new office format; a bad file is refused naming what is wrong where. */
export function importFormat(core: Core, ctx: RequestContext, sha256: string): ReportFormatInfo {
  const path = core.files.pathOf(sha256);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', '找不到上传的文件，请重新选择文件', { field: 'file' });
  if (statSync(path).size > MAX_FORMAT_FILE) throw new AppError('VALIDATION', '文件太大（超过 1 MB），不是报表格式文件', { field: 'file' });
  const definition = parseFormatFile(core.sqlite, readFileSync(path));
  return write(core, ctx, 'reports.import', (scope) => {
    const name = importedName(core.sqlite, definition.name);
    const id = insertCustom(core.sqlite, { ...definition, name });
    scope.audit({ entity: 'report_format', entityId: id, after: { name, importedFrom: sha256 } });
    return getFormat(core.sqlite, id);
  });
}

/** The format as a pretty-printed ReportFormatFile. */
export function formatFileBytes(id: string, definition: ReportFormatDefinition): Buffer {
  const file = { format: REPORT_FORMAT_FILE, formatVersion: 1, id: /^[a-z0-9][a-z0-9-]{0,59}$/.test(id) ? id : null, report: definition };
  return Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
}

/** Writes the format file into the file store, indexed and audited. */
export async function exportFormatFile(core: Core, ctx: RequestContext, id: string): Promise<StoredFileRef> {
  const format = getFormat(core.sqlite, id);
  const stored = await core.files.putBytes(formatFileBytes(id, format.definition), `${format.definition.name}.json`, 'application/json');
  write(core, ctx, 'reports.exportFormat', (scope) => {
    core.files.register(core.sqlite, stored);
    scope.audit({ entity: 'export', entityId: stored.sha256, after: { kind: 'reportFormat', formatId: id, version: format.version, file: stored.name } });
  });
  return stored;
}
