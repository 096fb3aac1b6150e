// 企业名录 in real Chromium against `qingbo serve`: searching as a clerk types, adding an
// enterprise with a credit code that fails its check, editing and reading the history,
// archiving, and importing a spreadsheet with bad rows.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { pinyin, polyphonic } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../shared/idcard';
import { composeUscc, USCC_ALPHABET } from '../../shared/uscc';
import { openPage } from '../helpers/page';
import { shot, waitOrExplain } from '../helpers/ui';
import { qingbo, serve, type RunningQingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Row {
  id: number;
  name: string;
  phone: string | null;
}

async function demoServer(count = 500): Promise<RunningQingbo> {
  const data = tempDir();
  expect(qingbo(['demo', '--data', data, '--enterprises', String(count)]).status).toBe(0);
  return serve(data);
}

/** A button by its text (antd spaces two-character labels: 保 存; an icon adds its English name first). */
const button = (page: Page | Locator, text: string) => page.getByRole('button', { name: new RegExp(`^([a-z-]+ )?${[...text].join('\\s?')}$`) });

/** A demo enterprise whose brand (the two characters after 华容县) reads one way only in pinyin. */
async function pickEnterprise(server: RunningQingbo): Promise<Row & { brand: string; initials: string }> {
  const res = await server.api<{ rows: Row[] }>('enterprises.search', { sort: 'name', limit: 200 });
  for (const r of res.value?.rows ?? []) {
    const rest = r.name.replace(/^华容县?/, '');
    const brand = rest.slice(0, 2);
    const four = rest.slice(0, 4);
    if (![...four].every((ch) => /[\u4e00-\u9fa5]/.test(ch) && polyphonic(ch, { toneType: 'none', type: 'array' })[0]?.length === 1)) continue;
    // Two characters rare enough that this enterprise is among the first matches.
    const others = await server.api<{ total: number }>('enterprises.search', { filter: { q: brand }, limit: 1 });
    if ((others.value?.total ?? 99) > 5) continue;
    const initials = pinyin(four, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
    return { ...r, brand, initials };
  }
  throw new Error('no suitable demo enterprise');
}

describe('the registry', () => {
  it('finds an enterprise by two characters of its name and by pinyin initials', async () => {
    const server = await demoServer();
    const target = await pickEnterprise(server);
    const page = await openPage(`${server.url}#/registry`);
    await page.getByText(/^共 \d+ 家$/).waitFor();
    // The list is virtualised: only the rows on screen exist.
    const rows = await page.getByRole('row').count();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(100);

    const search = page.getByRole('searchbox', { name: '搜索企业' });
    await search.fill(target.brand);
    await page.getByRole('row', { name: new RegExp(escape(target.name)) }).waitFor();
    const shown = async () => Number(/共 (\d+) 家/.exec((await page.getByText(/^共 [\d,]+ 家$/).textContent()) ?? '')?.[1]);
    await expect.poll(shown).toBeLessThanOrEqual(5);
    expect(page.url()).toContain(`q=${encodeURIComponent(target.brand)}`);
    const brandCount = await shown();

    await search.fill(target.initials);
    await page.getByRole('row', { name: new RegExp(escape(target.name)) }).waitFor();

    // / focuses the search box from anywhere on the page; ↓ then Enter opens the first row.
    await page.getByRole('heading', { name: '企业名录' }).click();
    await page.keyboard.press('/');
    await expect.poll(() => search.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await search.fill(target.brand);
    // The debounced search has been asked (the address says so) and its answer is on screen.
    await expect.poll(() => page.url()).toContain(`q=${encodeURIComponent(target.brand)}`);
    await expect.poll(shown).toBe(brandCount);
    await page.getByRole('row', { name: new RegExp(escape(target.name)) }).waitFor();
    const first = page.getByRole('row').nth(1);
    const firstName = (await first.textContent()) ?? '';
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => first.evaluate((row) => row.contains(row.ownerDocument.activeElement))).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: '基本信息' }).waitFor();
    expect(firstName).toContain((await page.getByRole('heading', { level: 3 }).textContent()) ?? '?');

    // Nothing found says what to try.
    await page.getByRole('link', { name: /返回企业名录/ }).click();
    await search.fill('没有这种名字的企业');
    await page.getByText(/没有与「没有这种名字的企业」匹配的企业/).waitFor();
  });

  it('adds an enterprise whose credit code fails its check, with a reason, then edits and archives it', async () => {
    const server = await demoServer();
    const page = await openPage(`${server.url}#/registry`);
    await button(page, '新增企业').click();
    await page.getByRole('heading', { name: '新增企业' }).waitFor();

    const good = composeUscc('91', '430623', 'MA4QB7K1');
    const expected = good[17]!;
    const wrong = good.slice(0, 17) + ([...USCC_ALPHABET].find((c) => c !== expected) ?? '0');
    await page.getByLabel('企业名称').fill('华容县清波测试电线厂');
    await page.getByLabel('统一社会信用代码').fill(wrong.toLowerCase());
    await page.getByLabel('联系电话').click(); // leaving the code field checks it
    await page.getByText(`第 18 位校验码错误，应为 ${expected}`).waitFor();
    // Lower case is written the standard way.
    await expect.poll(() => page.getByLabel('统一社会信用代码').inputValue()).toBe(wrong);

    const idNumber = `43062319800101123${idCheckChar('43062319800101123')}`;
    await page.getByLabel('证件号码').fill(idNumber);

    // Saving without confirming is refused by the backend, naming the expected character.
    await page.getByLabel('联系电话').fill('0730-5551234');
    await button(page, '保存').click();
    await page.getByText(/如确认代码无误/).waitFor();

    await page.getByRole('checkbox', { name: '代码核对无误，确实如此' }).check();
    await page.getByLabel('核对说明').fill('早期试点代码，已与营业执照原件核对');
    await button(page, '保存').click();
    await page.getByText('已新增「华容县清波测试电线厂」').waitFor();
    await page.getByRole('heading', { name: '华容县清波测试电线厂' }).waitFor();
    await page.getByText('校验未通过，经核对保留。说明：早期试点代码，已与营业执照原件核对').waitFor();

    // The ID number is masked; showing it in full is recorded.
    await page.getByText(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`).waitFor();
    await button(page, '显示完整证件号码').click();
    await page.getByText(idNumber, { exact: true }).waitFor();
    await page.getByText('（本次查看已记入操作记录）').waitFor();

    // Edit the phone; the history shows it before → after.
    await button(page, '编辑').click();
    await page.getByRole('heading', { name: /编辑：华容县清波测试电线厂/ }).waitFor();
    await expect.poll(() => page.getByLabel('联系电话').inputValue()).toBe('0730-5551234');
    // Editing keeps the stored ID number without showing it in full.
    await page.getByText(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`).waitFor();
    await page.getByText('保存时保留原号码').waitFor();
    await page.getByLabel('联系电话').fill('0730-5559876');
    // 取消 asks before throwing the typed change away; 继续填写 keeps it.
    await button(page, '取消').click();
    const discard = page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' });
    await button(discard, '继续填写').click();
    await discard.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('联系电话').inputValue()).toBe('0730-5559876');
    await button(page, '保存').click();
    await page.getByText('「华容县清波测试电线厂」已保存').waitFor();
    await page.getByRole('tab', { name: '修改记录' }).click();
    await page.getByText('联系电话：0730-5551234 → 0730-5559876').waitFor();
    await page.getByText('修改企业信息').first().waitFor();
    await page.getByText('新增企业', { exact: true }).waitFor();
    await page.getByText('原因：早期试点代码，已与营业执照原件核对').waitFor();
    await page.getByText('查看完整证件号码').first().waitFor();

    // Archive with a reason.
    await button(page, '归档').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('原因').waitFor(); // the form is mounted (a click during the opening animation can come too early)
    await dialog.getByRole('button', { name: /^归\s?档$/ }).click(); // without a reason: refused in the dialog
    await dialog.getByText('请填写原因').waitFor();
    await dialog.getByLabel('原因').fill('经核查已停止生产');
    await dialog.getByRole('button', { name: /^归\s?档$/ }).click();
    await page.getByText('「华容县清波测试电线厂」已归档，不再出现在在册名录中').waitFor();
    await page.getByText('原因：经核查已停止生产').first().waitFor();
    await button(page, '恢复').waitFor();
    expect(await button(page, '编辑').count()).toBe(0);

    // The archived enterprise is gone from the default list, and found under 已归档.
    await page.getByRole('link', { name: /返回企业名录/ }).click();
    await page.getByRole('searchbox', { name: '搜索企业' }).fill('清波测试');
    await page.getByText('没有与「清波测试」匹配的企业', { exact: false }).waitFor();
    await page.getByText('已归档', { exact: true }).click();
    await page.getByRole('row', { name: /华容县清波测试电线厂/ }).waitFor();
  });

  it('imports a spreadsheet: shows rejected rows, downloads them with reasons, then imports the rest', async () => {
    const server = await demoServer(200);
    const dir = tempDir();
    const file = join(dir, '华容县名录.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名录');
    ws.addRow(['华容县企业名录（2026 年 3 月）']);
    ws.addRow(['企业名称', '统一社会信用代码', '法定代表人', '联系电话', '乡镇']);
    ws.addRow(['华容县清波导入电缆有限公司', composeUscc('91', '430623', 'MA4QB8K1'), '张三', '0730-4400001', '治河渡镇']);
    ws.addRow(['华容县清波导入超市', '', '李四', '13800000001', '章华镇']);
    ws.addRow(['', composeUscc('91', '430623', 'MA4QB8K2'), '王五', '', '']);
    ws.addRow(['华容县清波坏代码厂', '91430623MA4QB8K', '赵六', '', '']);
    await wb.xlsx.writeFile(file);

    const page = await openPage(`${server.url}#/registry`);
    await button(page, '导入').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('点击选择或把文件拖到这里').click();
    await (await chooser).setFiles(file);

    // The title row is skipped: the header is found on row 2 and the columns are matched.
    await page.getByText('表头与列').waitFor();
    await expect.poll(() => page.getByLabel('表头所在行').inputValue()).toBe('2');
    await page.getByText('A 列：企业名称').waitFor();
    // Leaving halfway asks first; staying keeps the file and the columns.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '首页' }).click();
    const leave = page.getByRole('dialog').filter({ hasText: '这次导入还没有完成' });
    await leave.getByRole('button', { name: '留在此页' }).click();
    await page.getByText('A 列：企业名称').waitFor();
    await button(page, '下一步：试导入').click();
    await button(page, '开始试导入').click();
    await page.getByText('这是试导入，名录没有任何改动').waitFor();
    await page.getByText('将新增的企业（2）').waitFor();
    await page.getByRole('cell', { name: '华容县清波导入超市' }).waitFor();
    await shot(page, 'registry', 'import-dry-run');
    await page.getByText('被拒绝的行（2）').waitFor();
    await page.getByRole('cell', { name: '企业名称为空' }).waitFor();
    await page.getByRole('cell', { name: /统一社会信用代码应为 18 位/ }).waitFor();
    const before = await server.api<{ total: number }>('enterprises.search', { filter: { q: '清波导入' } });
    expect(before.value?.total).toBe(0);

    const download = page.waitForEvent('download');
    await button(page, '下载错误行').click();
    const saved = await (await download).path();
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(saved);
    const sheet = back.worksheets[0]!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    const header = values(1);
    const reasonCol = header.indexOf('原因');
    expect(reasonCol).toBeGreaterThanOrEqual(0);
    const reasons = [values(2)[reasonCol], values(3)[reasonCol]].join('\n');
    expect(reasons).toContain('企业名称为空');
    expect(reasons).toContain('统一社会信用代码应为 18 位');

    await button(page, '下一步：正式导入').click();
    await button(page, '正式导入').click();
    await page.getByRole('dialog').getByRole('button', { name: /正式导入/ }).click();
    await waitOrExplain(page, server, page.getByText('已新增', { exact: true }), 60_000); // the import job; slow when the machine is busy
    const after = await server.api<{ total: number }>('enterprises.search', { filter: { q: '清波导入' } });
    expect(after.value?.total).toBe(2);
    await button(page, '查看企业名录').click();
    await page.getByRole('searchbox', { name: '搜索企业' }).fill('清波导入');
    await page.getByRole('row', { name: /华容县清波导入电缆有限公司/ }).click();
    // Its history names the row of the file its values came from.
    await page.getByRole('tab', { name: '修改记录' }).click();
    await page.getByText('原因：新建自「华容县名录.xlsx」第 3 行').waitFor();
    await shot(page, 'registry', 'imported-history');
    // The audit log has the import once, with the enterprises it created.
    await page.goto(`${server.url}#/audit`);
    const importRow = page.locator('[data-testid^=audit-row-]').filter({ hasText: '导入企业名录' }).filter({ hasText: '导入' });
    await importRow.first().locator('.ant-table-row-expand-icon').click();
    await page.getByRole('rowheader', { name: '新增的企业' }).waitFor();
    await page.getByRole('cell', { name: /^编号 \d+–\d+（第 3–4 行）$/ }).waitFor();
    await shot(page, 'registry', 'import-audit');
  });

  it('exports the filtered list to Excel, and merges a pair of duplicates', async () => {
    const server = await demoServer();
    const page = await openPage(`${server.url}#/registry?sup=${encodeURIComponent('严管')}`);
    const count = await page.getByText(/^共 [\d,]+ 家$/).textContent();
    const total = Number(/共 ([\d,]+) 家/.exec(count ?? '')?.[1]?.replace(/,/g, ''));
    expect(total).toBeGreaterThan(0);
    await button(page, '导出').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`当前筛选结果共 ${total} 家企业。`).waitFor();
    // The page asks for reduced motion (PAGE_OPTIONS): the dialog is there at once, not zooming in.
    expect(await page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter').count()).toBe(0);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: /开始导出/ }).click();
    await waitOrExplain(page, server, dialog.getByText(`已导出 ${total} 家企业`));
    const saved = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = header.indexOf('监管类别');
    expect(col).toBeGreaterThan(0);
    const classes = new Set<string>();
    for (let r = 2; r <= sheet.rowCount; r++) classes.add(String(sheet.getRow(r).getCell(col).value));
    expect(sheet.rowCount - 1).toBe(total);
    expect([...classes]).toEqual(['严管']);
    await button(page, '完成').click();

    const before = await server.api<{ total: number }>('enterprises.duplicates', { limit: 1 });
    expect(before.value?.total).toBeGreaterThan(0);
    await button(page, '疑似重复').click();
    await page.getByText(`共 ${before.value?.total} 对`).first().waitFor();
    await button(page, '合并').first().click();
    const merge = page.getByRole('dialog');
    await merge.getByText('保留哪一家？').waitFor();
    await merge.getByLabel('原因').fill('营业执照核对为同一家，重复录入');
    await merge.getByRole('button', { name: /^合\s?并$/ }).click();
    const pairs = async () => (await server.api<{ total: number }>('enterprises.duplicates', { limit: 1 })).value?.total ?? 0;
    await expect.poll(pairs).toBeLessThan(before.value?.total ?? 0);
    // The list shows the pairs left.
    await page.getByText(`共 ${await pairs()} 对`).first().waitFor();
  });
});
