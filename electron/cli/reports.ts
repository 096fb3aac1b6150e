// `qingbo export --format …`, `qingbo package export|import|list` and `qingbo formats list`: report
// tables in a format, the county → city exchange packages, and the formats an office has.
import { copyFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { isIsoDate } from '../../shared/dates';
import type { CheckResult, Finding, ReportFormatSummary, ReportPackage, SentReport } from '../../shared/report';
import { periodPresets } from '../../shared/report';
import { reportSourceLabels } from '../../shared/report-format';
import type { Backend } from '../backend/backend';
import { callApi, runJob } from './jobs';
import { UsageError } from './usage';

export const REPORTS_HELP = `  export --data 目录 --format 格式代号 [--campaign 编号] [--from 日期 --to 日期 | --period last-week]
         [--rollup] [--csv] [--confirm] [--preparer 姓名] [--phone 电话] --out 文件 [--json]
          按报表格式导出报表（xlsx，加 --csv 导出 CSV）并记入报送记录。导出前先检查数据：发现问题时
          逐条列出并以退出码 1 结束，确认无误后加 --confirm 仍然导出。--rollup 汇总已导入的各县数据包。
          --period 可用 last-week（上周一至周日）、this-week、last-month、this-month、this-quarter、this-year。
  package export --data 目录 --campaign 编号 --from 日期 --to 日期 --out 文件.zip [--json]
          导出上报数据包（县级）：专项统计、双随机抽查结果和不合格产品处置数据，附 SHA-256 清单。
  package import 文件.zip --data 目录 [--replace] [--json]
          导入县级数据包（市级）：校验清单和来源单位；同一县同一期间已有数据包时，加 --replace 替换。
  package list --data 目录 [--json]
          列出导出和导入的数据包。
  formats list --data 目录 [--json]
          列出报表格式：代号、名称、数据来源、版本。`;

export interface ReportExportOptions {
  format?: string;
  campaign?: string;
  from?: string;
  to?: string;
  period?: string;
  rollup: boolean;
  csv: boolean;
  confirm: boolean;
  preparer?: string;
  phone?: string;
  out?: string;
  json: boolean;
}

const PERIODS: Record<string, string> = {
  'last-week': 'lastWeek', 'this-week': 'thisWeek', 'last-month': 'lastMonth', 'this-month': 'thisMonth', 'this-quarter': 'thisQuarter', 'this-year': 'thisYear',
};

function dateOption(name: string, v: string | undefined): string | null {
  if (v === undefined) return null;
  if (!isIsoDate(v)) throw new UsageError(`--${name} 应为日期，格式 YYYY-MM-DD，收到「${v}」`);
  return v;
}

function campaignOption(v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--campaign 应为专项编号（正整数，见 qingbo campaign list），收到「${v}」`);
  return n;
}

function periodOf(o: { from?: string; to?: string; period?: string }): { from: string | null; to: string | null } {
  if (o.period) {
    const key = PERIODS[o.period];
    if (!key) throw new UsageError(`--period 只能是 ${Object.keys(PERIODS).join('、')}，收到「${o.period}」`);
    const p = periodPresets().find((x) => x.key === key)!;
    return { from: p.from, to: p.to };
  }
  return { from: dateOption('from', o.from), to: dateOption('to', o.to) };
}

const findingLine = (f: Finding) => `${f.level === 'error' ? '错误' : '提示'}：${f.message}`;

/** `qingbo export --format …`: checks, refuses on findings unless --confirm, exports and copies the kept file to --out. */
export async function reportExportCommand(backend: Backend, o: ReportExportOptions): Promise<number> {
  if (!o.format) throw new UsageError('缺少 --format 报表格式代号（见 qingbo formats list），例如：--format phosphate-progress');
  if (!o.out) throw new UsageError('缺少 --out 文件，例如：--out 统计表.xlsx');
  const params = {
    formatId: o.format,
    campaignId: campaignOption(o.campaign),
    ...periodOf(o),
    rollup: o.rollup,
    preparer: o.preparer ?? null,
    phone: o.phone ?? null,
  };
  const check = await callApi<CheckResult>(backend, 'reports.check', params);
  if (check.findings.length && !o.confirm) {
    if (o.json) console.log(JSON.stringify({ ok: false, error: { code: 'CONFLICT', message: '导出前检查发现问题' }, findings: check.findings }));
    else {
      console.error(`导出前检查发现 ${check.findings.length} 处问题：`);
      for (const f of check.findings) console.error(`  ${findingLine(f)}`);
      console.error('请核对数据；确认无误后加 --confirm 仍然导出（这些问题会随报送记录一起保存）。');
    }
    return 1;
  }
  const done = await runJob(backend, 'reports.export', { params, type: o.csv ? 'csv' : null, confirmFindings: o.confirm }, o.json);
  if (done.status !== 'succeeded') {
    if (o.json) console.log(JSON.stringify({ ok: false, error: done.error }));
    else console.error(`报表未导出：${done.message}`);
    return 1;
  }
  const sent = done.result as SentReport;
  const out = resolve(o.out);
  await copyFile(backend.core.files.pathOf(sent.file.sha256), out);
  if (o.json) console.log(JSON.stringify({ ok: true, out, id: sent.id, rows: sent.rowCount, sha256: sent.file.sha256, formatVersion: sent.formatVersion, findings: sent.findings }));
  else {
    for (const f of sent.findings) console.error(`  ${findingLine(f)}`);
    console.log(`已导出「${sent.formatName}」${sent.rowCount} 行到 ${out}，已记入报送记录（编号 ${sent.id}，SHA-256 ${sent.file.sha256.slice(0, 12)}…）。`);
  }
  return 0;
}

export interface PackageOptions {
  campaign?: string;
  from?: string;
  to?: string;
  out?: string;
  file?: string;
  replace: boolean;
  json: boolean;
}

const describePackage = (p: ReportPackage) =>
  `${p.id}\t${p.direction === 'exported' ? '导出' : '导入'}\t${p.countyName}（${p.officeName}）\t${p.periodFrom ?? ''} 至 ${p.periodTo ?? ''}\t${p.campaigns.map((c) => c.name).join('、')}${p.withdrawnAt ? '\t已撤下' : ''}`;

/** `qingbo package export|import|list`. */
export async function packageCommand(backend: Backend, sub: string | undefined, o: PackageOptions): Promise<number> {
  if (sub === 'export') {
    const campaignId = campaignOption(o.campaign);
    if (campaignId === null) throw new UsageError('缺少 --campaign 专项编号（见 qingbo campaign list）');
    const from = dateOption('from', o.from);
    const to = dateOption('to', o.to);
    if (!from || !to) throw new UsageError('缺少 --from 和 --to 日期，例如：--from 2026-11-23 --to 2026-11-29');
    if (!o.out) throw new UsageError('缺少 --out 文件，例如：--out 数据包.zip');
    const pkg = await callApi<ReportPackage>(backend, 'reports.exportPackage', { campaignId, from, to });
    const out = resolve(o.out);
    await copyFile(backend.core.files.pathOf(pkg.file.sha256), out);
    if (o.json) console.log(JSON.stringify({ ok: true, out, id: pkg.id, manifestSha256: pkg.manifestSha256, sha256: pkg.file.sha256 }));
    else console.log(`已导出${pkg.countyName}${from} 至 ${to}的数据包到 ${out}（清单 SHA-256 ${pkg.manifestSha256.slice(0, 12)}…）。`);
    return 0;
  }
  if (sub === 'import') {
    if (!o.file) throw new UsageError('缺少要导入的数据包，例如：qingbo package import 华容县数据包.zip --data ./data');
    const path = resolve(o.file);
    const stored = await backend.core.files.putFile(path, basename(path), 'application/zip');
    const pkg = await callApi<ReportPackage>(backend, 'reports.importPackage', { file: stored.sha256, fileName: basename(path), replace: o.replace });
    if (o.json) console.log(JSON.stringify({ ok: true, id: pkg.id, officeCode: pkg.officeCode, officeName: pkg.officeName, periodFrom: pkg.periodFrom, periodTo: pkg.periodTo }));
    else console.log(`已导入${pkg.countyName}（${pkg.officeName}）${pkg.periodFrom ?? ''} 至 ${pkg.periodTo ?? ''}的数据包（编号 ${pkg.id}）。`);
    return 0;
  }
  if (sub === 'list') {
    const list = await callApi<ReportPackage[]>(backend, 'reports.packages', { includeWithdrawn: true });
    if (o.json) console.log(JSON.stringify({ ok: true, packages: list }));
    else if (list.length === 0) console.log('还没有数据包。');
    else for (const p of list) console.log(describePackage(p));
    return 0;
  }
  throw new UsageError('用法：qingbo package export|import|list …（运行 qingbo --help 查看详情）');
}

/** `qingbo formats list`. */
export async function formatsCommand(backend: Backend, sub: string | undefined, json: boolean): Promise<number> {
  if (sub !== 'list') throw new UsageError('用法：qingbo formats list --data 目录 [--json]');
  const list = await callApi<ReportFormatSummary[]>(backend, 'reports.list', {});
  if (json) console.log(JSON.stringify({ ok: true, formats: list }));
  else for (const f of list) console.log(`${f.id}\t${f.name}\t${reportSourceLabels[f.source]}\t第 ${f.version} 版${f.builtin ? '\t内置' : ''}${f.archived ? '\t已停用' : ''}`);
  return 0;
}
