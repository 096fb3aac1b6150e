// The demo county's issued notices: several types, numbered from 1 per type, each filed in its
// party's dossier; without a browser to print with, the demo is made without them.
import { onTestFinished, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { callOk, testBackend } from '../../../tests/helpers/backend';
import { tempDir } from '../../../tests/helpers/tmp';
import { openBackend } from '../backend';

describe('the demo notices', () => {
  it('issues notices of several types, numbered without gaps and filed in the dossier', async () => {
    const b = testBackend();
    const { jobId } = await callOk(b, 'demo.generate', { enterprises: 600 });
    const done = await b.core.jobs.wait(jobId);
    expect(done.status, done.message).toBe('succeeded');
    const { rows, total } = await callOk(b, 'notices.list', { limit: 100 });
    expect(total).toBeGreaterThanOrEqual(6);
    const types = new Set(rows.map((n) => n.type));
    expect(types.size).toBeGreaterThanOrEqual(5);
    expect(types).toContain('correctionOrder');
    expect(types).toContain('serviceReceipt');
    for (const type of types) {
      const serials = rows.filter((n) => n.type === type).map((n) => n.serial).sort((x, y) => x - y);
      expect(serials).toEqual(serials.map((_, i) => i + 1));
    }
    for (const n of rows) {
      expect(n.number).toMatch(/^华市监.+〔\d{4}〕\d+号$/);
      const record = await callOk(b, 'dossier.record', { id: n.dossierRecordId });
      expect(record.attachments.map((a) => a.sha256)).toEqual([n.pdf.sha256, n.docx.sha256]);
    }
  }, 120_000);

  it('is made without notices when no browser can print them', async () => {
    const broken = { render: () => Promise.reject(new AppError('NOT_FOUND', '找不到 Chrome、Edge 或 Chromium')), close: () => Promise.resolve() };
    const b = openBackend(tempDir(), { stderrLevel: 'silent', pdfRenderer: broken });
    onTestFinished(() => b.close());
    const { jobId } = await callOk(b, 'demo.generate', { enterprises: 200 });
    const done = await b.core.jobs.wait(jobId);
    expect(done.status, done.message).toBe('succeeded');
    expect((await callOk(b, 'notices.list', {})).total).toBe(0);
    expect(b.core.sqlite.prepare("SELECT count(*) FROM dossier_records WHERE kind = 'notice'").pluck().get()).toBe(0);
    expect(b.core.sqlite.prepare('SELECT count(*) FROM dossier_records').pluck().get()).toBeGreaterThan(1000);
  }, 60_000);
});
