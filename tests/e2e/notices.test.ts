// 执法文书 in real Chromium against `qingbo serve`, tried as a new clerk would: from an order to
// correct in an enterprise's file, issue a 责令改正通知书 (the form prefilled from the record, the
// party block as it will print, a preview that uses no number), download its PDF and Word copy and
// read both back (the Word copy through LibreOffice), issue two more from 新建文书 and see numbers
// 1, 2, 3 of this year, void number 2 with a reason, reprint number 1 and get the same bytes,
// record its 送达, and be told beside the field what is wrong — an emptied required field, a
// deadline before today — with no number used; a template with an unknown placeholder is refused
// naming the placeholder and its line. A second, unconfigured data folder shows where to set the
// office's 文号代字. Set QINGBO_SCREENSHOTS=<folder> to keep screenshots of the pages.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../shared/dates';
import type { Dossier } from '../../shared/dossier';
import type { EnterpriseRow } from '../../shared/enterprise';
import type { Notice, NoticeList, NoticeTemplateInfo } from '../../shared/notice';
import { readZip } from '../helpers/files';
import { openPage } from '../helpers/page';
import { qingbo, serve, type RunningQingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';
import { button, call, shot as shotAs } from '../helpers/ui';


const shot = (page: Page, name: string, fullPage = true) => shotAs(page, 'notices', name, fullPage);

const noticeCount = async (server: RunningQingbo) => (await call<NoticeList>(server, 'notices.list', {})).total;

/** Types a date into an antd DatePicker found by its label. */
async function fillDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(date);
}

/** A date as notices print it: 2026年3月5日, without zero padding. */
const chinese = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
/** The demo county's office, as it signs its notices. */
const office = '华容县市场监督管理局';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Text with every space and line break taken out: a long value may wrap anywhere on the page. */
const squeeze = (s: string) => s.replace(/\s+/g, '');
const pdfText = (file: string) => squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));

/** Waits for the download `click` starts and keeps it in `dir` as `name`. */
async function download(page: Page, dir: string, name: string, click: () => Promise<void>): Promise<{ path: string; suggested: string }> {
  const started = page.waitForEvent('download');
  await click();
  const d: Download = await started;
  const path = join(dir, name);
  await d.saveAs(path);
  return { path, suggested: d.suggestedFilename() };
}

/**
 * The text of a Word file as an office suite reads it: LibreOffice converts it to plain text. Where
 * LibreOffice is not installed, the text of word/document.xml stands in (the file is then only
 * known to be a well-formed package, not to open in an office suite).
 */
async function docxText(file: string, dir: string): Promise<{ text: string; how: 'libreoffice' | 'document.xml' }> {
  let soffice: string | null = null;
  try {
    soffice = execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    soffice = null;
  }
  if (soffice) {
    // A profile of its own, so a LibreOffice already running elsewhere is not asked to do the work.
    const profile = join(dir, 'lo-profile');
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'txt:Text', '--outdir', dir, file], {
      timeout: 180_000,
      stdio: 'ignore',
    });
    const out = join(dir, `${file.replace(/^.*\//, '').replace(/\.docx$/, '')}.txt`);
    expect(existsSync(out), 'LibreOffice wrote no text file').toBe(true);
    return { text: squeeze(readFileSync(out, 'utf8')), how: 'libreoffice' };
  }
  const xml = (await readZip(file)).get('word/document.xml')?.toString('utf8') ?? '';
  return { text: squeeze(xml.replace(/<[^>]+>/g, '')), how: 'document.xml' };
}

/** Three enterprises of the demo county with a credit code, an address and a legal representative. */
async function threeEnterprises(server: RunningQingbo): Promise<EnterpriseRow[]> {
  const found = await call<{ rows: EnterpriseRow[] }>(server, 'enterprises.search', { sort: 'name', limit: 60 });
  const picked = found.rows.filter((e) => e.uscc?.length === 18 && e.address && e.legalRep && e.status === '存续' && e.name.length <= 20).slice(0, 3);
  if (picked.length < 3) throw new Error('the demo county has too few complete enterprises');
  return picked;
}

/**
 * Clicks an element of a dialog or a drop-down once antd's opening animation around it is over.
 * Playwright waits for a box that holds still, but so does one whose zoom or slide has not started
 * yet; on a loaded machine the click then lands on the mask beside the moving dialog, and nothing
 * happens (seen on 确认出具 and on menu items, about one run in four under load).
 */
