// Importing the registry from an office's spreadsheet: preview and column mapping, then a job
// that checks every row, reports each rejected row with its column and reason (also as an xlsx
// to fix and re-import), and applies everything or nothing. A dry run does the same and rolls back.
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { EnterpriseData } from '../../../shared/enterprise';
import {
  enterpriseImportFields, type ColumnMapping, type ImportFieldKey, type ImportPreview, type ImportResult, type RejectedRow,
} from '../../../shared/import';
import type { z } from 'zod';
import type { ImportInput, ImportPreviewInput } from '../../../shared/import';
import type { RequestContext } from '../context';
import type { Core } from '../core';
import { townshipsOf } from '../divisions/divisions';
import type { JobContext } from '../jobs/runner';
import type { AuditInput } from '../audit/audit';
import { detectHeader } from '../sheets/headers';
import { openSheet, type SheetRow } from '../sheets/read';
import { writeXlsx } from '../sheets/write';
import { getOffice } from '../settings/office';
import { enterpriseColumnAliases } from './columns';
import { asText, diffData } from './diff';
import { BATCH_ROWS, type CheckedBatch } from './import-check';
import { checkedBatches } from './import-reader';
import { bulkEnterpriseWriter, getData } from './repo';
import { labelOf } from './validate';

const PREVIEW_ROWS = 30;
// Changed and new enterprises listed in the result (the counts are always whole).
const MAX_CHANGES_SHOWN = 200;

function sourcePath(core: Core, sha256: string): string {
  const path = core.files.pathOf(sha256);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', '找不到上传的文件，请重新选择文件');
  return path;
}

async function firstRows(path: string, fileName: string, n: number): Promise<{ rows: SheetRow[]; meta: Omit<ImportPreview, 'headerRow' | 'headers' | 'mapping' | 'sample'> }> {
  const src = await openSheet(path, { fileName });
  const rows: SheetRow[] = [];
  for await (const r of src.rows()) {
    rows.push(r);
    if (rows.length >= n) break;
  }
  return { rows, meta: { format: src.format, encoding: src.encoding, sheetName: src.sheetName } };
}

/** Reads the top of the file: the header row it recognises, the suggested mapping and sample rows. */
export async function previewImport(core: Core, input: z.output<typeof ImportPreviewInput>): Promise<ImportPreview> {
  const { rows, meta } = await firstRows(sourcePath(core, input.file), input.fileName, PREVIEW_ROWS);
  if (!rows.some((r) => r.cells.some((c) => c !== null))) throw new AppError('VALIDATION', `「${input.fileName}」是空的，没有任何数据`);
  const header = detectHeader(rows.map((r) => r.cells), enterpriseColumnAliases);
  const width = Math.max(...rows.map((r) => r.cells.length));
  const headerCells = header ? rows[header.headerIndex]!.cells : [];
  const headers = Array.from({ length: width }, (_, i) => headerCells[i] ?? `第 ${i + 1} 列`);
  const dataRows = header ? rows.slice(header.headerIndex + 1) : rows;
  if (header && !dataRows.some((r) => r.cells.some((c) => c !== null))) {
    throw new AppError('VALIDATION', `「${input.fileName}」只有表头（第 ${rows[header.headerIndex]!.row} 行），下面没有数据行`);
  }
  return {
    ...meta,
    headerRow: header ? rows[header.headerIndex]!.row : null,
    headers,
    mapping: (header?.mapping ?? {}) as ColumnMapping,
    sample: dataRows.slice(0, 10).map((r) => ({ row: r.row, cells: r.cells })),
  };
}

/**
 * The enterprises an import created, as runs of [first id, first row, count]: ids and rows both
 * consecutive within a run. They go into the import's one audit row, which is how each of them
 * shows “新建自「文件」第 N 行” in its history (enterpriseHistory): the values themselves are that
 * row of the file, which the file store keeps under the SHA-256 the audit row names. An audit row
 * per new enterprise repeating them was three quarters of the log's size and a sixth of the
 * import's time, and buried every other entry of the log under an import's thousands.
 */
class CreatedRuns {
  readonly runs: [number, number, number][] = [];
  add(id: number, row: number): void {
    const last = this.runs.at(-1);
    if (last && id === last[0] + last[2] && row === last[1] + last[2]) last[2]++;
    else this.runs.push([id, row, 1]);
  }
}

