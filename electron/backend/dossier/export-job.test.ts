import { createHash } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DossierExportResult } from '../../../shared/dossier-export';
import { callOk, clerk, snapshot, testBackend } from '../../../tests/helpers/backend';
import type { Backend } from '../backend';
import type { BatchManifest, DossierManifest } from './export-manifest';
import { png, readZip } from '../../../tests/helpers/files';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const storeListing = (b: Backend & { dataDir: string }) =>
  readdirSync(join(b.dataDir, 'files'), { recursive: true }).map(String).filter((f) => !f.startsWith('.tmp')).sort();

async function enterpriseWithPhotos(b: Backend, name: string, photos: number): Promise<number> {
  const { enterprise } = await callOk(b, 'enterprises.create', { data: { name, townshipCode: '430623101', tags: ['档案导出'] } });
  const attachments = [];
  for (let i = 0; i < photos; i++) attachments.push(await b.core.files.putBytes(png(8, 6, 40 + i), `现场照片.png`, 'image/png'));
  await callOk(b, 'dossier.create', { enterpriseId: enterprise.id, kind: 'note', occurredOn: '2026-03-02', data: { text: '现场拍照' }, attachments });
  await callOk(b, 'dossier.create', {
    enterpriseId: enterprise.id, kind: 'inspection', occurredOn: '2026-03-01', data: { inspectors: ['李明', '王芳'], result: '未发现问题' },
  });
  return enterprise.id;
}

async function finished(b: Backend, jobId: string) {
  const done = await b.core.jobs.wait(jobId);
  if (done.status !== 'succeeded') throw new Error(`${done.status}: ${done.message}`);
  return done.result as DossierExportResult;
}

