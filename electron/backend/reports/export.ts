// Checking, previewing and exporting a table, and the 报送记录 of every table sent: the file kept
// byte for byte in the file store with the format version and hash, the parameters, the findings
// the clerk confirmed, who and when.
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { StoredFileRef } from '../../../shared/import';
import type { JobRef } from '../../../shared/jobs';
import type { CheckResult, Finding, ReportExportInput, ReportParams, ReportPreview, SentList, SentListInput, SentReport } from '../../../shared/report';
import type { RequestContext } from '../context';
import { jobCore, type Core } from '../core';
import type { Sqlite } from '../db/open';
import type { JobContext } from '../jobs/runner';
import { buildTable, type BuiltTable } from './build';
import { checkTable, tableChecker } from './checks';
import { reportCsv } from './csv';
import { writeReportXlsx } from './xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv';

const check = (t: BuiltTable): CheckResult => checkTable(t.format.definition, t.layout, t.data, t.rows(), t.summed);

/** The findings and row count of a table, without writing anything. */
export async function checkReport(core: Core, params: ReportParams): Promise<CheckResult> {
  return check(await buildTable(core, params));
}

/** The table as it will be written: titles, merged header, the first `limit` rows, 合计, footer and findings. */
export async function previewReport(core: Core, params: ReportParams, limit: number): Promise<ReportPreview> {
  const t = await buildTable(core, params);
  const rows: ReportPreview['rows'] = [];
  let dataRows = 0;
  for (const r of t.rows()) {
    if (!r.total && ++dataRows > limit) continue;
    rows.push({ sheetRow: r.sheetRow, total: r.total, cells: r.cells.map((c) => (c !== null && typeof c === 'object' ? `=${c.formula}` : c)) });
  }
  const { findings, rowCount } = check(t);
  return {
    title: t.layout.title,
    header: t.layout.header,
    headerRows: t.layout.headerRows,
    columnWidths: t.layout.columns.map((c) => c.def.width),
    rows,
    rowCount,
    footer: t.layout.footer.map((line) => line.join('　')),
    findings,
  };
}

const refuse = (findings: Finding[]): AppError => {
  const errors = findings.filter((f) => f.level === 'error').length;
  const shown = findings.slice(0, 3).map((f) => f.message).join('；');
  return new AppError(
    'CONFLICT',
    `导出前检查发现 ${findings.length} 处问题（其中 ${errors} 处错误）：${shown}${findings.length > 3 ? '……' : ''}。请核对数据；确认无误后可选择“仍然导出”`,
    { findings },
  );
};

/** Checks the table, refuses (CONFLICT with the findings) unless they are confirmed, then starts the export job. */
export async function startExport(core: Core, ctx: RequestContext, input: z.output<typeof ReportExportInput>): Promise<JobRef> {
  const t = await buildTable(core, input.params);
  const { findings } = check(t);
  if (findings.length && !input.confirmFindings) throw refuse(findings);
  const job = core.jobs.start('reports.export', `导出报表：${t.format.definition.name}`, ctx.actor, input, (jc) => runExport(core, jc, input), { readOnly: true });
  return { jobId: job.id };
}

const stamp = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

