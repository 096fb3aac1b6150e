// Exports the filtered registry to xlsx with the streaming writer. The columns carry the names
// the import recognises, so an exported list can be edited and imported back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { maskPhone, seesPersonalData } from '../../../shared/accounts';
import { maskIdNumber } from '../../../shared/idcard';
import { UNCLASSIFIED } from '../../../shared/enterprise';
import type { ExportInput, ExportResult } from '../../../shared/import';
import type { RequestContext } from '../context';
import { assertMaySeePersonalData } from './personal';
import type { Core } from '../core';
import { townshipName } from '../divisions/divisions';
import type { JobContext } from '../jobs/runner';
import { industryByCode } from '../reference/industries';
import { writeXlsx } from '../sheets/write';
import { filterWhere, orderBy } from './search';

interface ExportRow {
  name: string;
  uscc: string | null;
  entity_type: string;
  legal_rep: string | null;
  id_number: string | null;
  phone: string | null;
  address: string | null;
  township_code: string | null;
  grid: string | null;
  industry_code: string | null;
  status: string;
  established_on: string | null;
  supervision_class: string;
  credit_class: string | null;
  tags: string;
  former_names: string;
  risk_notes: string | null;
  archived_at: string | null;
}

const COLUMNS = [
  { header: '企业名称', width: 36 },
  { header: '统一社会信用代码', width: 22 },
  { header: '主体类型', width: 12 },
  { header: '法定代表人（负责人）', width: 12 },
  { header: '证件号码', width: 21 },
  { header: '联系电话', width: 15 },
  { header: '住所（经营场所）', width: 40 },
  { header: '乡镇（街道）', width: 12 },
  { header: '网格', width: 10 },
  { header: '行业', width: 26 },
  { header: '登记状态', width: 9 },
  { header: '成立日期', width: 12 },
  { header: '监管类别', width: 9 },
  { header: '信用风险分类', width: 9 },
  { header: '标签', width: 20 },
  { header: '曾用名', width: 24 },
  { header: '风险提示', width: 30 },
  { header: '归档', width: 8 },
];

const list = (json: string): string => (JSON.parse(json) as string[]).join('、');

/** Starts the export job for the filter; the result names the xlsx kept in the file store. */
export function exportEnterprisesJob(core: Core, ctx: RequestContext, input: z.output<typeof ExportInput>) {
  if (input.revealPersonal) assertMaySeePersonalData(ctx, '导出完整证件号码');
  const maskPhones = !seesPersonalData(ctx.role);
  return core.jobs.start('enterprises.export', '导出企业名录', ctx.actor, input, (jc) => runExport(core, jc, input, maskPhones), { readOnly: true });
}

async function runExport(core: Core, jc: JobContext, input: z.output<typeof ExportInput>, maskPhones: boolean): Promise<ExportResult> {
  const t0 = performance.now();
  const w = filterWhere(input.filter);
  const where = w.sql.length ? `WHERE ${w.sql.join(' AND ')}` : '';
  const total = (jc.sqlite.prepare(`SELECT count(*) AS n FROM enterprises e ${where}`).get(...w.params) as { n: number }).n;
  // In the order of the list on screen.
  const orderParams: unknown[] = [];
  const select = jc.sqlite.prepare(
    `SELECT e.name, e.uscc, e.entity_type, e.legal_rep, e.id_number, e.phone, e.address, e.township_code, e.grid,
       e.industry_code, e.status, e.established_on, e.supervision_class, e.credit_class, e.tags, e.former_names,
       e.risk_notes, e.archived_at
     FROM enterprises e ${where} ORDER BY ${orderBy(input.sort, input.order, input.filter.q, orderParams)}`,
  );
  const dir = await mkdtemp(join(tmpdir(), 'qingbo-export-'));
  try {
    const file = join(dir, 'export.xlsx');
    async function* rows() {
      let n = 0;
      for (const r of select.iterate(...w.params, ...orderParams) as IterableIterator<ExportRow>) {
        const industry = r.industry_code ? industryByCode(r.industry_code) : undefined;
        yield [
          r.name,
          r.uscc,
          r.entity_type,
          r.legal_rep,
          r.id_number ? (input.revealPersonal ? r.id_number : maskIdNumber(r.id_number)) : null,
          r.phone && maskPhones ? maskPhone(r.phone) : r.phone,
          r.address,
          r.township_code ? (townshipName(r.township_code) ?? r.township_code) : null,
          r.grid,
          industry ? `${industry.code} ${industry.name}` : r.industry_code,
          r.status,
          r.established_on,
          r.supervision_class,
          // As the list shows it; an import reads 未分类 back as no class given.
          r.credit_class ?? UNCLASSIFIED,
          list(r.tags) || null,
          list(r.former_names) || null,
          r.risk_notes,
          r.archived_at ? '已归档' : null,
        ];
        if (++n % 2000 === 0) {
          jc.progress(n / Math.max(1, total), `已导出 ${n} / ${total} 家`);
          await jc.checkpoint();
        }
      }
    }
    const written = await writeXlsx(file, { sheetName: '企业名录', columns: COLUMNS, rows: rows() });
    const stamp = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    const stored = await core.files.putFile(file, `企业名录-${stamp}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    jc.write((sqlite) => core.files.register(sqlite, stored));
    jc.audit({
      entity: 'export',
      entityId: stored.sha256,
      after: { rows: written.rows, file: stored.name, filter: input.filter, revealPersonal: input.revealPersonal },
      reason: input.revealPersonal ? '导出完整证件号码' : null,
    });
    return { rows: written.rows, file: stored, seconds: Math.round((performance.now() - t0) / 100) / 10 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