describe('dossier.export', () => {
  it('exports a filtered list as one zip with a folder per enterprise, manifests whose hashes match, and one audit row', async () => {
    const b = testBackend();
    await callOk(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' });
    const a = await enterpriseWithPhotos(b, '华容县碧波日化有限公司', 2);
    const c = await enterpriseWithPhotos(b, '华容县东山百货商店', 1);
    await callOk(b, 'enterprises.create', { data: { name: '华容县不相干商行' } });

    const { jobId } = await callOk(b, 'dossier.export', { filter: { tags: ['档案导出'] }, format: 'zip' });
    const r = await finished(b, jobId);
    expect(r).toMatchObject({ enterprises: 2, records: 4, attachments: 3, file: { mime: 'application/zip' } });
    expect(r.file.name).toMatch(/^企业档案-2家-\d{8}-\d{4}\.zip$/);
    const zip = await readZip(b.core.files.pathOf(r.file.sha256));
    const top = JSON.parse(zip.get('manifest.json')!.toString('utf8')) as BatchManifest;
    expect(top.enterprises.map((e) => [e.id, e.path])).toEqual([
      [a, '华容县碧波日化有限公司_编号' + a], // in pinyin order, as the registry lists them
      [c, '华容县东山百货商店_编号' + c],
    ]);
    expect(top.files).toHaveLength(5); // two PDFs, three photos
    for (const f of top.files) expect(sha(zip.get(f.path)!), f.path).toBe(f.sha256);
    const inner = JSON.parse(zip.get(`华容县碧波日化有限公司_编号${a}/manifest.json`)!.toString('utf8')) as DossierManifest;
    expect(inner.files.map((f) => f.path)).toEqual([
      '华容县碧波日化有限公司-企业档案.pdf',
      `附件/2026-03-02_备注_${inner.records[0]!.id}/现场照片.png`,
      `附件/2026-03-02_备注_${inner.records[0]!.id}/现场照片 (2).png`,
    ]);
    expect(zip.get(`华容县碧波日化有限公司_编号${a}/华容县碧波日化有限公司-企业档案.pdf`)!.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await callOk(b, 'audit.list', { entity: 'export' });
    expect(audit[0]).toMatchObject({ method: 'dossier.export', actor: '张干事', after: { kind: 'dossier', format: 'zip', enterprises: [a, c] } });

    const pdfs = await finished(b, (await callOk(b, 'dossier.export', { filter: { tags: ['档案导出'] }, format: 'pdf' })).jobId);
    const pdfZip = await readZip(b.core.files.pathOf(pdfs.file.sha256));
    expect([...pdfZip.keys()]).toEqual([`华容县碧波日化有限公司_编号${a}.pdf`, `华容县东山百货商店_编号${c}.pdf`, 'manifest.json']);
  });

  it('leaves nothing behind when cancelled half-way: no file, no index row, no audit row', async () => {
    const b = testBackend();
    const id = await enterpriseWithPhotos(b, '华容县碧波日化有限公司', 6);
    const before = snapshot(b);
    const files = storeListing(b);
    const { jobId } = await callOk(b, 'dossier.export', { enterpriseId: id, format: 'zip' });
    const off = b.core.jobs.onProgress((j) => {
      if (j.id === jobId && j.message.includes('正在打包附件') && j.status === 'running') b.core.jobs.cancel(jobId);
    });
    const done = await b.core.jobs.wait(jobId);
    off();
    expect(done.status).toBe('cancelled');
    expect(snapshot(b)).toBe(before);
    expect(storeListing(b)).toEqual(files);
  });

  it('refuses to export an attachment whose bytes no longer match its hash, or that is missing', async () => {
    const b = testBackend();
    const id = await enterpriseWithPhotos(b, '华容县碧波日化有限公司', 2);
    const [first, second] = (await callOk(b, 'dossier.get', { enterpriseId: id })).records[0]!.attachments;
    writeFileSync(b.core.files.pathOf(first!.sha256), png(8, 6, 200)); // same size and kind, other pixels
    const before = snapshot(b);
    const corrupt = await b.core.jobs.wait((await callOk(b, 'dossier.export', { enterpriseId: id, format: 'zip' })).jobId);
    expect(corrupt.status).toBe('failed');
    expect(corrupt.error).toMatchObject({ code: 'INTEGRITY', message: expect.stringContaining('附件「现场照片.png」在文件库中已损坏') as string });
    rmSync(b.core.files.pathOf(second!.sha256));
    const missing = await b.core.jobs.wait((await callOk(b, 'dossier.export', { enterpriseId: id, format: 'pdf' })).jobId);
    expect(missing.error).toMatchObject({ code: 'INTEGRITY', message: expect.stringContaining('在文件库中找不到') as string });
    expect(snapshot(b)).toBe(before);
  });

  it('refuses a list over the limit, an empty selection and an input naming both or neither, before starting', async () => {
    const b = testBackend();
    const csv = join(b.dataDir, '名录.csv');
    writeFileSync(csv, `企业名称\n${Array.from({ length: 501 }, (_, i) => `华容县第${i + 1}号测试商行`).join('\n')}\n`);
    const stored = await b.core.files.putFile(csv, '名录.csv');
    const imported = await callOk(b, 'enterprises.import', { file: stored.sha256, fileName: '名录.csv', headerRow: 1, mapping: { name: 0 }, dryRun: false });
    expect((await b.core.jobs.wait(imported.jobId)).status).toBe('succeeded');

    const tooMany = await b.api.call('dossier.export', { filter: {}, format: 'zip' }, clerk);
    expect(!tooMany.ok && tooMany.error).toMatchObject({
      code: 'VALIDATION',
      message: '筛选出 501 家企业，一次最多导出 500 家的档案。请缩小筛选范围（例如按乡镇或监管类别分批导出）。',
    });
    const none = await b.api.call('dossier.export', { filter: { q: '不存在的名字' } }, clerk);
    expect(!none.ok && none.error.message).toBe('没有符合筛选条件的企业，请调整筛选条件后再导出档案。');
    const both = await b.api.call('dossier.export', { enterpriseId: 1, filter: {} }, clerk);
    expect(!both.ok && both.error.message).toBe('企业：请指定一家企业，或者一组筛选条件（二者选一）');
    const neither = await b.api.call('dossier.export', { format: 'pdf' }, clerk);
    expect(!neither.ok && neither.error.code).toBe('VALIDATION');
    const unknown = await b.api.call('dossier.export', { enterpriseId: 99_999, format: 'pdf' }, clerk);
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    expect(b.core.jobs.list().filter((j) => j.kind === 'dossier.export')).toEqual([]);
  });
});