/** Starts the import job (dry run by default). */
export function importEnterprisesJob(core: Core, ctx: RequestContext, input: z.output<typeof ImportInput>) {
  const path = sourcePath(core, input.file);
  const title = `${input.dryRun ? '试导入' : contract['enterprises.import'].title}：${input.fileName}`;
  return core.jobs.start('enterprises.import', title, ctx.actor, input, (jc) => runImport(core, jc, input, path), {
    rollback: input.dryRun,
  });
}

// Written rows whose search indexes are written together (see bulkEnterpriseWriter).
const INDEX_EVERY = 5000;
// A guess of the bytes one row takes in a registry file (compressed xlsx or CSV text), to show
// progress before the reader has reached the end; the figures shown are exact.
const BYTES_PER_ROW_GUESS = 120;

async function runImport(core: Core, jc: JobContext, input: z.output<typeof ImportInput>, path: string): Promise<ImportResult> {
  const t0 = performance.now();
  const office = getOffice(core);
  const rejected: CheckedBatch['rejected'] = [];
  const warnings: CheckedBatch['warnings'] = [];
  let headerCells: (string | null)[] = [];
  let dataRows = 0;

  // The file is read and checked in a worker thread while this one writes what it has checked.
  // Existing enterprises (same code; or same name when neither has a code) are updated.
  const writer = bulkEnterpriseWriter(jc.sqlite);
  const byCode = jc.sqlite.prepare('SELECT id FROM enterprises WHERE uscc = ?');
  // Through the name_key index (the key is a function of the name), not a scan per row: the `+`
  // keeps SQLite from walking the code index over every enterprise without a code instead.
  const byNameNoCode = jc.sqlite.prepare(
    'SELECT id FROM enterprises WHERE name_key = ? AND name = ? AND +uscc IS NULL AND +archived_at IS NULL LIMIT 2',
  );
  // A new enterprise with a code, named exactly like a registered one with another code: most
  // often the same firm whose code was corrected on one side. Imported, but said.
  const sameNameOtherCode = jc.sqlite.prepare(
    'SELECT name, uscc FROM enterprises WHERE name_key = ? AND name = ? AND +archived_at IS NULL AND uscc IS NOT ? LIMIT 1',
  );
  const now = new Date().toISOString();
  const changes: ImportResult['changes'] = [];
  const added: ImportResult['added'] = [];
  const created = new CreatedRuns();
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  const expectedRows = statSync(path).size / BYTES_PER_ROW_GUESS;
  const batches = checkedBatches(
    { path, fileName: input.fileName, headerRow: input.headerRow, mapping: input.mapping, townships: office ? townshipsOf(office.countyCode) : [] },
    core.log,
  );
  for await (const batch of batches) {
    const written = inserted + updated + unchanged;
    jc.progress(0.95 * (dataRows / Math.max(expectedRows, dataRows + BATCH_ROWS)), `正在写入第 ${written + 1} 条…`);
    await jc.checkpoint();
    if (batch.headerCells) headerCells = batch.headerCells;
    dataRows = batch.dataRows;
    rejected.push(...batch.rejected);
    warnings.push(...batch.warnings);
    const audits: AuditInput[] = [];
    for (const { row, data, present, keys } of batch.rows) {
      let existingId: number | undefined;
      if (data.uscc) existingId = (byCode.get(data.uscc) as { id: number } | undefined)?.id;
      else {
        const same = byNameNoCode.all(keys.nameKey, data.name) as { id: number }[];
        if (same.length === 1) existingId = same[0]!.id;
      }
      if (existingId === undefined) {
        const twin = data.uscc ? (sameNameOtherCode.get(keys.nameKey, data.name, data.uscc) as { name: string; uscc: string | null } | undefined) : undefined;
        if (twin) {
          warnings.push({
            row,
            field: 'uscc',
            message: `已登记的「${twin.name}」与此同名，信用代码却不同（${twin.uscc ?? '无代码'}）：按新企业导入，请核对是否为同一企业（可在“疑似重复”中合并）`,
          });
        }
        created.add(writer.insert(data, null, now, keys), row);
        if (added.length < MAX_CHANGES_SHOWN) added.push({ row, name: data.name, uscc: data.uscc });
        inserted++;
        continue;
      }
      const before = getData(jc.sqlite, existingId);
      const next: EnterpriseData = { ...before };
      for (const key of present) (next as Record<string, unknown>)[key] = data[key];
      // A renamed enterprise keeps its old name as a former name, so searches for it still find it.
      if (next.name !== before.name && !next.formerNames.includes(before.name)) next.formerNames = [before.name, ...next.formerNames].slice(0, 10);
      const diff = diffData(before, next);
      if (!diff) {
        unchanged++;
        continue;
      }
      writer.update(existingId, next, null, now);
      audits.push({ entity: 'enterprise', entityId: existingId, ...diff, reason: `导入「${input.fileName}」第 ${row} 行` });
      updated++;
      if (changes.length < MAX_CHANGES_SHOWN) {
        changes.push({
          row,
          id: existingId,
          name: before.name,
          fields: Object.keys(diff.after).map((field) => ({
            field,
            label: labelOf(field),
            before: asText(diff.before[field]),
            after: asText(diff.after[field]),
          })),
        });
      }
    }
    jc.auditRows(audits);
    if (writer.pendingIndex() >= INDEX_EVERY) writer.indexPending();
  }
  if (dataRows === 0) throw new AppError('VALIDATION', `「${input.fileName}」第 ${input.headerRow} 行（表头）之后没有数据行`);
  jc.progress(0.95, '正在更新搜索索引…');
  writer.finish();

  const columnName = (field: ImportFieldKey | null): string => {
    if (field === null) return '';
    const col = input.mapping[field];
    if (col !== undefined && col < headerCells.length) return headerCells[col] ?? `第 ${col + 1} 列`;
    return enterpriseImportFields.find((f) => f.key === field)?.label ?? field;
  };
  const rejectedRows = rejected.map(({ row, field, reason, cells }) => ({ row, column: columnName(field), reason, cells }));
  const rejectedFile = rejectedRows.length ? await writeRejected(core, jc, input, headerCells, rejectedRows) : null;
  if (!input.dryRun) {
    core.files.register(jc.sqlite, { sha256: input.file, size: statSync(path).size, mime: 'application/octet-stream', name: input.fileName });
    if (rejectedFile) core.files.register(jc.sqlite, rejectedFile);
    jc.audit({
      entity: 'import',
      entityId: input.file,
      after: { file: input.fileName, rows: dataRows, inserted, updated, unchanged, rejected: rejected.length, created: created.runs },
    });
  }
  jc.progress(1, '完成');
  return {
    dryRun: input.dryRun,
    rows: dataRows,
    inserted,
    updated,
    unchanged,
    rejected: rejectedRows.map(({ row, column, reason }) => ({ row, column, reason })),
    warnings: warnings.map(({ row, field, message }) => ({ row, column: columnName(field), reason: message })),
    changes,
    added,
    rejectedFile,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  };
}