async function tap(target: Locator): Promise<void> {
  await target.waitFor();
  await expect
    .poll(() =>
      // Runs in the page (this test is type-checked without the DOM's types, hence the shapes spelt out).
      target.evaluate((el) => {
        for (let e = el; e; e = e.parentElement) if (/-(appear|enter)(-|\s|$)/.test(e.getAttribute('class') ?? '')) return false;
        type Running = { playState: string; effect: { target?: { contains(x: unknown): boolean } | null } | null };
        return (el.ownerDocument.getAnimations() as Running[]).every((a) => a.playState !== 'running' || !a.effect?.target?.contains(el));
      }),
    )
    .toBe(true);
  await target.click();
}

/** 确认出具 in the confirmation; the dialog closes once the backend has answered. */
async function confirmIssue(page: Page): Promise<void> {
  const confirm = page.getByTestId('issue-confirm');
  await confirm.waitFor();
  await tap(button(page, '确认出具'));
  await confirm.waitFor({ state: 'hidden', timeout: 60_000 });
}

/** An action from a row's 更多 menu in the list of notices; waits until the menu has closed again. */
async function rowAction(page: Page, n: Pick<Notice, 'id'>, label: RegExp): Promise<void> {
  await page.getByTestId(`notice-more-${n.id}`).click();
  const item = page.getByRole('menuitem', { name: label });
  await tap(item);
  await item.waitFor({ state: 'hidden' });
}

/** 新建文书 from the list: 责令改正通知书 to `e`, completed and issued; returns the notice page's number. */
async function issueFromList(page: Page, e: EnterpriseRow, fields: { finding: string; violated: string; requirement: string }): Promise<string> {
  await page.getByTestId('notice-new').click();
  const dialog = page.getByRole('dialog', { name: '新建文书' });
  await dialog.getByText('责令改正通知书').waitFor(); // the type chosen already
  const picker = dialog.getByRole('combobox', { name: '当事人' });
  await picker.fill(e.name);
  // The option with this enterprise's credit code: another may share part of its name.
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: e.uscc! });
  await tap(option);
  await tap(button(dialog, '下一步：填写文书'));
  await page.getByRole('heading', { name: /^出具责令改正通知书/ }).getByText(e.name).waitFor();
  await page.getByTestId('party-block').getByText(e.uscc!, { exact: true }).waitFor();
  await page.getByLabel('经查明的违法事实').fill(fields.finding);
  await page.getByLabel('违反的规定').fill(fields.violated);
  await page.getByRole('checkbox', { name: '立即改正' }).check();
  await page.getByLabel('改正内容和要求').fill(fields.requirement);
  await page.getByTestId('notice-issue').click();
  await confirmIssue(page);
  await page.getByTestId('issued-alert').waitFor({ timeout: 60_000 });
  return (await page.getByTestId('notice-number').textContent()) ?? '';
}

