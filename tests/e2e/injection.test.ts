// Hostile text in every free-text field (SQL and HTML injection) is stored as it was typed and
// shown as text: the pages show the exact characters, no injected element or script exists, and
// the database is intact.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../helpers/browser';
import { openPage } from '../helpers/page';
import { qingbo, serve, type RunningQingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';
import { call, shot } from '../helpers/ui';

// Each field gets its own marker so the page shows which field's text it is; the payload is as
// long as the field allows.
const LONG = `<img src=x onerror="window.__pwned=(window.__pwned||0)+1"><script>window.__pwned=1</script>'); DROP TABLE enterprises;-- " OR 1=1 {{constructor.constructor('window.__pwned=1')()}}`;
const MID = `<img src=x onerror="window.__pwned=1">'); DROP TABLE enterprises;-- " OR 1=1`;
const SHORT = `<img src=x onerror=__pwned=1>';DROP TABLE a;--`;
const TINY = `<img src=x>';--`;
const T = {
  name: `企业名称甲${MID}`,
  legalRep: `法人乙${SHORT}`,
  address: `住所丙${MID}`,
  riskNotes: `风险提示丁${LONG}`,
  tag: `标签${TINY}`,
  note: `档案记录己${LONG}`,
  campaign: `专项名称庚${MID}`,
  docRef: `文件辛${MID}`,
  inspector: `执法${TINY}`,
  unit: `单位癸${SHORT}`,
  risk: `风险子${LONG}`,
  content: `提醒内容丑${LONG}`,
  reason: `作废原因寅${LONG}`,
};

interface Saved {
  noteId: number;
  enterpriseId: number;
  campaignId: number;
  noticeId: number;
}

async function saveHostile(server: RunningQingbo): Promise<Saved> {
  const { enterprise } = await call<{ enterprise: { id: number; updatedAt: string } }>(server, 'enterprises.create', {
    data: { name: T.name, entityType: '个体工商户', legalRep: T.legalRep, address: T.address, townshipCode: '430623101', riskNotes: T.riskNotes, tags: [T.tag] },
  });
  // A second save changes only the phone (the audit trail shows that one field).
  await call(server, 'enterprises.update', {
    id: enterprise.id,
    expectedUpdatedAt: enterprise.updatedAt,
    data: { name: T.name, entityType: '个体工商户', legalRep: T.legalRep, address: T.address, townshipCode: '430623101', riskNotes: T.riskNotes, tags: [T.tag], phone: '13800000000' },
  });
  const note = await call<{ record: { id: number } }>(server, 'dossier.create', { enterpriseId: enterprise.id, kind: 'note', occurredOn: '2026-11-20', data: { text: T.note } });
  // A record voided with a hostile reason (the audit trail shows the reason).
  const { record } = await call<{ record: { id: number } }>(server, 'dossier.create', { enterpriseId: enterprise.id, kind: 'note', occurredOn: '2026-11-21', data: { text: '误录' } });
  await call(server, 'dossier.void', { id: record.id, reason: T.reason });
  await call(server, 'inspectors.save', { data: { name: T.inspector, unit: T.unit, certNo: '43062399001' } });
  const campaign = await call<{ id: number }>(server, 'campaigns.create', {
    templateId: 'phosphate-detergent', name: T.campaign, docRef: T.docRef, startsOn: '2026-11-01', endsOn: '2026-12-31',
  });
  const notice = await call<{ id: number }>(server, 'notices.issue', {
    type: 'riskReminder', enterpriseId: enterprise.id, recordId: null, fields: { risk: T.risk, content: T.content },
  });
  return { enterpriseId: enterprise.id, campaignId: campaign.id, noticeId: notice.id, noteId: note.record.id };
}

/** Opens a page of the app and checks that the given texts are shown exactly and nothing was injected. */
async function expectShownAsText(page: Page, url: string, texts: string[]): Promise<void> {
  await page.goto(url);
  // The whole text, character for character, inside one element (a title may also hold a status tag).
  for (const t of texts) await page.getByText(t).first().waitFor({ timeout: 20_000 });
  const injected = (await page.evaluate(`({
    pwned: window.__pwned ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.scripts].filter((s) => (s.textContent ?? '').includes('__pwned')).length,
  })`)) as { pwned: unknown; images: number; scripts: number };
  expect(injected, url).toEqual({ pwned: null, images: 0, scripts: 0 });
}

describe.skipIf(!findChromium())('hostile text', () => {
  it('is stored as typed, shown as text on every page, and leaves the database intact', async () => {
    const data = tempDir();
    expect(qingbo(['demo', '--data', data, '--enterprises', '20', '--records-per-enterprise', '0']).status).toBe(0);
    const server = await serve(data);
    const { enterpriseId, campaignId, noticeId, noteId } = await saveHostile(server);

    // Stored exactly: read back through the contract.
    const e = await call<{ name: string; address: string; legalRep: string; riskNotes: string; tags: string[] }>(server, 'enterprises.get', { id: enterpriseId });
    expect(e).toMatchObject({ name: T.name, address: T.address, legalRep: T.legalRep, riskNotes: T.riskNotes, tags: [T.tag] });
    const found = await call<{ total: number }>(server, 'enterprises.search', { filter: { q: "DROP TABLE enterprises" } });
    expect(found.total).toBe(1);

    const page = await openPage(`${server.url}#/`);
    await expectShownAsText(page, `${server.url}#/registry/${enterpriseId}`, [T.name, T.address, T.riskNotes]);
    await page.getByText(T.legalRep, { exact: true }).first().waitFor();
    await page.getByText(T.tag, { exact: true }).first().waitFor();
    await expectShownAsText(page, `${server.url}#/dossier/${enterpriseId}?record=${noteId}`, [T.note]);
    await expectShownAsText(page, `${server.url}#/campaigns`, [T.campaign]);
    await expectShownAsText(page, `${server.url}#/campaigns/${campaignId}`, [T.campaign]);
    await expectShownAsText(page, `${server.url}#/settings`, [T.inspector]);
    await expectShownAsText(page, `${server.url}#/notices`, [T.name]);
    await expectShownAsText(page, `${server.url}#/notices/${noticeId}`, [T.name]);

    // The printed notice carries the hostile text as text, character for character.
    const notice = await call<{ pdf: { sha256: string } }>(server, 'notices.get', { id: noticeId });
    const pdf = join(tempDir(), 'notice.pdf');
    writeFileSync(pdf, Buffer.from(await (await fetch(`${server.url}api/files/${notice.pdf.sha256}?name=n.pdf`)).arrayBuffer()));
    const printed = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(printed).toContain(T.content.replace(/\s+/g, ''));
    expect(printed).toContain(T.risk.replace(/\s+/g, ''));

    // The audit trail shows the hostile reason and, opened, the hostile values before and after.
    await expectShownAsText(page, `${server.url}#/audit?q=${encodeURIComponent('作废原因寅')}`, [T.reason]);
    await expectShownAsText(page, `${server.url}#/audit?method=enterprises.update`, []);
    await page.locator('[data-testid^=audit-row-] .ant-table-row-expand-icon').first().click();
    await page.getByRole('table', { name: /的改动$/ }).getByRole('cell', { name: '13800000000', exact: true }).waitFor();
    await expectShownAsText(page, `${server.url}#/audit?method=enterprises.create`, []);
    await page.locator('[data-testid^=audit-row-] .ant-table-row-expand-icon').first().click();
    await page.getByRole('cell', { name: T.address, exact: true }).waitFor();
    await shot(page, 'injection', 'audit-create');
    await expectShownAsText(page, `${server.url}#/audit?entity=inspector`, []);
    await page.locator('[data-testid^=audit-row-] .ant-table-row-expand-icon').first().click();
    await page.getByRole('cell', { name: T.inspector, exact: true }).waitFor();
    expect(await page.evaluate('window.__pwned ?? null')).toBeNull();

    // The database is whole: every table there, the chain intact, the check passes.
    const check = qingbo(['check', '--data', data, '--json']);
    expect(check.status, check.stdout).toBe(0);
    const verify = qingbo(['audit', 'verify', '--data', data, '--json']);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
    const info = await call<{ counts: { enterprises: number } }>(server, 'system.info');
    expect(info.counts.enterprises).toBe(21);

    // 校验记录链 on the page: intact, then a row changed in the database behind the program's back.
    await page.goto(`${server.url}#/audit`);
    await page.getByRole('button', { name: /校验记录链/ }).click();
    await page.getByText(/^操作记录链完好：\d+ 条操作记录，未被改动$/).waitFor();
    const db = new Database(join(data, 'qingbo.db'));
    db.prepare("UPDATE audit_log SET reason = '改过' WHERE id = 7").run();
    db.close();
    await page.getByRole('button', { name: /校验记录链/ }).click();
    await page.getByText('操作记录链被破坏：第 7 条操作记录的内容被改动过').waitFor();
    await shot(page, 'injection', 'audit-broken');
  }, 120_000);
});
