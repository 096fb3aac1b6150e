// `qingbo import enterprises FILE` and `qingbo export enterprises --out FILE`.
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ExportResult, ImportPreview, ImportResult } from '../../shared/import';
import type { Backend } from '../backend/backend';
import { filterFromOptions, type FilterOptions } from './filter';
import { quickCheckAlongside } from '../backend/db/check-thread';
import { callApi, runJob } from './jobs';
import { UsageError } from './usage';

/** Imports a spreadsheet with the columns it recognises; prints the result; exit 0 when the import ran. */
export async function importEnterprises(
  backend: Backend,
  file: string,
  opts: { dryRun: boolean; json: boolean; rejectedOut?: string | undefined },
): Promise<number> {
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`找不到文件 ${path}`);
  if (statSync(path).size === 0) throw new AppError('VALIDATION', `「${basename(path)}」是空文件（0 字节）`);
  const stored = await backend.core.files.putFile(path, basename(path));
  const preview = await callApi<ImportPreview>(backend, 'enterprises.importPreview', { file: stored.sha256, fileName: basename(path) });
  if (preview.headerRow === null || preview.mapping.name === undefined) {
    throw new AppError('VALIDATION', `「${basename(path)}」中找不到表头（需要有“企业名称”或“名称”等列）。请在界面中导入并手动指定各列。`);
  }
  const done = await runJob(backend, 'enterprises.import', {
    file: stored.sha256,
    fileName: basename(path),
    headerRow: preview.headerRow,
    mapping: preview.mapping,
    dryRun: opts.dryRun,
  }, opts.json);
  if (done.status !== 'succeeded') throw new AppError(done.error?.code ?? 'INTERNAL', done.error?.message ?? done.message);
  const r = done.result as ImportResult;
  if (r.rejectedFile && opts.rejectedOut) copyFileSync(backend.core.files.pathOf(r.rejectedFile.sha256), resolve(opts.rejectedOut));
  if (opts.json) {
    console.log(JSON.stringify({
      inserted: r.inserted, updated: r.updated, rejected: r.rejected,
      unchanged: r.unchanged, warnings: r.warnings, rows: r.rows, dryRun: r.dryRun, seconds: r.seconds,
    }));
    return 0;
  }
  console.log(`${r.dryRun ? '试导入（未写入）' : '导入完成'}：共 ${r.rows} 行，新增 ${r.inserted}，更新 ${r.updated}，无变化 ${r.unchanged}，未导入 ${r.rejected.length}（用时 ${r.seconds} 秒）`);
  for (const x of r.rejected.slice(0, 50)) console.log(`  第 ${x.row} 行 ${x.column}：${x.reason}`);
  if (r.rejected.length > 50) console.log(`  ……另有 ${r.rejected.length - 50} 行，加 --rejected-out 文件.xlsx 保存全部未导入的行`);
  for (const w of r.warnings.slice(0, 20)) console.log(`  提示：第 ${w.row} 行 ${w.column}：${w.reason}`);
  return 0;
}

export interface ExportOptions extends FilterOptions {
  out: string;
  json: boolean;
}

/** Exports the (filtered) registry to an xlsx file. */
export async function exportEnterprises(backend: Backend, o: ExportOptions): Promise<number> {
  const check = backend.timings.quickCheckDeferred ? quickCheckAlongside(backend.core.dbFile, backend.core.jobs.access) : null;
  let done: Awaited<ReturnType<typeof runJob>>;
  try {
    const filter = filterFromOptions(backend, o);
    done = await runJob(backend, 'enterprises.export', { filter }, o.json);
    // Nothing is handed out from a database that failed its check.
    await check?.done;
  } finally {
    await check?.stop();
  }
  if (done.status !== 'succeeded') throw new AppError(done.error?.code ?? 'INTERNAL', done.error?.message ?? done.message);
  const r = done.result as ExportResult;
  const out = resolve(o.out);
  copyFileSync(backend.core.files.pathOf(r.file.sha256), out);
  if (o.json) console.log(JSON.stringify({ ok: true, rows: r.rows, out, sha256: r.file.sha256, seconds: r.seconds }));
  else console.log(`已导出 ${r.rows} 家企业到 ${out}（用时 ${r.seconds} 秒）`);
  return 0;
}
