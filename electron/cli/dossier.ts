// `qingbo dossier export`: one enterprise's file (一企一档) as a PDF or a zip with its
// attachments, or the files of the enterprises a filter selects as one zip.
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { MAX_DOSSIER_EXPORT, type DossierExportResult } from '../../shared/dossier-export';
import type { EnterpriseSearchResult } from '../../shared/enterprise';
import { AppError } from '../../shared/errors';
import { normalizeCode } from '../../shared/uscc';
import type { Backend } from '../backend/backend';
import { filterFromOptions, hasFilter, type FilterOptions } from './filter';
import { callApi, runJob } from './jobs';
import { UsageError } from './usage';

export interface DossierExportOptions extends FilterOptions {
  code: string | undefined;
  format: string | undefined;
  json: boolean;
}

export interface CheckedOutput {
  out: string;
  /** What --out asks for: a PDF or a zip. */
  ext: 'pdf' | 'zip';
}

/** Checks --out before any work is done: a .pdf or .zip file in a folder that exists. */
export function checkDossierOut(out: string | undefined): CheckedOutput {
  if (!out) throw new UsageError('缺少 --out 文件，例如：--out 企业档案.zip（含附件）或 --out 企业档案.pdf（只要 PDF）');
  const path = resolve(out);
  const ext = extname(path).toLowerCase();
  if (ext !== '.zip' && ext !== '.pdf') throw new UsageError(`--out 的文件名应以 .zip 或 .pdf 结尾，收到「${out}」`);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`保存位置的文件夹「${folder}」不存在。请先建好这个文件夹，或换一个 --out 位置。`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`「${path}」是一个文件夹，请在 --out 中写上文件名，例如 ${path}/企业档案${ext}`);
  return { out: path, ext: ext === '.pdf' ? 'pdf' : 'zip' };
}

/** The enterprise with this credit code (or 15-digit registration number), through the registry search. */
async function enterpriseByCode(backend: Backend, raw: string): Promise<{ id: number; name: string }> {
  const code = normalizeCode(raw);
  if (!code) throw new UsageError('--code 不能为空，请写统一社会信用代码（18 位）或注册号（15 位）');
  const found = await callApi<EnterpriseSearchResult>(backend, 'enterprises.search', { filter: { q: code, archived: 'all' }, limit: 20 });
  const hit = found.rows.find((r) => r.uscc !== null && normalizeCode(r.uscc) === code);
  if (!hit) throw new AppError('NOT_FOUND', `找不到统一社会信用代码为 ${code} 的企业。请核对代码，或先在企业名录中查找这家企业。`, { code });
  return { id: hit.id, name: hit.name };
}

/** Exports dossiers as the options say and copies the file to --out; exit 0 when it is written. */
export async function exportDossierCommand(backend: Backend, o: DossierExportOptions, target: CheckedOutput): Promise<number> {
  const { out, ext } = target;
  const listed = hasFilter(o);
  if (o.code && listed) throw new UsageError('--code 与筛选条件（--township 等）只能选一种：导出一家企业，或导出筛选出的多家企业');
  if (!o.code && !listed) throw new UsageError('请用 --code 指定企业的统一社会信用代码，或用 --township 等筛选条件选出多家企业');
  if (o.format !== undefined && o.format !== 'pdf' && o.format !== 'zip') throw new UsageError(`--format 只能是 pdf 或 zip，收到「${o.format}」`);

  let input: Record<string, unknown>;
  let who: string;
  if (o.code) {
    if (o.format !== undefined) throw new UsageError('导出一家企业时由 --out 的扩展名决定格式（.pdf 或 .zip），不需要 --format');
    const e = await enterpriseByCode(backend, o.code);
    input = { enterpriseId: e.id, format: ext };
    who = `「${e.name}」的档案`;
  } else {
    if (ext !== 'zip') {
      throw new UsageError('多家企业的档案只能导出为一个 .zip：默认每家一个文件夹（PDF 和附件），加 --format pdf 则每家只有一个 PDF');
    }
    input = { filter: filterFromOptions(backend, o), format: o.format ?? 'zip' };
    who = '筛选出的企业档案';
  }
  const done = await runJob(backend, 'dossier.export', input, o.json);
  if (done.status !== 'succeeded') throw new AppError(done.error?.code ?? 'INTERNAL', done.error?.message ?? done.message);
  const r = done.result as DossierExportResult;
  copyFileSync(backend.core.files.pathOf(r.file.sha256), out);
  if (o.json) {
    console.log(JSON.stringify({
      ok: true, out, enterprises: r.enterprises, records: r.records, attachments: r.attachments,
      sha256: r.file.sha256, bytes: r.file.size, seconds: r.seconds,
    }));
  } else {
    const count = o.code ? '' : `${r.enterprises} 家企业、`;
    console.log(`已导出${who}（${count}${r.records} 条记录、${r.attachments} 个附件）到 ${out}（用时 ${r.seconds} 秒）`);
  }
  return 0;
}

export const DOSSIER_HELP = `  dossier export --data 目录 --code 统一社会信用代码 --out 文件.zip|文件.pdf [--json]
          导出一家企业的档案（一企一档）：.pdf 只要可打印的档案；.zip 另含全部附件和 manifest.json
          （列出每个文件的 SHA-256，便于核对）。
  dossier export --data 目录 [筛选] --out 文件.zip [--format zip|pdf] [--json]
          导出筛选出的多家企业的档案（一次最多 ${MAX_DOSSIER_EXPORT} 家），筛选选项同 export enterprises；
          每家一个文件夹（PDF 和附件），加 --format pdf 则每家只有一个 PDF。`;