/** The rejected rows as they were in the file, with 原行号 and 原因 columns, kept in the file store. */
async function writeRejected(
  core: Core,
  jc: JobContext,
  input: z.output<typeof ImportInput>,
  headerCells: (string | null)[],
  rejected: (RejectedRow & { cells: (string | null)[] })[],
) {
  const dir = await mkdtemp(join(tmpdir(), 'qingbo-rejected-'));
  try {
    const file = join(dir, 'rejected.xlsx');
    const width = Math.max(headerCells.length, ...rejected.map((r) => r.cells.length));
    await writeXlsx(file, {
      sheetName: '未导入的行',
      columns: [
        ...Array.from({ length: width }, (_, i) => ({ header: headerCells[i] ?? `第 ${i + 1} 列`, width: 18 })),
        { header: '原行号', width: 8 },
        { header: '原因', width: 60 },
      ],
      rows: rejected.map((r) => [
        ...Array.from({ length: width }, (_, i) => r.cells[i] ?? null),
        r.row,
        `${r.column ? `${r.column}：` : ''}${r.reason}`,
      ]),
    });
    await jc.checkpoint();
    const base = input.fileName.replace(/\.(xlsx|xls|csv)$/i, '');
    const stored = await core.files.putFile(
      file,
      `${base}-未导入的行.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    return stored;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
