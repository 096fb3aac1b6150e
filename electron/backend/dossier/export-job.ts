// `dossier.export` as a job: resolves which enterprises, writes the PDF or zip in a temporary
// folder with progress, keeps it in the file store, and records the export in the audit trail.
// A cancel or a failure removes the temporary folder and anything it put in the store.
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { seesPersonalData } from '../../../shared/accounts';
import { MAX_DOSSIER_EXPORT, type DossierExportInput, type DossierExportResult } from '../../../shared/dossier-export';
import { AppError } from '../../../shared/errors';
import type { JobInfo } from '../../../shared/jobs';
import type { RequestContext } from '../context';
import type { Core } from '../core';
import type { Sqlite } from '../db/open';
import type { JobContext } from '../jobs/runner';
import { getEnterprise } from '../registry/repo';
import { filterWhere } from '../registry/search';
import { exportDossier, exportDossiers } from './export';
import { safeSegment } from './export-names';

type Input = z.output<typeof DossierExportInput>;

interface Target {
  id: number;
  name: string;
}

/** The enterprises an export covers: the one named, or those the filter selects (at most MAX_DOSSIER_EXPORT). */
export function dossierExportTargets(sqlite: Sqlite, input: Input): Target[] {
  if (input.enterpriseId !== null) {
    const e = getEnterprise(sqlite, input.enterpriseId);
    return [{ id: e.id, name: e.name }];
  }
  const w = filterWhere(input.filter!);
  const where = w.sql.length ? `WHERE ${w.sql.join(' AND ')}` : '';
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM enterprises e ${where}`).get(...w.params) as { n: number }).n;
  if (total === 0) throw new AppError('VALIDATION', '没有符合筛选条件的企业，请调整筛选条件后再导出档案。', { field: 'filter' });
  if (total > MAX_DOSSIER_EXPORT) {
    throw new AppError(
      'VALIDATION',
      `筛选出 ${total} 家企业，一次最多导出 ${MAX_DOSSIER_EXPORT} 家的档案。请缩小筛选范围（例如按乡镇或监管类别分批导出）。`,
      { field: 'filter', total, max: MAX_DOSSIER_EXPORT },
    );
  }
  return sqlite.prepare(`SELECT e.id, e.name FROM enterprises e ${where} ORDER BY e.name_pinyin, e.id`).all(...w.params) as Target[];
}

/** Starts the export job; its result names the PDF or zip kept in the file store (to save with saveFile). */
export function exportDossierJob(core: Core, ctx: RequestContext, input: Input): JobInfo {
  // Checked before starting, so a bad request is answered at once instead of as a failed job.
  const targets = dossierExportTargets(core.sqlite, input);
  const title = input.enterpriseId !== null ? `导出企业档案：${targets[0]!.name}` : `导出企业档案（${targets.length} 家）`;
  return core.jobs.start('dossier.export', title, ctx.actor, input, (jc) => runExport(core, jc, input, !seesPersonalData(ctx.role)), { readOnly: true });
}

const stamp = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

async function runExport(core: Core, jc: JobContext, input: Input, maskPhone: boolean): Promise<DossierExportResult> {
  const t0 = performance.now();
  const targets = dossierExportTargets(jc.sqlite, input);
  const single = input.enterpriseId !== null;
  const ext = single && input.format === 'pdf' ? 'pdf' : 'zip';
  const name = single ? safeSegment(`企业档案-${targets[0]!.name}-${stamp()}.${ext}`) : `企业档案-${targets.length}家-${stamp()}.zip`;
  const mime = ext === 'pdf' ? 'application/pdf' : 'application/zip';
  const dir = await mkdtemp(join(tmpdir(), 'qingbo-dossier-'));
  try {
    const out = join(dir, `export.${ext}`);
    const hooks = { sqlite: jc.sqlite, progress: (f: number, m: string) => jc.progress(f * 0.97, m), checkpoint: () => jc.checkpoint(), maskPhone };
    const summary = single
      ? await exportDossier(core, targets[0]!.id, input.format, out, hooks)
      : await exportDossiers(core, targets.map((t) => t.id), input.format, out, hooks);
    await jc.checkpoint();
    jc.progress(0.98, '正在保存导出的文件…');
    const stored = await core.files.putFile(out, name, mime);
    const wasIndexed = jc.sqlite.prepare('SELECT 1 FROM files WHERE sha256 = ?').get(stored.sha256) !== undefined;
    try {
      // The last moment a cancel can land: after this the job completes without yielding again.
      await jc.checkpoint();
      jc.write((sqlite) => core.files.register(sqlite, stored));
      jc.audit({
        entity: 'export',
        entityId: stored.sha256,
        after: {
          kind: 'dossier',
          format: input.format,
          file: stored.name,
          enterprises: targets.map((t) => t.id),
          records: summary.records,
          attachments: summary.attachments,
          ...(input.filter ? { filter: input.filter } : {}),
        },
      });
    } catch (err) {
      // Not indexed before and not kept now: the bytes must not linger in the store.
      const path = core.files.pathOf(stored.sha256);
      if (!wasIndexed && existsSync(path)) rmSync(path, { force: true });
      throw err;
    }
    return {
      file: stored,
      enterprises: summary.enterprises,
      records: summary.records,
      attachments: summary.attachments,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