async function runExport(core: Core, jc: JobContext, input: z.output<typeof ReportExportInput>): Promise<SentReport> {
  const t = await buildTable(jobCore(core, jc.sqlite), input.params);
  const d = t.format.definition;
  // Checked again while writing (one pass): the data may have changed since the call was checked,
  // and new findings need a new confirmation before anything is stored.
  const checker = tableChecker(d, t.layout, t.data, t.summed);
  const type = input.type ?? d.output.type;
  const period = t.data.from && t.data.to ? `-${t.data.from}至${t.data.to}` : '';
  const name = `${d.name}${input.params.rollup ? '（汇总）' : ''}${period}-${stamp()}.${type}`;
  const total = Math.max(1, t.data.count);
  let stored;
  let rowCount: number;
  let findings: Finding[];
  if (type === 'xlsx') {
    const dir = await mkdtemp(join(tmpdir(), 'qingbo-report-'));
    try {
      const file = join(dir, 'report.xlsx');
      const written = await writeReportXlsx(
        file,
        t,
        async (n) => {
          if (n % 2000 === 0) {
            jc.progress(n / total, `已写入 ${n} / ${total} 行`);
            await jc.checkpoint();
          }
        },
        (r) => checker.add(r),
      );
      rowCount = written.rows;
      findings = checker.finish().findings;
      if (findings.length && !input.confirmFindings) throw refuse(findings);
      stored = await core.files.putFile(file, name, XLSX);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } else {
    const csv = reportCsv(t, (r) => checker.add(r));
    rowCount = csv.rows;
    findings = checker.finish().findings;
    if (findings.length && !input.confirmFindings) throw refuse(findings);
    stored = await core.files.putBytes(csv.bytes, name, CSV);
  }
  const parameters = { ...input.params, type, confirmFindings: input.confirmFindings } as Record<string, unknown>;
  const sent: SentReport = {
    id: 0,
    formatId: input.params.formatId,
    formatName: d.name,
    formatVersion: t.format.version,
    formatSha256: t.formatSha256,
    parameters,
    fileType: type,
    file: stored,
    rowCount,
    findings,
    rollup: input.params.rollup,
    exportedBy: jc.actor,
    exportedAt: new Date().toISOString(),
  };
  // A read-only job applies its writes after the body returns, in one transaction with the audit
  // row; the id is filled in then, before the job's result is stored.
  jc.write((sqlite) => {
    core.files.register(sqlite, stored);
    sent.id = Number(
      sqlite
        .prepare(
          `INSERT INTO report_exports (format_id, format_name, format_version, format_sha256, parameters, file_type, file_name, sha256, size, row_count, findings, rollup, exported_by, exported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(sent.formatId, sent.formatName, sent.formatVersion, sent.formatSha256, JSON.stringify(parameters), type, stored.name, stored.sha256, stored.size, rowCount, JSON.stringify(findings), sent.rollup ? 1 : 0, sent.exportedBy, sent.exportedAt)
        .lastInsertRowid,
    );
  });
  jc.audit({
    entity: 'report_export',
    entityId: stored.sha256,
    after: { formatId: sent.formatId, formatVersion: sent.formatVersion, file: stored.name, rows: rowCount, params: input.params, findings: findings.length },
    reason: findings.length ? `确认 ${findings.length} 处检查问题后仍然导出` : null,
  });
  return sent;
}

interface SentRow {
  id: number;
  format_id: string;
  format_name: string;
  format_version: number;
  format_sha256: string;
  parameters: string;
  file_type: 'xlsx' | 'csv';
  file_name: string;
  sha256: string;
  size: number;
  row_count: number;
  findings: string;
  rollup: number;
  exported_by: string;
  exported_at: string;
}

const toSent = (r: SentRow): SentReport => ({
  id: r.id,
  formatId: r.format_id,
  formatName: r.format_name,
  formatVersion: r.format_version,
  formatSha256: r.format_sha256,
  parameters: JSON.parse(r.parameters) as Record<string, unknown>,
  fileType: r.file_type,
  file: { sha256: r.sha256, name: r.file_name, size: r.size, mime: r.file_type === 'xlsx' ? XLSX : CSV },
  rowCount: r.row_count,
  findings: JSON.parse(r.findings) as Finding[],
  rollup: r.rollup === 1,
  exportedBy: r.exported_by,
  exportedAt: r.exported_at,
});

/** 报送记录, newest first. */
export function listSent(sqlite: Sqlite, input: z.output<typeof SentListInput>): z.output<typeof SentList> {
  const where = input.formatId ? 'WHERE format_id = ?' : '';
  const args = input.formatId ? [input.formatId] : [];
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM report_exports ${where}`).get(...args) as { n: number }).n;
  const rows = sqlite.prepare(`SELECT * FROM report_exports ${where} ORDER BY exported_at DESC, id DESC LIMIT ? OFFSET ?`).all(...args, input.limit, input.offset) as SentRow[];
  return { total, rows: rows.map(toSent) };
}

/** The stored file of one export: the very bytes that were sent (never regenerated). */
export function sentFile(core: Core, id: number): StoredFileRef {
  const r = core.sqlite.prepare('SELECT * FROM report_exports WHERE id = ?').get(id) as SentRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到报送记录 ${id}`);
  if (!existsSync(core.files.pathOf(r.sha256))) throw new AppError('INTEGRITY', `报送记录 ${id} 的文件在文件库中找不到（${r.file_name}），请从备份恢复`);
  return toSent(r).file;
}
