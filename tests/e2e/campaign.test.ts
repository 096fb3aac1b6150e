// 专项整治 in real Chromium against `qingbo serve`, as a new coordinator would run one: add the
// office's inspectors (one by keyboard alone, one refused for a duplicate 执法证号), start a
// 含磷洗涤用品 campaign over the detergent sellers, draw 12 of them by 双随机 (复核, then the same
// seed again gives the same list; too many is refused and nothing is recorded), enter twelve paper
// sheets mostly from the keyboard (one with phosphate over the limit and an order to correct, one
// with a problem left for later, one refused for a missing item and photo), and check that the
// week's tally, its Excel export, the HTTP contract and the 概况 cards agree with what was entered.
// Set QINGBO_SCREENSHOTS=<folder> to keep screenshots of the pages.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { excelJs } from '../../electron/backend/sheets/exceljs';
import type { Campaign, CampaignSummary, DrawSummary, Inspector } from '../../shared/campaign';
import type { CampaignResult, Progress, Tally } from '../../shared/campaign-results';
import { addDays, todayInChina } from '../../shared/dates';
import type { Dossier } from '../../shared/dossier';
import type { EnterpriseSearchResult } from '../../shared/enterprise';
import { openPage } from '../helpers/page';
import { qingbo, serve } from '../helpers/server';
import { tempDir } from '../helpers/tmp';
import { button, call, shot as shotAs } from '../helpers/ui';

const ExcelJS = excelJs();

const TAG = '洗涤用品经营户';
const DRAWN = 12;

const shot = (page: Page, name: string, fullPage = true) => shotAs(page, 'campaign', name, fullPage);

/** Whether the element has the keyboard focus. */
const focused = (l: Locator) => l.evaluate((el) => el === el.ownerDocument.activeElement);

/** The text of the message a form field is described by (antd's explain under the field). */
async function fieldMessage(page: Page, input: Locator): Promise<string> {
  const described = (await input.getAttribute('aria-describedby')) ?? '';
  const id = described.split(' ').find((x) => x.endsWith('_help'));
  return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? '') : '';
}

/** The rows of an antd table that hold cells (not the header), each as its cells' texts. */
async function tableRows(table: Locator): Promise<string[][]> {
  const rows = table.getByRole('row').filter({ has: table.page().getByRole('cell') });
  const out: string[][] = [];
  for (const r of await rows.all()) out.push((await r.getByRole('cell').allInnerTexts()).map((t) => t.trim()));
  return out;
}

/** Types a date into an antd DatePicker found by its label. */
async function fillDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(date);
}