describe('official notices', () => {
  it('issues, downloads, numbers, voids, reprints and serves 责令改正通知书, and refuses bad inputs beside the field', { timeout: 240_000 }, async () => {
    const data = tempDir();
    const files = tempDir();
    expect(qingbo(['demo', '--data', data, '--enterprises', '120', '--records-per-enterprise', '0']).status).toBe(0);
    const server = await serve(data);
    const today = todayInChina();
    const year = today.slice(0, 4);
    const numberOf = (n: number) => `华市监责改〔${year}〕${n}号`;
    // The demo county without records has no notices yet.
    expect(await noticeCount(server)).toBe(0);

    // ---- 1. An order to correct in the first enterprise's file. ----
    const [first, second, third] = await threeEnterprises(server);
    const order = {
      problem: '销售的“洁净”牌洗衣粉外包装未标注磷含量，且总五氧化二磷实测值为 2.3%',
      legalBasis: '《湖南省洞庭湖保护条例》第三十三条',
      requirement: '立即下架上述洗衣粉并退回供货商，十五日内提交书面整改报告',
      deadlineOn: addDays(today, 15),
    };
    const saved = await call<{ record: { id: number } }>(server, 'dossier.create', {
      enterpriseId: first!.id,
      kind: 'rectification',
      occurredOn: today,
      data: order,
    });
    const recordId = saved.record.id;

    // ---- 2. From the record: 出具文书 → 责令改正通知书, prefilled; a preview uses no number. ----
    const page = await openPage(`${server.url}#/dossier/${first!.id}`);
    await page.getByRole('heading', { name: first!.name }).waitFor();
    await page.locator(`#record-${recordId}`).waitFor();
    await page.getByTestId(`issue-from-${recordId}`).click();
    await tap(page.getByRole('menuitem', { name: '责令改正通知书' }));
    await page.getByRole('heading', { name: /^出具责令改正通知书/ }).getByText(first!.name).waitFor();
    expect(page.url()).toContain(`recordId=${recordId}`);
    await expect.poll(() => page.getByLabel('经查明的违法事实').inputValue()).toBe(order.problem);
    expect(await page.getByLabel('违反的规定').inputValue()).toBe(order.legalBasis);
    expect(await page.getByLabel('改正内容和要求').inputValue()).toBe(order.requirement);
    expect(await page.getByLabel('改正期限', { exact: true }).inputValue()).toBe(order.deadlineOn);
    const party = page.getByTestId('party-block');
    await party.getByText(first!.name, { exact: true }).waitFor();
    await party.getByText(first!.uscc!, { exact: true }).waitFor();
    await page.getByText('档案中的记录（内容已据此预填）').waitFor();
    await page.getByText(`预览不占用文号；出具时才编号（华市监责改〔${year}〕…号）并冻结内容。`).waitFor();
    await shot(page, 'issue-form');

    await page.getByTestId('notice-preview').click();
    const preview = page.getByRole('dialog').filter({ has: page.getByRole('img', { name: '第 1 页' }) });
    await preview.getByText(/^共 \d+ 页/).waitFor({ timeout: 60_000 });
    await shot(page, 'preview', false);
    const previewPdf = await download(page, files, 'preview.pdf', () => tap(button(preview, '另存')));
    const previewText = pdfText(previewPdf.path);
    expect(previewText).toContain('预览，未编号');
    expect(previewText).toContain(squeeze(first!.name));
    expect(await noticeCount(server)).toBe(0);
    // The footer's 关闭 (spaced by antd), not the × in the corner, which is also named 关闭.
    await tap(preview.getByRole('button', { name: '关 闭', exact: true }));
    await preview.waitFor({ state: 'hidden' });

    await page.getByTestId('notice-issue').click();
    const confirm = page.getByTestId('issue-confirm');
    await confirm.getByText(`华市监责改〔${year}〕…号`).waitFor();
    await confirmIssue(page);
    await page.getByTestId('issued-alert').getByText(`已出具 责令改正通知书，文号 ${numberOf(1)}`).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('notice-number').textContent()).toBe(numberOf(1));
    await shot(page, 'issued');
    const list1 = await call<NoticeList>(server, 'notices.list', {});
    expect(list1.total).toBe(1);
    const n1 = list1.rows[0]!;
    expect(n1).toMatchObject({ number: numberOf(1), serial: 1, status: 'issued', enterpriseId: first!.id, recordId });
    // The frozen copy is filed in the enterprise's dossier as a 文书 record with both files.
    const dossier = await call<Dossier>(server, 'dossier.get', { enterpriseId: first!.id });
    const filed = dossier.records.find((r) => r.id === n1.dossierRecordId);
    expect(filed?.kind).toBe('notice');
    expect(filed?.attachments.map((a) => a.sha256).sort()).toEqual([n1.pdf.sha256, n1.docx.sha256].sort());

    // ---- 3. Download the PDF and the Word copy and read them back. ----
    const pdf1 = await download(page, files, 'notice-1.pdf', () => page.getByTestId('notice-download-pdf').click());
    expect(pdf1.suggested).toBe(n1.pdf.name);
    expect(pdf1.suggested).toMatch(/\.pdf$/);
    const firstBytes = readFileSync(pdf1.path);
    expect(sha256(firstBytes)).toBe(n1.pdf.sha256);
    const text1 = pdfText(pdf1.path);
    expect(text1).toContain(numberOf(1));
    expect(text1).toContain(squeeze(first!.name));
    expect(text1).not.toContain('预览，未编号');
    // Dates are printed without zero padding (GB/T 9704): the deadline in the body, the date under the office.
    expect(text1).toContain(`于${chinese(order.deadlineOn)}前`);
    expect(text1).toContain(`${office}${chinese(today)}`);

    const docx1 = await download(page, files, 'notice-1.docx', () => page.getByTestId('notice-download-docx').click());
    expect(docx1.suggested).toMatch(/\.docx$/);
    expect(sha256(readFileSync(docx1.path))).toBe(n1.docx.sha256);
    const word = await docxText(docx1.path, files);
    // Nothing is lost on the way to Word: the party, the number, what was found and what is required.
    // (The 责令改正通知书 is addressed to the party by name, as the official form is; it prints no party block.)
    for (const value of [office, first!.name, numberOf(1), order.problem, order.legalBasis, order.requirement, `于${chinese(order.deadlineOn)}前`, '华容县人民政府', chinese(today)]) {
      expect(word.text, `${value} in the Word copy (read through ${word.how})`).toContain(squeeze(value));
    }

    // ---- 4. Two more from 新建文书: numbers 2 and 3 of this year. ----
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '执法文书' }).click();
    await page.getByRole('row', { name: numberOf(1), exact: true }).waitFor();
    const number2 = await issueFromList(page, second!, {
      finding: '经营场所内销售的散装洗洁精未标明生产者名称和地址',
      violated: '《中华人民共和国产品质量法》第二十七条',
      requirement: '补齐标识或停止销售上述散装洗洁精',
    });
    expect(number2).toBe(numberOf(2));
    await page.getByRole('link', { name: /返回执法文书/ }).click();
    const number3 = await issueFromList(page, third!, {
      finding: '未建立洗涤用品进货查验记录',
      violated: '《中华人民共和国产品质量法》第三十三条',
      requirement: '建立并如实填写进货查验记录台账',
    });
    expect(number3).toBe(numberOf(3));
    await page.getByRole('link', { name: /返回执法文书/ }).click();
    for (const n of [1, 2, 3]) await page.getByRole('row', { name: numberOf(n), exact: true }).waitFor();
    await page.getByText('共 3 份').waitFor();
    const list3 = await call<NoticeList>(server, 'notices.list', {});
    expect(list3.rows.map((n) => n.number).sort()).toEqual([1, 2, 3].map(numberOf).sort());
    const byNumber = new Map(list3.rows.map((n) => [n.number, n]));
    const n2 = byNumber.get(numberOf(2))!;

    // Void number 2 with a reason: struck through as 已作废, the number kept.
    await rowAction(page, n2, /作废$/);
    const voiding = page.getByRole('dialog', { name: `作废文书：${numberOf(2)}` });
    await voiding.getByLabel('原因').fill('当事人名称有误，已重新出具');
    await tap(button(voiding, '作废'));
    await page.getByText(`已作废 ${numberOf(2)}，文号保留不再使用`).waitFor();
    const row2 = page.getByRole('row', { name: numberOf(2), exact: true });
    await row2.getByRole('deletion').filter({ hasText: numberOf(2) }).waitFor();
    await row2.getByText('已作废', { exact: true }).waitFor();
    const voided = await call<Notice>(server, 'notices.get', { id: n2.id });
    expect(voided).toMatchObject({ number: numberOf(2), serial: 2, status: 'voided', voidReason: '当事人名称有误，已重新出具' });

    // Reprint number 1 twice from the list: the very bytes first downloaded, and those in the file store.
    for (const i of [1, 2]) {
      const again = await download(page, files, `reprint-${i}.pdf`, () => rowAction(page, n1, /下载 PDF$/));
      expect(readFileSync(again.path).equals(firstBytes), `reprint ${i} is byte-identical`).toBe(true);
    }
    const stored = readFileSync(join(data, 'files', n1.pdf.sha256.slice(0, 2), n1.pdf.sha256));
    expect(stored.equals(firstBytes)).toBe(true);
    expect((await call<Notice>(server, 'notices.get', { id: n1.id })).pdf.sha256).toBe(sha256(firstBytes));

    // ---- 5. 送达 of number 1: 直接送达 today, to the legal representative, by two inspectors. ----
    await rowAction(page, n1, /登记送达$/);
    const serving = page.getByRole('dialog', { name: `登记送达：${numberOf(1)}` });
    await serving.getByTitle('直接送达', { exact: true }).waitFor();
    expect(await serving.getByLabel('送达日期').inputValue()).toBe(today);
    await serving.getByLabel('受送达人', { exact: true }).fill(first!.legalRep!);
    await serving.getByLabel('送达人', { exact: true }).fill('张三、李四');
    await shot(page, 'service', false);
    await tap(button(serving, '登记'));
    await page.getByText(`已登记 ${numberOf(1)} 的送达`).waitFor();
    await page.getByRole('row', { name: numberOf(1), exact: true }).getByText(`直接 ${today}`).waitFor();
    expect((await call<Notice>(server, 'notices.get', { id: n1.id })).service).toMatchObject({
      method: '直接送达', servedOn: today, recipient: first!.legalRep!, server: '张三、李四',
    });
    await shot(page, 'list');

    // ---- 6. Bad inputs: told beside the field, and no number used. ----
    await page.goto(`${server.url}#/dossier/${first!.id}`);
    await page.locator(`#record-${recordId}`).waitFor();
    await page.getByTestId(`issue-from-${recordId}`).click();
    await tap(page.getByRole('menuitem', { name: '责令改正通知书' }));
    const finding = page.getByLabel('经查明的违法事实');
    await expect.poll(() => finding.inputValue()).toBe(order.problem);
    await finding.fill('');
    await page.getByTestId('notice-issue').click();
    await page.getByTestId('field-finding').getByText('请填写经查明的违法事实').waitFor();
    expect(await page.getByTestId('issue-confirm').count()).toBe(0);
    expect(await noticeCount(server)).toBe(3);
    // The backend's own refusal (a deadline before the day of issue) also goes under its field.
    await finding.fill(order.problem);
    await fillDate(page, '改正期限', addDays(today, -3));
    await page.getByTestId('notice-issue').click();
    await confirmIssue(page);
    await page.getByTestId('field-deadlineOn').getByText(/早于出具日期/).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByLabel('改正期限', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'refused');
    expect(await noticeCount(server)).toBe(3);
    expect(page.url()).toContain('/notices/new');

    // A template with an unknown placeholder is refused naming it and its line; the one in force stays.
    const before = (await call<NoticeTemplateInfo[]>(server, 'notices.templates')).find((t) => t.type === 'correctionOrder')!;
    const lines = before.text.split('\n');
    const at = lines.findIndex((l) => l.includes('{{fields.requirement}}'));
    expect(at).toBeGreaterThan(0);
    lines[at] = `${lines[at]}{{fields.nope}}`;
    await page.goto(`${server.url}#/notices/templates`);
    const editor = page.getByTestId('template-text');
    await expect.poll(() => editor.inputValue()).toBe(before.text);
    await editor.fill(lines.join('\n'));
    await page.getByTestId('template-save').click();
    const refusal = page.getByTestId('template-error');
    await refusal.getByText(`模板第 ${at + 1} 行：未知的占位符「{{fields.nope}}」`, { exact: false }).waitFor();
    await page.getByTestId('template-source').getByText('默认').waitFor();
    await shot(page, 'template-refused');
    const after = (await call<NoticeTemplateInfo[]>(server, 'notices.templates')).find((t) => t.type === 'correctionOrder')!;
    expect(after).toMatchObject({ source: 'builtin', sha256: before.sha256, text: before.text });
    await button(page, '撤销修改').click();
    await expect.poll(() => editor.inputValue()).toBe(before.text);
  });

  it('tells where to set the office’s 文号代字 when it is not set, in the form and over HTTP', { timeout: 120_000 }, async () => {
    const server = await serve(tempDir());
    const { enterprise } = await call<{ enterprise: { id: number } }>(server, 'enterprises.create', { data: { name: '华容县东山百货商店' } });
    const fields = { finding: '销售过期的洗衣粉', violated: '《中华人民共和国产品质量法》第三十五条', immediately: true, requirement: '立即下架过期商品' };
    const refused = await server.api('notices.issue', { type: 'correctionOrder', enterpriseId: enterprise.id, fields });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('VALIDATION');
    expect(refused.error?.message).toContain('设置 → 本单位');
    expect(refused.error?.message).toContain('文号代字');

    const page = await openPage(`${server.url}#/notices/new?type=correctionOrder&enterpriseId=${enterprise.id}`);
    await page.getByRole('heading', { name: /^出具责令改正通知书/ }).getByText('华容县东山百货商店').waitFor();
    await page.getByText('尚未设置本单位的文号代字（如“岳君市监”），出具时无法编号。').waitFor();
    await page.getByLabel('经查明的违法事实').fill(fields.finding);
    await page.getByLabel('违反的规定').fill(fields.violated);
    await page.getByRole('checkbox', { name: '立即改正' }).check();
    await page.getByLabel('改正内容和要求').fill(fields.requirement);
    await page.getByTestId('notice-issue').click();
    const errors = page.getByTestId('issue-errors');
    await errors.getByText(/设置 → 本单位/).waitFor({ timeout: 60_000 });
    // One message (the warning above the form gives way to it), and no confirmation promising a number.
    expect(await page.getByText('尚未设置本单位的文号代字（如“岳君市监”），出具时无法编号。').count()).toBe(0);
    expect(await page.getByTestId('issue-confirm').count()).toBe(0);
    // Said once: not again among the party's warnings, and no number shape without an abbreviation.
    await page.getByTestId('party-warnings').waitFor();
    expect(await page.getByTestId('party-warnings').innerText()).not.toContain('文号代字');
    await page.getByText('预览不占用文号；出具时才按本年度顺序编号并冻结内容。').waitFor();
    await shot(page, 'no-office');
    await errors.getByRole('link', { name: '前往设置' }).click();
    await expect.poll(() => page.url()).toContain('#/settings');
    expect(await noticeCount(server)).toBe(0);
  });
});
