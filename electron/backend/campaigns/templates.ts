// 专项检查模板: the shipped ones (seeded from resources/campaigns, read-only) and the office's own
// copies, with export to and import from a JSON file (TemplateFile).
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { type CampaignTemplate, TEMPLATE_FILE_FORMAT, type TemplateDefinition, TemplateFile, type TemplateSaveInput, type TemplateSummary } from '../../../shared/campaign-template';
import { AppError } from '../../../shared/errors';
import type { StoredFileRef } from '../../../shared/import';
import { describeZodError, fieldLabel } from '../../../shared/validation';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import type { Sqlite } from '../db/open';
import { seedBuiltinDefinitions } from '../reference/builtin-definitions';

interface TemplateRow {
  id: string;
  name: string;
  builtin: number;
  archived: number;
  version: number;
  definition: string;
  created_at: string;
  updated_at: string;
}

const toTemplate = (r: TemplateRow): CampaignTemplate => ({
  id: r.id,
  builtin: r.builtin === 1,
  archived: r.archived === 1,
  version: r.version,
  updatedAt: r.updated_at,
  definition: JSON.parse(r.definition) as TemplateDefinition,
});

function templateRow(sqlite: Sqlite, id: string): TemplateRow {
  const r = sqlite.prepare('SELECT * FROM campaign_templates WHERE id = ?').get(id) as TemplateRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到专项检查模板「${id}」，可能已被删除，请刷新后重试`);
  return r;
}

/** Loads the shipped templates as builtin rows (id = file name); a changed shipped definition replaces the stored one with version + 1. */
export function seedTemplates(sqlite: Sqlite): number {
  return seedBuiltinDefinitions(sqlite, { table: 'campaign_templates', folder: 'campaigns', schema: TemplateFile, definitionOf: (f) => f.template });
}

/** Every template, in use first (builtin before the office's own), stopped ones last. */
export function listTemplates(sqlite: Sqlite): z.output<typeof TemplateSummary>[] {
  const rows = sqlite
    .prepare(
      `SELECT id, name, builtin, archived, version, json_array_length(definition, '$.checklist') AS items, updated_at
       FROM campaign_templates ORDER BY archived, builtin DESC, created_at, id`,
    )
    .all() as { id: string; name: string; builtin: number; archived: number; version: number; items: number; updated_at: string }[];
  return rows.map((r) => ({
    id: r.id, name: r.name, builtin: r.builtin === 1, archived: r.archived === 1, version: r.version, items: r.items, updatedAt: r.updated_at,
  }));
}

/** One template with its full definition; NOT_FOUND when there is none. */
export function getTemplate(sqlite: Sqlite, id: string): CampaignTemplate {
  return toTemplate(templateRow(sqlite, id));
}

/** Refuses a name another template in use already has. */
function assertNameFree(sqlite: Sqlite, name: string, exceptId: string | null, field: string): void {
  const other = sqlite.prepare('SELECT id FROM campaign_templates WHERE name = ? AND archived = 0 AND id IS NOT ?').get(name, exceptId);
  if (other) throw new AppError('CONFLICT', `已有名为「${name}」的模板，请换一个名称`, { field });
}

/** The next id for an office template: custom-1, custom-2, … */
function nextCustomId(sqlite: Sqlite): string {
  const max = sqlite
    .prepare("SELECT max(CAST(substr(id, 8) AS INTEGER)) AS n FROM campaign_templates WHERE id LIKE 'custom-%'")
    .get() as { n: number | null };
  return `custom-${(max.n ?? 0) + 1}`;
}

function insertCustom(sqlite: Sqlite, definition: TemplateDefinition): string {
  const id = nextCustomId(sqlite);
  const now = new Date().toISOString();
  sqlite
    .prepare(
      'INSERT INTO campaign_templates (id, name, builtin, archived, version, definition, created_at, updated_at) VALUES (?, ?, 0, 0, 1, ?, ?, ?)',
    )
    .run(id, definition.name, JSON.stringify(definition), now, now);
  return id;
}

/** Replaces an office template's definition (version + 1); builtin ones are refused, and so is a stale `expectedUpdatedAt`. */
export function saveTemplate(core: Core, ctx: RequestContext, input: z.output<typeof TemplateSaveInput>): CampaignTemplate {
  return write(core, ctx, 'campaignTemplates.save', (scope) => {
    const row = templateRow(core.sqlite, input.id);
    if (row.builtin === 1) throw new AppError('CONFLICT', '内置模板不能修改，请先复制一份再改', { field: 'id' });
    if (row.archived === 1) throw new AppError('CONFLICT', `模板「${row.name}」已停用，请先恢复再修改`, { field: 'id' });
    if (row.updated_at !== input.expectedUpdatedAt) {
      throw new AppError('CONFLICT', `模板「${row.name}」在您打开之后已被修改（${row.updated_at}），请重新打开后再改`, { updatedAt: row.updated_at });
    }
    const definition = JSON.stringify(input.definition);
    if (definition === row.definition) return toTemplate(row);
    assertNameFree(core.sqlite, input.definition.name, row.id, 'definition.name');
    core.sqlite
      .prepare('UPDATE campaign_templates SET name = ?, definition = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(input.definition.name, definition, new Date().toISOString(), row.id);
    scope.audit({
      entity: 'campaign_template',
      entityId: row.id,
      before: { version: row.version, definition: JSON.parse(row.definition) as unknown },
      after: { version: row.version + 1, definition: input.definition },
    });
    return getTemplate(core.sqlite, row.id);
  }, { allowNoAudit: true });
}

/** Copies any template (builtin ones included) as a new office template under a name no template in use has. */
export function copyTemplate(core: Core, ctx: RequestContext, id: string, name: string): CampaignTemplate {
  return write(core, ctx, 'campaignTemplates.copy', (scope) => {
    const source = templateRow(core.sqlite, id);
    assertNameFree(core.sqlite, name, null, 'name');
    const definition = { ...(JSON.parse(source.definition) as TemplateDefinition), name };
    const newId = insertCustom(core.sqlite, definition);
    scope.audit({ entity: 'campaign_template', entityId: newId, after: { name, copiedFrom: source.id, copiedVersion: source.version } });
    return getTemplate(core.sqlite, newId);
  });
}

/** Stops (archived) or restores a template; stopped templates cannot start new campaigns. */
export function archiveTemplate(core: Core, ctx: RequestContext, id: string, archived: boolean): CampaignTemplate {
  return write(core, ctx, 'campaignTemplates.archive', (scope) => {
    const row = templateRow(core.sqlite, id);
    if ((row.archived === 1) === archived) throw new AppError('CONFLICT', `模板「${row.name}」${archived ? '已经停用' : '没有停用'}`);
    if (!archived) assertNameFree(core.sqlite, row.name, row.id, 'id');
    core.sqlite.prepare('UPDATE campaign_templates SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, new Date().toISOString(), id);
    scope.audit({ entity: 'campaign_template', entityId: id, before: { archived: !archived }, after: { archived } });
    return getTemplate(core.sqlite, id);
  });
}

const SECTIONS: Record<string, string> = { checklist: '检查事项', quantities: '数量', tallies: '统计项', parameters: '参数' };

/** The label of the nearest described field on `path` (deep paths like problem.answers.0 end in undescribed nodes). */
function leafLabel(path: readonly PropertyKey[]): string | undefined {
  for (let k = path.length; k > 3; k--) {
    const label = fieldLabel(TemplateFile, path.slice(0, k));
    if (label) return label;
  }
  return undefined;
}

/** One sentence per problem, saying where in the file it is: "模板文件第 3 个检查事项「…」的答案类型：…". */
function describeFileProblems(raw: unknown, error: z.ZodError): { message: string; problems: unknown[] } {
  const { problems } = describeZodError(TemplateFile, error);
  const sentences = error.issues.map((issue, i) => {
    const p = issue.path;
    const message = problems[i]?.message ?? issue.message;
    if (issue.code === 'custom') return message.startsWith('第 ') ? `模板文件${message}` : `模板文件：${message}`;
    const section = p[0] === 'template' && typeof p[1] === 'string' ? SECTIONS[p[1]] : undefined;
    if (section && typeof p[2] === 'number') {
      const item = (raw as { template?: Record<string, unknown[] | undefined> }).template?.[p[1] as string]?.[p[2]] as
        | { label?: unknown; key?: unknown }
        | undefined;
      const name = typeof item?.label === 'string' ? item.label : typeof item?.key === 'string' ? item.key : '';
      const at = `第 ${p[2] + 1} 个${section}${name ? `「${name}」` : ''}`;
      const leaf = p.length > 3 ? leafLabel(p) : undefined;
      return leaf ? `模板文件${at}的${leaf}：${message}` : `模板文件${at}：${message}`;
    }
    if (p.length === 0) return `模板文件：${message}`;
    const leaf = p.length === 1 && p[0] === 'template' ? '模板内容' : (fieldLabel(TemplateFile, p) ?? p.map(String).join('.'));
    return `模板文件的${leaf}：${message}`;
  });
  const shown = sentences.slice(0, 5).join('；');
  return { message: sentences.length > 5 ? `${shown}；等 ${sentences.length} 处问题` : shown, problems };
}

const MAX_TEMPLATE_FILE = 1024 * 1024;

/** Reads and checks an uploaded template file, refusing anything but a UTF-8 JSON TemplateFile. */
function readTemplateFile(core: Core, sha256: string): TemplateDefinition {
  const path = core.files.pathOf(sha256);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', '找不到上传的文件，请重新选择文件', { field: 'file' });
  if (statSync(path).size > MAX_TEMPLATE_FILE) {
    throw new AppError('VALIDATION', '文件太大（超过 1 MB），不是专项检查模板文件，请选择清波导出的模板文件（.json）', { field: 'file' });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch {
    throw new AppError('VALIDATION', '模板文件不是 UTF-8 编码的文本（可能被其他软件另存为 GBK 等编码），请使用清波导出的原始文件', { field: 'file' });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : null;
    throw new AppError('VALIDATION', `模板文件不是有效的 JSON 格式${line ? `（第 ${line} 行附近有错误）` : ''}，请使用清波导出的模板文件`, { field: 'file' });
  }
  const head = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || Array.isArray(head) || head.format !== TEMPLATE_FILE_FORMAT) {
    throw new AppError('VALIDATION', `这不是清波的专项检查模板文件（文件类型应为 ${TEMPLATE_FILE_FORMAT}），请选择从清波导出的模板文件`, { field: 'file' });
  }
  if (head.formatVersion !== 1) {
    throw new AppError('VALIDATION', `模板文件的版本（${String(head.formatVersion)}）本程序无法读取，请升级清波后再导入`, { field: 'file' });
  }
  const parsed = TemplateFile.safeParse(raw);
  if (!parsed.success) {
    const { message, problems } = describeFileProblems(raw, parsed.error);
    throw new AppError('VALIDATION', message, { field: 'file', problems });
  }
  return parsed.data.template;
}

/** A name no template in use has: the file's own, else with " （导入）" (then " （导入 2）" …). */
function importedName(sqlite: Sqlite, name: string): string {
  const taken = (n: string) => sqlite.prepare('SELECT 1 FROM campaign_templates WHERE name = ? AND archived = 0').get(n) !== undefined;
  if (!taken(name)) return name;
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? ' （导入）' : ` （导入 ${i}）`;
    const candidate = `${[...name].slice(0, 60 - suffix.length).join('')}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

/** Adds the template in an uploaded file as a new office template; a bad file is refused naming what is wrong where. */
export function importTemplate(core: Core, ctx: RequestContext, sha256: string): CampaignTemplate {
  const definition = readTemplateFile(core, sha256);
  return write(core, ctx, 'campaignTemplates.import', (scope) => {
    const name = importedName(core.sqlite, definition.name);
    const id = insertCustom(core.sqlite, { ...definition, name });
    scope.audit({ entity: 'campaign_template', entityId: id, after: { name, importedFrom: sha256, fileName: definition.name } });
    return getTemplate(core.sqlite, id);
  });
}

/** Writes the template as a pretty-printed TemplateFile into the file store, indexed and audited. */
export async function exportTemplate(core: Core, ctx: RequestContext, id: string): Promise<StoredFileRef> {
  const template = getTemplate(core.sqlite, id);
  const file = { format: TEMPLATE_FILE_FORMAT, formatVersion: 1, template: template.definition };
  const bytes = Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
  const stored = await core.files.putBytes(bytes, `${template.definition.name}.json`, 'application/json');
  const wasIndexed = core.sqlite.prepare('SELECT 1 FROM files WHERE sha256 = ?').get(stored.sha256) !== undefined;
  try {
    write(core, ctx, 'campaignTemplates.export', (scope) => {
      core.files.register(core.sqlite, stored);
      scope.audit({ entity: 'export', entityId: stored.sha256, after: { kind: 'campaignTemplate', templateId: id, version: template.version, file: stored.name } });
    });
  } catch (err) {
    // Not indexed before and not kept now: the bytes must not linger in the store.
    if (!wasIndexed) rmSync(core.files.pathOf(stored.sha256), { force: true });
    throw err;
  }
  return stored;
}