/** A small real PNG drawn by the browser, with a caption: the shop front on the paper sheet. */
async function photo(page: Page, dir: string, caption: string): Promise<string> {
  const url = await page.evaluate<string>(`(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 160;
    const g = canvas.getContext('2d');
    g.fillStyle = '#2f6f4f';
    g.fillRect(0, 0, 240, 160);
    g.fillStyle = '#fff';
    g.font = '22px sans-serif';
    g.fillText(${JSON.stringify(caption)}, 20, 90);
    return canvas.toDataURL('image/png');
  })()`);
  const path = join(dir, `${caption}.png`);
  writeFileSync(path, Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
  return path;
}

/** Monday of the week `date` is in (the 统计 tab's 本周 starts on Monday). */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

// ---------------------------------------------------------------------------------------------
// The paper sheets. The checklist items in the form's Tab order (notes are skipped by Tab); what
// is typed at each: a digit on a 是/否/不适用 or choice item (1 是, 2 否, 3 不适用), text or a
// number on the others, or nothing (the item is left as it is).

const ITEMS = ['subjectType', 'licenceShown', 'invoices', 'ledger', 'source', 'phosphateLabelled', 'quickTest', 'noBrand', 'labelOk', 'falseClaim', 'phosphateFreeShelf'] as const;
type ItemKey = (typeof ITEMS)[number];
const TEXT_ITEMS: ReadonlySet<ItemKey> = new Set(['source', 'quickTest']);
const SUBJECTS = ['生产', '批发', '零售', '使用（餐饮）', '使用（洗车）', '使用（洗衣）', '使用（宾馆）', '其他'];
const YES_NO = ['是', '否', '不适用'];

/** The quantities in the template's order (the form's Tab order). */
const QUANTITIES = ['productsChecked', 'samplingBatches', 'samplingQualified', 'removed', 'seizedKg', 'cases', 'fineYuan', 'leaflets'] as const;
type QuantityKey = (typeof QUANTITIES)[number];

interface Sheet {
  keys: Record<ItemKey, string | null>;
  quantities: Record<QuantityKey, number>;
  /** Phosphate found (是, and a quick test above 1.1 %): 同时责令整改 with a deadline. */
  rectify: boolean;
  /** A problem item without an order (检查结果 发现问题待后续处理). */
  problem: boolean;
}

/** Index of the sheet with phosphate over the limit, and of the one with a problem left for later. */
const RECTIFY_AT = 2;
const PROBLEM_AT = 6;
/** The sheet first saved without 建立进销货台账 and without the photo. */
const INCOMPLETE_AT = 1;
/** The sheet where a negative quantity is typed first. */
const NEGATIVE_AT = 0;

function sheetFor(i: number): Sheet {
  const rectify = i === RECTIFY_AT;
  const problem = i === PROBLEM_AT;
  return {
    keys: {
      subjectType: String([3, 3, 2, 3, 4, 3, 5, 6, 3, 7, 3, 2][i] ?? 3),
      licenceShown: '1',
      invoices: '1',
      ledger: '1',
      source: i % 3 === 0 ? '岳阳市洞庭日化批发部' : null,
      phosphateLabelled: rectify ? '1' : '2',
      quickTest: rectify ? '1.8' : i % 4 === 1 ? '0.3' : null,
      noBrand: problem ? '1' : '2',
      labelOk: '1',
      falseClaim: '2',
      phosphateFreeShelf: String(1 + (i % 3)),
    },
    quantities: {
      productsChecked: 20 + 3 * i,
      samplingBatches: i % 3,
      samplingQualified: i % 3 === 2 ? 1 : i % 3,
      removed: rectify ? 36 : 0,
      seizedKg: rectify ? 12.5 : problem ? 3.25 : 0,
      cases: rectify ? 1 : 0,
      fineYuan: rectify ? 1500 : 0,
      leaflets: 5 + i,
    },
    rectify,
    problem,
  };
}

/** The answer a key gives on an item, as the form stores it. */
function answerOf(item: ItemKey, key: string): string {
  if (TEXT_ITEMS.has(item)) return key;
  return (item === 'subjectType' ? SUBJECTS : YES_NO)[Number(key) - 1]!;
}

// The tally definitions of the built-in template, in its order, and how each is computed from
// the sheets entered (our own count, kept independently of the app).
const TALLY_KEYS = ['visits', 'enterprises', 'productsChecked', 'samplingBatches', 'samplingQualified', 'removed', 'seizedKg', 'problems', 'rectifications', 'cases', 'fineYuan', 'leaflets'] as const;
type TallyKey = (typeof TALLY_KEYS)[number];
const TALLY_HEADERS = ['检查经营主体（户次）', '检查经营主体（户）', '检查产品（瓶（袋））', '抽检批次（批次）', '抽检合格（批次）', '下架（瓶（袋））', '查扣（kg）', '发现问题（户次）', '责令整改（件）', '立案（件）', '罚没款（元）', '发放宣传资料（份）'];

function addSheet(sum: Record<TallyKey, number>, s: Sheet): void {
  sum.visits += 1;
  sum.enterprises += 1; // every target is visited once
  sum.problems += s.rectify || s.problem ? 1 : 0;
  sum.rectifications += s.rectify ? 1 : 0;
  for (const q of QUANTITIES) sum[q] = Math.round((sum[q] + s.quantities[q]) * 100) / 100;
}
const zeroTally = (): Record<TallyKey, number> => Object.fromEntries(TALLY_KEYS.map((k) => [k, 0])) as Record<TallyKey, number>;

interface DrawnRow {
  position: string;
  name: string;
  enterpriseId: number;
  township: string;
  /** 姓名（执法证号）, as the table shows them. */
  inspectors: string[];
}

/** The drawn list as the 双随机抽取 tab shows it, in draw order. */
async function drawnRows(page: Page): Promise<DrawnRow[]> {
  const table = page.getByTestId('draw-targets');
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect.poll(() => rows.count()).toBe(DRAWN);
  const out: DrawnRow[] = [];
  for (const r of await rows.all()) {
    const cells = r.getByRole('cell');
    const href = (await cells.nth(1).getByRole('link').getAttribute('href')) ?? '';
    out.push({
      position: (await cells.nth(0).innerText()).trim(),
      name: (await cells.nth(1).innerText()).trim(),
      enterpriseId: Number(/dossier\/(\d+)/.exec(href)?.[1]),
      township: (await cells.nth(3).innerText()).trim(),
      inspectors: (await cells.nth(5).locator('div').allInnerTexts()).map((t) => t.trim()),
    });
  }
  return out;
}

describe('a special campaign (专项整治)', () => {
  it('runs a 含磷洗涤用品 campaign from inspectors to the week’s tally, through the UI', { timeout: 240_000 }, async () => {
    // ---- 1. A county with 300 enterprises and no records: no campaign, no inspectors yet. ----
    const data = tempDir();
    const demo = qingbo(['demo', '--data', data, '--enterprises', '300', '--records-per-enterprise', '0']);
    expect(demo.status, demo.stderr).toBe(0);
    const server = await serve(data);
    expect(await call<CampaignSummary[]>(server, 'campaigns.list')).toEqual([]);
    expect(await call<Inspector[]>(server, 'inspectors.list', { includeInactive: true })).toEqual([]);
    const today = todayInChina();
    const office = (await call<{ name: string } | null>(server, 'settings.getOffice'))!;
    // The detergent sellers in business: the campaign's scope. The two townships with the most of
    // them get two inspectors each, so that avoiding one's own office really decides the pairs.
    const sellers = await call<EnterpriseSearchResult>(server, 'enterprises.search', { filter: { tags: [TAG], statuses: ['存续'] }, limit: 500 });
    expect(sellers.total).toBeGreaterThan(DRAWN + 10);
    const perTownship = new Map<string, number>();
    for (const r of sellers.rows) if (r.townshipName) perTownship.set(r.townshipName, (perTownship.get(r.townshipName) ?? 0) + 1);
    const [townA, townB] = [...perTownship].sort((a, b) => b[1] - a[1]).map(([t]) => t);
    if (!townA || !townB) throw new Error('the demo county has detergent sellers in fewer than two townships');
    const unitOf = (town: string) => `${office.name}${town.replace(/(镇|乡|街道)$/, '')}市场监督管理所`;
    const people = [
      { name: '李明', town: townA, certNo: '43062320260001' },
      { name: '王芳', town: townA, certNo: '43062320260002' },
      { name: '赵强', town: townB, certNo: '43062320260003' },
      { name: '陈静', town: townB, certNo: '43062320260004' },
    ];
    const townOfCert = new Map(people.map((p) => [p.certNo, p.town]));

    const page = await openPage(server.url);
    const nav = page.getByRole('navigation', { name: '主导航' });

    // ---- 2. 设置 → 执法人员: four inspectors of two township offices. ----
    await nav.getByRole('menuitem', { name: '设置' }).click();
    await page.getByText('还没有执法人员', { exact: false }).waitFor();
    const addInspector = button(page, '添加执法人员');
    const dialog = page.getByRole('dialog', { name: '添加执法人员' });
    const chooseTownship = async (town: string) => {
      const township = dialog.getByRole('combobox', { name: '所属乡镇（街道）' });
      await township.click();
      await township.fill(town);
      await township.press('Enter');
      await dialog.getByTitle(town, { exact: true }).waitFor();
    };
    // The first three with the mouse and typing.
    for (const p of people.slice(0, 3)) {
      await addInspector.click();
      await dialog.getByLabel('姓名').fill(p.name);
      await dialog.getByRole('combobox', { name: '所在单位' }).fill(unitOf(p.town));
      await chooseTownship(p.town);
      await dialog.getByLabel('执法证号').fill(p.certNo);
      await button(dialog, '保存').click();
      await page.getByText(`「${p.name}」已添加`).waitFor();
      await page.getByTestId(`inspector-${p.certNo}`).waitFor();
    }
    // The fourth from the keyboard alone: the name has the focus when the dialog opens, Tab goes
    // field to field, a township is picked by typing and Enter, and Tab reaches 保存.
    const last = people[3]!;
    await addInspector.click();
    await expect.poll(() => focused(dialog.getByLabel('姓名'))).toBe(true);
    await page.keyboard.type(last.name);
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(dialog.getByRole('combobox', { name: '所在单位' }))).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(unitOf(last.town)); // the unit of 赵强, offered as it is typed
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(dialog.getByRole('combobox', { name: '所属乡镇（街道）' }))).toBe(true);
    await page.keyboard.type(last.town);
    await page.getByRole('option', { name: last.town, exact: true }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    // Tab while the list is still open would take its highlighted option again: wait until it closes.
    await expect.poll(() => dialog.getByRole('combobox', { name: '所属乡镇（街道）' }).getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(dialog.getByLabel('执法证号'))).toBe(true);
    await page.keyboard.type(last.certNo);
    await page.keyboard.press('Tab'); // 取消
    await page.keyboard.press('Tab'); // 保存
    await expect.poll(() => focused(button(dialog, '保存'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText(`「${last.name}」已添加`).waitFor();
    for (const p of people) {
      const row = page.getByTestId(`inspector-${p.certNo}`);
      // The message comes before the list has been fetched again.
      await expect.poll(async () => (await row.getByRole('cell').allInnerTexts()).slice(0, 4)).toEqual([p.name, unitOf(p.town), p.town, p.certNo]);
    }
    // A fifth, of the county bureau, with 王芳's 执法证号. Typing the bureau's own name (the start of
    // every 所's name, so they are offered) and Tab keeps what was typed.
    await addInspector.click();
    // The dialog focuses 姓名 once it has opened: typing before that would go elsewhere.
    await expect.poll(() => focused(dialog.getByLabel('姓名'))).toBe(true);
    await page.keyboard.type('刘洋');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(dialog.getByRole('combobox', { name: '所在单位' }))).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(office.name);
    await page.getByRole('option', { name: unitOf(townA), exact: true }).waitFor({ state: 'attached' });
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(dialog.getByRole('combobox', { name: '所属乡镇（街道）' }))).toBe(true);
    expect(await dialog.getByRole('combobox', { name: '所在单位' }).inputValue()).toBe(office.name);
    // The duplicate 执法证号 is refused, and the reason is beside the field.
    await dialog.getByLabel('执法证号').fill(people[1]!.certNo);
    await button(dialog, '保存').click();
    const certInput = dialog.getByLabel('执法证号');
    await dialog.getByText(`执法证号 ${people[1]!.certNo} 已属于 王芳`).waitFor();
    await expect.poll(() => fieldMessage(page, certInput)).toBe(`执法证号 ${people[1]!.certNo} 已属于 王芳`);
    await expect.poll(() => certInput.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'inspector-duplicate');
    await button(dialog, '取消').click();
    await dialog.waitFor({ state: 'hidden' });
    const inspectors = await call<Inspector[]>(server, 'inspectors.list', { includeInactive: true });
    expect(inspectors.map((i) => i.certNo).sort()).toEqual(people.map((p) => p.certNo));
    await shot(page, 'inspectors');

    // ---- 3. 专项整治 → 新建专项 from the built-in template, over the detergent sellers. ----
    await nav.getByRole('menuitem', { name: '专项整治' }).click();
    await page.getByText('还没有专项', { exact: false }).waitFor();
    await button(page, '新建专项').click();
    const create = page.getByRole('dialog', { name: '新建专项' });
    const template = create.getByRole('combobox', { name: '检查模板' });
    await template.click();
    await template.fill('含磷');
    await page.getByTitle('含磷洗涤用品专项整治（内置）', { exact: true }).waitFor();
    await template.press('Enter');
    const campaignName = `${today.slice(0, 4)}年含磷洗涤用品专项整治`;
    await expect.poll(() => create.getByLabel('专项名称').inputValue()).toBe(campaignName);
    await create.getByLabel('文件依据').fill('华市监发〔2026〕8号');
    const tags = create.getByRole('combobox', { name: '标签' });
    await tags.click();
    await tags.fill(TAG);
    await page.getByRole('option', { name: TAG, exact: true }).waitFor({ state: 'attached' });
    await tags.press('Enter');
    await create.getByTitle(TAG, { exact: true }).waitFor();
    await create.getByLabel('文件依据').click(); // closes the list
    await shot(page, 'new-campaign', false);
    await create.getByRole('button', { name: '新建并列出检查对象' }).click();
    await page.getByText(`已新建专项「${campaignName}」，按范围列入检查对象 ${sellers.total} 户`).waitFor();
    await expect.poll(() => /#\/campaigns\/\d+/.test(page.url())).toBe(true);
    const campaignId = Number(/#\/campaigns\/(\d+)/.exec(page.url())![1]);
    const header = page.getByTestId('campaign-header');
    await header.getByRole('heading', { name: campaignName }).waitFor();
    // Its target count is what the registry gives for the tag among enterprises in business.
    await header.getByText(`${sellers.total} 户`, { exact: true }).waitFor();
    expect(await header.getByTestId('campaign-param-phosphorusLimit').textContent()).toBe('1.1 %');
    await page.getByTestId('campaign-tab-targets').click();
    await page.getByText(`共 ${sellers.total} 户`, { exact: true }).waitFor();
    expect(page.url()).toContain('tab=targets');
    const created = await call<Campaign>(server, 'campaigns.get', { id: campaignId });
    expect(created.targetCount).toBe(sellers.total);
    expect(created.scope.tags).toEqual([TAG]);
    expect(created.startsOn).toBe(today);

    // ---- 4. 双随机抽取: 12 targets, avoiding inspectors of the target's own office. ----
    await page.getByTestId('campaign-tab-draw').click();
    await page.getByTestId('draw-pool').getByText(String(sellers.total)).waitFor();
    const count = page.getByLabel('抽取户数');
    await count.fill(String(DRAWN));
    const avoid = page.getByRole('switch', { name: '回避本所执法人员' });
    expect(await avoid.getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('draw-submit').click();
    await page.getByText(`抽取完成：共抽取 ${DRAWN} 户`).waitFor();
    await page.getByTestId('draw-result').getByText(`抽取结果：共 ${DRAWN} 户`).waitFor();
    const first = await drawnRows(page);
    expect(first.map((r) => r.position)).toEqual(Array.from({ length: DRAWN }, (_, i) => String(i + 1)));
    expect(new Set(first.map((r) => r.enterpriseId)).size).toBe(DRAWN);
    for (const r of first) {
      // Two different inspectors, neither of the target's own township office.
      expect(r.inspectors).toHaveLength(2);
      expect(r.inspectors[0]).not.toBe(r.inspectors[1]);
      for (const who of r.inspectors) {
        const cert = /（(\d+)）$/.exec(who)?.[1] ?? '';
        expect(townOfCert.has(cert), who).toBe(true);
        expect(townOfCert.get(cert), `${r.name}（${r.township}）: ${who}`).not.toBe(r.township);
      }
    }
    const seed = /[0-9a-f]{32}/.exec((await page.getByTestId('draw-seed').textContent()) ?? '')?.[0];
    expect(seed).toBeTruthy();
    // 复核 re-runs the recorded draw and finds the same list.
    await page.getByTestId('draw-verify').click();
    await page.getByTestId('draw-verify-result').getByText('复核通过：重新运行得到完全相同的结果').waitFor();
    await page.getByTestId('draw-verify-result').getByText(`用记录的种子 ${seed} 重新运行`, { exact: false }).waitFor();
    await shot(page, 'draw');

    // 用此种子重新抽取, with a reason: exactly the same list, names and inspectors, in order.
    await page.getByTestId('draw-reuse-seed').click();
    await expect.poll(() => page.getByLabel('随机种子（可不填）').inputValue()).toBe(seed);
    await expect.poll(() => count.inputValue()).toBe(String(DRAWN));
    await page.getByTestId('draw-submit').click();
    const again = page.getByRole('dialog', { name: '重新抽取' });
    const redrawReason = '按同一种子重新抽取，核对抽取结果可以复现';
    await again.getByLabel('原因').fill(redrawReason);
    await again.getByRole('button', { name: '重新抽取' }).click();
    await page.getByTestId('draw-record').getByText(`抽取原因：${redrawReason}`).waitFor();
    const second = await drawnRows(page);
    expect(second).toEqual(first);
    const draws = await call<DrawSummary[]>(server, 'campaigns.draws', { id: campaignId });
    expect(draws).toHaveLength(2);
    expect(draws[0]!.seed).toBe(seed);
    expect(draws[0]!.resultHash).toBe(draws[1]!.resultHash);
    expect(draws.map((d) => d.superseded)).toEqual([false, true]);
    const history = page.getByTestId('draw-history');
    await history.getByText('已被替换').waitFor();
    await history.getByText(`重新抽取原因：${redrawReason}`).waitFor();

    // More than the pool is refused, with the reason on the form; no draw is recorded.
    await count.fill(String(sellers.total + 1));
    await page.getByTestId('draw-submit').click();
    await again.getByLabel('原因').fill('试一试抽取超过名录的户数');
    await again.getByRole('button', { name: '重新抽取' }).click();
    const tooMany = `抽取户数（${sellers.total + 1}）超过检查对象总数（${sellers.total}）`;
    await page.getByTestId('draw-error').getByText(tooMany, { exact: false }).waitFor();
    await expect.poll(() => fieldMessage(page, count)).toContain(tooMany);
    await shot(page, 'draw-too-many', false);
    expect(await call<DrawSummary[]>(server, 'campaigns.draws', { id: campaignId })).toHaveLength(2);
    expect((await call<Campaign>(server, 'campaigns.get', { id: campaignId })).draw?.id).toBe(draws[0]!.id);

    // ---- 5. 结果录入: the twelve paper sheets. ----
    await page.getByTestId('campaign-tab-results').click();
    // File choosers are caught from now on: one opened by a key press, before a waitForEvent issued
    // just before it has switched the catching on, would be a real dialog nobody closes.
    page.on('filechooser', () => undefined);
    const photos = tempDir();
    const picker = page.getByRole('combobox', { name: '检查对象' });
    const form = page.getByTestId('result-form');
    const savedResults = async () => (await call<CampaignResult[]>(server, 'campaigns.results', { campaignId })).length;
    const expected = { total: zeroTally(), byTownship: new Map<string, Record<TallyKey, number>>() };
    const deadline = addDays(today, 20);

    for (const [i, target] of first.entries()) {
      const sheet = sheetFor(i);
      // Find the target by typing its name; Enter takes the one match.
      await picker.fill(target.name);
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.and(page.getByTitle(target.name, { exact: true })).waitFor();
      await expect.poll(() => options.count()).toBe(1);
      await page.keyboard.press('Enter');
      await form.getByText(`正在录入：${target.name}`, { exact: false }).waitFor();
      // The drawn inspectors are filled in, and today's date.
      for (const who of target.inspectors) await form.getByTitle(who, { exact: true }).waitFor();
      expect(await form.getByLabel('检查日期').inputValue()).toBe(today);

      // The checklist from the keyboard: a digit on each 是/否 item, Tab to the next.
      await page.getByTestId('item-subjectType').getByRole('radio').first().focus();
      for (const [n, item] of ITEMS.entries()) {
        if (n > 0) await page.keyboard.press('Tab');
        const key = sheet.keys[item];
        if (i === INCOMPLETE_AT && item === 'ledger') continue; // left blank on the first try
        if (key === null) continue;
        if (TEXT_ITEMS.has(item)) await page.keyboard.type(key);
        else await page.keyboard.press(key);
      }
      for (const item of ITEMS) {
        const key = sheet.keys[item];
        const row = page.getByTestId(`item-${item}`);
        if (i === INCOMPLETE_AT && item === 'ledger') expect(await row.getByRole('radio', { checked: true }).count()).toBe(0);
        else if (key === null) continue;
        else if (TEXT_ITEMS.has(item)) expect(await row.getByRole(item === 'quickTest' ? 'spinbutton' : 'textbox').first().inputValue()).toBe(key);
        else expect(await row.getByRole('radio', { checked: true }).inputValue(), item).toBe(answerOf(item, key));
      }
      // An answer that is a problem turns its item red at once; the others stay as they are.
      const flagged = sheet.rectify ? ['phosphateLabelled', 'quickTest'] : sheet.problem ? ['noBrand'] : [];
      await expect.poll(() => page.locator('[data-testid^="item-"][data-problem="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(flagged.map((k) => `item-${k}`));

      // The photo: Enter on 添加照片 opens the file chooser.
      await page.keyboard.press('Tab');
      const addPhoto = page.getByRole('button', { name: /^添加照片：/ });
      await expect.poll(() => focused(addPhoto)).toBe(true);
      const file = await photo(page, photos, `门头-${i + 1}`);
      if (i !== INCOMPLETE_AT) {
        const chooser = page.waitForEvent('filechooser');
        await page.keyboard.press('Enter');
        await (await chooser).setFiles(file);
        await page.getByRole('button', { name: `移除照片 门头-${i + 1}.png` }).waitFor();
      }

      // The quantities, Tab from one to the next (nothing typed for a zero).
      const firstQuantity = form.getByLabel('检查洗涤用品', { exact: true });
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(firstQuantity)).toBe(true);
      for (const [n, q] of QUANTITIES.entries()) {
        if (n > 0) await page.keyboard.press('Tab');
        if (i === NEGATIVE_AT && q === 'removed') {
          // A negative count is refused beside the field (not clamped away unseen).
          await page.keyboard.type('-5');
          await page.keyboard.press('Tab');
          await form.getByText('数量不能为负数').waitFor();
          await page.keyboard.press('Shift+Tab');
          await page.keyboard.press('Control+A');
          await page.keyboard.press('Delete');
        }
        const v = sheet.quantities[q];
        if (v !== 0) await page.keyboard.type(String(v));
      }
      await page.keyboard.press('Tab');

      if (sheet.rectify) {
        // 同时责令整改: 存在的问题 comes from the red items; the deadline is set by hand.
        await page.keyboard.press('Tab'); // 检查结果
        await page.keyboard.press('Tab'); // 同时责令整改
        const rectify = page.getByTestId('result-rectify');
        await expect.poll(() => focused(rectify)).toBe(true);
        await page.keyboard.press('Space');
        const box = page.getByTestId('result-rectification');
        const problem = box.getByLabel('存在的问题');
        await expect.poll(() => problem.inputValue()).toContain('销售、使用标注含磷（HL-A/HL-B）或未标注磷含量的洗涤用品：是');
        expect(await problem.inputValue()).toContain('快速检测总磷（以 P₂O₅ 计）最高值为 1.8 %（判定限值 1.1 %）');
        await box.getByLabel('整改要求').fill('立即下架含磷洗涤用品，退回供货商，设立无磷洗涤用品专区');
        await fillDate(page, '整改期限', deadline);
        await page.getByTestId('result-conclusion').getByTitle('发现问题已责令改正').waitFor();
        await shot(page, 'result-rectify');
      } else if (sheet.problem) {
        await page.getByTestId('result-conclusion').getByTitle('发现问题待后续处理').waitFor();
      } else {
        await page.getByTestId('result-conclusion').getByTitle('未发现问题').waitFor();
      }

      if (i === INCOMPLETE_AT) {
        // Ctrl+Enter with a required item unanswered and no photo: each is told beside itself.
        const before = await savedResults();
        await page.keyboard.press('Control+Enter');
        await page.getByTestId('item-ledger').getByText('请选择').waitFor();
        await page.getByTestId('item-photos').getByText('请至少添加一张照片').waitFor();
        await shot(page, 'result-missing', false);
        expect(await savedResults()).toBe(before);
        await page.getByTestId('item-ledger').getByRole('radio').first().focus();
        await page.keyboard.press('1');
        await addPhoto.focus();
        const chooser = page.waitForEvent('filechooser');
        await page.keyboard.press('Enter');
        await (await chooser).setFiles(file);
        await page.getByRole('button', { name: `移除照片 门头-${i + 1}.png` }).waitFor();
        await expect.poll(() => page.getByTestId('item-ledger').getByText('请选择').count()).toBe(0);
      }

      await page.keyboard.press('Control+Enter');
      const saved = page.getByTestId('result-saved');
      await saved.getByText(`已保存「${target.name}」${today} 的检查结果${sheet.rectify ? '，并登记了责令改正' : ''}。`, { exact: false }).waitFor();
      expect(await savedResults()).toBe(i + 1);
      addSheet(expected.total, sheet);
      const town = expected.byTownship.get(target.township) ?? zeroTally();
      addSheet(town, sheet);
      expected.byTownship.set(target.township, town);

      if (sheet.rectify) {
        // The enterprise's file has the 专项检查 and the 责令改正 it opened, with its deadline.
        const dossier = await call<Dossier>(server, 'dossier.get', { enterpriseId: target.enterpriseId });
        const visit = dossier.records.find((r) => r.kind === 'specialInspection');
        const order = dossier.records.find((r) => r.kind === 'rectification' && r.sourceId === visit?.id);
        expect(visit?.occurredOn).toBe(today);
        expect(visit?.data['campaign']).toBe(campaignName);
        expect(order?.data['deadlineOn']).toBe(deadline);
        expect(order?.deadlines.find((d) => d.kind === 'correct')?.dueOn).toBe(deadline);
      }
    }
    // What was saved is what was typed (the negative count was replaced, the photo is attached).
    const results = await call<CampaignResult[]>(server, 'campaigns.results', { campaignId });
    expect(results).toHaveLength(DRAWN);
    for (const [i, target] of first.entries()) {
      const r = results.find((x) => x.enterpriseId === target.enterpriseId)!;
      const sheet = sheetFor(i);
      expect(r.quantities).toEqual(sheet.quantities);
      expect(r.attachments.map((a) => a.name)).toEqual([`门头-${i + 1}.png`]);
      expect(r.inspectors).toEqual(target.inspectors.map((w) => w.replace(/（\d+）$/, '')));
      expect(r.hasProblem).toBe(sheet.rectify || sheet.problem);
      expect(r.rectificationId !== null).toBe(sheet.rectify);
    }

    // ---- 6. 统计 for this week: every figure is the sum of the sheets. ----
    await page.getByTestId('campaign-tab-tally').click();
    await page.getByTestId('tally-period').getByText('本周', { exact: true }).click();
    const week = { from: mondayOf(today), to: addDays(mondayOf(today), 6) };
    await page.getByTestId('tally-dates').getByText(`${week.from} 至 ${week.to}`).waitFor();
    const tallyTable = page.getByTestId('tally-table');
    await tallyTable.getByRole('cell', { name: '合计', exact: true }).waitFor();
    const headers = (await tallyTable.getByRole('columnheader').allInnerTexts()).map((t) => t.replace(/\s/g, ''));
    expect(headers).toEqual(['乡镇（街道）', ...TALLY_HEADERS]);
    const shown = await tableRows(tallyTable);
    const apiTally = await call<Tally>(server, 'campaigns.tally', { campaignId, ...week });
    expect(apiTally.definitions.map((d) => d.key)).toEqual([...TALLY_KEYS]);
    expect(shown).toHaveLength(apiTally.rows.length + 1);
    expect(shown.length).toBeGreaterThan(2);
    const totalRow = shown.at(-1)!;
    expect(totalRow[0]).toBe('合计');
    const figures = (row: string[]) => Object.fromEntries(TALLY_KEYS.map((k, j) => [k, Number(row[j + 1])]));
    expect(expected.total.visits).toBe(DRAWN);
    expect(figures(totalRow)).toEqual(expected.total);
    // Each township's row, the ones nobody visited at zero.
    for (const row of shown.slice(0, -1)) expect(figures(row), row[0]).toEqual(expected.byTownship.get(row[0]!) ?? zeroTally());
    expect(shown.slice(0, -1).filter((r) => expected.byTownship.has(r[0]!)).length).toBe(expected.byTownship.size);
    // The HTTP contract says the same.
    expect(apiTally.total).toEqual(expected.total);
    await shot(page, 'tally');

    // The Excel export of the same table.
    const download = page.waitForEvent('download');
    await page.getByTestId('tally-export').click();
    const xlsx = await (await download).path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0]!;
    const cells: (string | number)[][] = [];
    sheet.eachRow((row) => cells.push(Array.from({ length: TALLY_KEYS.length + 1 }, (_, j) => row.getCell(j + 1).value as string | number)));
    const headerAt = cells.findIndex((r) => r[0] === '乡镇（街道）');
    expect(cells[headerAt]!.slice(1)).toEqual(TALLY_HEADERS);
    const sumRow = cells.find((r) => r[0] === '合计');
    expect(sumRow).toBeTruthy();
    expect(Object.fromEntries(TALLY_KEYS.map((k, j) => [k, sumRow![j + 1]]))).toEqual(expected.total);
    expect(cells.slice(headerAt + 1).findIndex((r) => r[0] === '合计')).toBe(apiTally.rows.length);

    // ---- 7. 概况: the cards and the charts. ----
    await page.getByTestId('campaign-tab-overview').click();
    const stat = async (id: string) => (await page.getByTestId(id).innerText()).replace(/\s/g, '');
    await expect.poll(() => stat('stat-inspected')).toBe(`已检查${DRAWN}户`);
    expect(await stat('stat-planned')).toBe(`计划检查${DRAWN}户`);
    expect(await stat('stat-problems')).toBe('发现问题2户');
    expect(await stat('stat-rectifying')).toBe('整改中1件');
    for (const chart of ['chart-coverage', 'chart-status', 'chart-weekly']) {
      const canvas = page.getByTestId(chart).locator('canvas').first();
      await canvas.waitFor();
      expect((await canvas.boundingBox())?.width ?? 0, chart).toBeGreaterThan(100);
    }
    const progress = await call<Progress>(server, 'campaigns.progress', { campaignId });
    expect(progress.inspected).toBe(DRAWN);
    expect(progress.rectifications.open).toBe(1);
    await shot(page, 'overview');
  });
});
