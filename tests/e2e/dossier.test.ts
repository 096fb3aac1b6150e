// 一企一档 in real Chromium against `qingbo serve`: a clerk opens an enterprise's file from the
// registry, records an unqualified sampling result with two photos, sees the objection window and
// the order to correct it opened, finds that order on the home page, records the 复查 and sees the
// deadlines close, voids a record with a reason, and is told which field is wrong when an order's
// deadline comes before its date. Set QINGBO_SCREENSHOTS=<folder> to keep screenshots of the pages.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../shared/dates';
import type { Deadline, Dossier, DueList } from '../../shared/dossier';
import { readZip } from '../helpers/files';
import { openPage } from '../helpers/page';
import { qingbo, serve, type RunningQingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = process.env['QINGBO_SCREENSHOTS'];

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300); // let antd's transitions finish
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** A button by its text (antd spaces two-character labels: 保 存; an icon adds its English name first). */
const button = (scope: Page | Locator, text: string) => scope.getByRole('button', { name: new RegExp(`^([a-z-]+ )?${[...text].join('\\s?')}$`) });

/** Types a date into an antd DatePicker found by its label. */
async function fillDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(date);
}

async function demoServer(): Promise<{ server: RunningQingbo; enterprise: { id: number; name: string; townshipName: string | null } }> {
  const data = tempDir();
  expect(qingbo(['demo', '--data', data, '--enterprises', '200']).status).toBe(0);
  const server = await serve(data);
  const found = await server.api<{ rows: { id: number; name: string; townshipName: string | null }[] }>('enterprises.search', { sort: 'name', limit: 1 });
  const enterprise = found.value?.rows[0];
  if (!enterprise) throw new Error('the demo county has no enterprise');
  return { server, enterprise };
}

/** A small real picture drawn by the browser (a PNG or a JPEG), with a caption on it. */
async function picture(page: Page, type: 'image/png' | 'image/jpeg', caption: string, colors: [string, string]): Promise<Buffer> {
  // Written as page source: this test is type-checked without the DOM's types.
  const [from, to] = colors.map((c) => JSON.stringify(c));
  const url = await page.evaluate<string>(`(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const g = canvas.getContext('2d');
    const fill = g.createLinearGradient(0, 0, 320, 240);
    fill.addColorStop(0, ${from});
    fill.addColorStop(1, ${to});
    g.fillStyle = fill;
    g.fillRect(0, 0, 320, 240);
    g.fillStyle = '#fff';
    g.font = '28px sans-serif';
    g.fillText(${JSON.stringify(caption)}, 100, 130);
    return canvas.toDataURL(${JSON.stringify(type)}, 0.85);
  })()`);
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

/** Two small real pictures, as a phone would hand them over: a PNG and a JPEG. */
async function photos(page: Page): Promise<string[]> {
  const dir = tempDir();
  const png = join(dir, '现场照片-仓库.png');
  const jpg = join(dir, '抽样单.jpg');
  writeFileSync(png, await picture(page, 'image/png', '成品仓库', ['#2f6f4f', '#9cc9a8']));
  writeFileSync(jpg, await picture(page, 'image/jpeg', '抽样单', ['#1d4e89', '#8fb8e8']));
  return [png, jpg];
}

describe('one enterprise, one file', () => {
  it('follows an unqualified sampling result from the form to its 复查, across the dossier and the home page', async () => {
    const { server, enterprise } = await demoServer();
    const today = todayInChina();
    // Received 65 days ago: the 15-day objection window is over and the 60-day order is overdue
    // (or, when its last day fell on a holiday and moved, due this week); the 复查 is still ahead.
    const sampledOn = addDays(today, -75);
    const receivedOn = addDays(today, -65);

    const page = await openPage(`${server.url}#/registry/${enterprise.id}`);
    await page.getByRole('heading', { name: enterprise.name }).waitFor();
    const before = (await server.api<Dossier>('dossier.get', { enterpriseId: enterprise.id })).value!;
    await button(page, '一企一档').click();
    await page.getByText(`档案记录（${before.total} 条）`).waitFor();
    expect(page.url()).toContain(`#/dossier/${enterprise.id}`);

    await button(page, '新增记录').click();
    await page.getByRole('button', { name: /^监督抽查/ }).click();
    await page.getByRole('heading', { name: /新增监督抽查记录/ }).waitFor();
    await page.getByLabel('抽查计划（任务）').fill('2026 年县级产品质量监督抽查（第二批）');
    await page.getByLabel('产品名称').fill('洗衣粉');
    await page.getByLabel('商标').fill('清波');
    await page.getByLabel('生产日期或批号').fill('20260315');
    await fillDate(page, '抽样日期', sampledOn);
    await page.getByLabel('检验依据（标准）').fill('GB/T 13171.1-2022');
    await page.getByLabel('检验机构').fill('岳阳市产商品质量监督检验所');
    await fillDate(page, '企业收到检验结果日期', receivedOn);
    await page.getByText('不合格', { exact: true }).click();
    await page.getByText('保存后将自动生成责令改正记录').waitFor();
    await button(page, '添加不合格项目').click();
    await page.getByLabel('第 1 项 不合格项目').fill('总五氧化二磷');
    await page.getByLabel('第 1 项 实测值').fill('2.3%');
    await page.getByLabel('第 1 项 标准要求').fill('≤1.1%');

    const chooser = page.waitForEvent('filechooser');
    await page.getByText('点击选择或把文件拖到这里').click();
    await (await chooser).setFiles(await photos(page));
    const added = page.getByRole('list', { name: '已添加的附件' });
    await expect.poll(() => added.getByText('已上传').count()).toBe(2);
    await added.getByRole('img', { name: '现场照片-仓库.png' }).waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'sampling-form-top', false);
    await added.scrollIntoViewIfNeeded();
    await shot(page, 'sampling-form-bottom', false);

    await button(page, '保存').click();
    await page.getByText('已新增监督抽查记录').waitFor();
    const saved = await server.api<Dossier>('dossier.get', { enterpriseId: enterprise.id });
    expect(saved.value?.total).toBe(before.total + 2);
    const sampling = saved.value?.records.find((r) => r.kind === 'sampling' && r.data['brand'] === '清波');
    const rect = saved.value?.records.find((r) => r.kind === 'rectification' && r.sourceId === sampling?.id);
    const correct = rect?.deadlines.find((d) => d.kind === 'correct');
    const recheck = rect?.deadlines.find((d) => d.kind === 'recheck');
    const objection = sampling?.deadlines.find((d) => d.kind === 'objection');
    expect(correct && recheck && objection).toBeTruthy();
    const state = (d: Deadline) => (d.daysLeft < 0 ? `逾期 ${-d.daysLeft} 天` : d.daysLeft === 0 ? '今天到期' : `还剩 ${d.daysLeft} 天`);
    const notice = page.getByRole('status').filter({ hasText: '已新增监督抽查记录' });
    // A date already past says so: the result was entered after its order's deadline.
    const late = (d: Deadline) => (d.daysLeft < 0 ? `（${state(d)}）` : '');
    await notice.getByText(`已自动生成责令改正记录，整改期限 ${correct!.dueOn}${late(correct!)}，复查期限 ${recheck!.dueOn}${late(recheck!)}。`).waitFor();
    await notice.getByText(`本记录的期限：异议期届满 ${objection!.dueOn}（已届满）。`).waitFor();

    // The sampling record is open on the timeline: its fields, both photos, and the objection window.
    const samplingItem = page.locator(`#record-${sampling!.id}`);
    await samplingItem.getByRole('cell', { name: '总五氧化二磷', exact: true }).waitFor();
    await samplingItem.getByRole('img', { name: '抽样单.jpg' }).waitFor();
    await samplingItem.getByRole('img', { name: '现场照片-仓库.png' }).waitFor();
    const objectionRow = samplingItem.getByRole('region', { name: '期限' }).getByRole('row', { name: /异议期届满/ });
    await objectionRow.getByText(objection!.dueOn).waitFor();
    await objectionRow.getByText('已届满').waitFor();

    // The order it opened, with its dates, among the open deadlines (an overdue one in red words).
    const rectItem = page.locator(`#record-${rect!.id}`);
    await rectItem.getByText(/责令改正：监督抽查不合格：洗衣粉/).click();
    await rectItem.getByText('由监督抽查记录自动生成', { exact: false }).waitFor();
    const rectDeadlines = rectItem.getByRole('region', { name: '期限' });
    await rectDeadlines.getByRole('row', { name: /整改期限/ }).getByText(correct!.dueOn).waitFor();
    await rectDeadlines.getByRole('row', { name: /复查期限/ }).getByText(recheck!.dueOn).waitFor();
    await page.getByRole('button', { name: `整改期限 ${correct!.dueOn} ${state(correct!)}` }).waitFor();
    await page.getByRole('button', { name: new RegExp(`^复查期限 ${recheck!.dueOn} 还剩`) }).waitFor();
    await shot(page, 'dossier');

    // The home page lists the order under 已逾期 or 本周到期, as its date says (in its township).
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '首页' }).click();
    await page.getByText('到期提醒').waitFor();
    if (enterprise.townshipName) {
      const township = page.getByRole('combobox', { name: '乡镇（街道）' });
      await township.click();
      await township.fill(enterprise.townshipName);
      await township.press('Enter');
      await page.getByRole('combobox', { name: '乡镇（街道）' }).blur();
    }
    const due = (await server.api<DueList>('deadlines.due', {})).value!;
    const section = page.getByRole('region', { name: due.overdue.some((d) => d.id === correct!.id) ? '已逾期' : '本周到期' });
    const row = section.getByRole('link', { name: new RegExp(`^${enterprise.name} 整改期限 ${correct!.dueOn}`) });
    await row.waitFor();
    if (enterprise.townshipName) {
      // Only that township's items are left.
      const rows = section.getByRole('link');
      await expect.poll(async () => (await rows.allTextContents()).every((t) => t.endsWith(enterprise.townshipName!))).toBe(true);
    }
    await shot(page, 'home');

    // One click from the home page to the order, opened and marked; record its 复查 there.
    await row.click();
    await page.locator(`#record-${rect!.id}`).getByText('由监督抽查记录自动生成', { exact: false }).waitFor();
    expect(page.url()).toContain(`record=${rect!.id}`);
    await page.locator(`#record-${rect!.id}`).getByRole('button', { name: /记录复查/ }).click();
    const dialog = page.getByRole('dialog', { name: '记录复查' });
    await dialog.getByLabel('复查人员').fill('张三');
    await dialog.getByLabel('复查人员').press('Enter');
    await dialog.getByLabel('复查人员').fill('李四');
    await dialog.getByLabel('复查人员').press('Enter');
    await dialog.getByText('已整改', { exact: true }).click();
    await dialog.getByLabel('复查情况').fill('已停止销售，库存 120 袋已退回生产企业');
    await button(dialog, '保存复查').click();
    await page.getByText('复查已记录（已整改），整改期限和复查期限已完成').waitFor();
    await page.locator(`#record-${rect!.id}`).getByRole('region', { name: '期限' }).getByText(`已完成（${today}）`).first().waitFor();
    await expect.poll(() => page.getByRole('button', { name: new RegExp(`^(整改|复查)期限 (${correct!.dueOn}|${recheck!.dueOn}) `) }).count()).toBe(0);
    const after = (await server.api<DueList>('deadlines.due', {})).value!;
    expect([...after.overdue, ...after.dueSoon].some((d) => d.recordId === rect!.id)).toBe(false);

    // Void the sampling record with a reason: it leaves the list, and comes back struck through on request.
    await page.locator(`#record-${sampling!.id}`).getByRole('button', { name: /作废/ }).click();
    const voidDialog = page.getByRole('dialog', { name: '作废记录' });
    await voidDialog.getByLabel('原因').fill('样品编号登记错误，重新录入');
    await button(voidDialog, '作废').click();
    await page.getByText(/^已作废：监督抽查：洗衣粉/).waitFor();
    await expect.poll(() => page.locator(`#record-${sampling!.id}`).count()).toBe(0);
    await page.getByRole('switch', { name: '显示已作废' }).click();
    await page.locator(`#record-${sampling!.id}`).getByText('已作废：样品编号登记错误，重新录入').waitFor();
    await page.locator(`#record-${sampling!.id}`).getByRole('deletion').filter({ hasText: '监督抽查：洗衣粉' }).waitFor();
  });

  it('puts the backend’s refusal of an order whose deadline is before its date under the field', async () => {
    const { server, enterprise } = await demoServer();
    const today = todayInChina();
    const before = (await server.api<Dossier>('dossier.get', { enterpriseId: enterprise.id })).value!;
    const page = await openPage(`${server.url}#/dossier/${enterprise.id}/new`);
    await page.getByRole('button', { name: /^责令改正/ }).click();
    await page.getByRole('heading', { name: /新增责令改正记录/ }).waitFor();
    await fillDate(page, '责令改正日期', today);
    await page.getByLabel('存在的问题').fill('经查，当事人销售的洗衣粉未标注磷含量');
    await fillDate(page, '整改期限', addDays(today, -5));
    await button(page, '保存').click();
    await page.getByText(`整改期限（${addDays(today, -5)}）早于记录日期（${today}），请核对`).waitFor();
    // The message is the field's own (the field is marked invalid and described by it), and nothing was saved.
    const input = page.getByLabel('整改期限', { exact: true });
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
    const described = (await input.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${described.split(' ')[0]}"]`).textContent()).toContain('早于记录日期');
    const after = await server.api<Dossier>('dossier.get', { enterpriseId: enterprise.id });
    expect(after.value?.total).toBe(before.total);
  });

  it('exports the file from its page as a PDF the clerk can print', async () => {
    const { server, enterprise } = await demoServer();
    const page = await openPage(`${server.url}#/dossier/${enterprise.id}`);
    await page.getByRole('heading', { name: enterprise.name }).waitFor();
    await button(page, '导出档案').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('PDF 文件：A4 打印版').click();
    const download = page.waitForEvent('download');
    await button(dialog, '开始导出').click();
    const file = await (await download).path();
    await dialog.getByText(/^已导出 \d+ 条记录/).waitFor();
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(enterprise.name);
    expect(text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
  });

  it('exports the files of a filtered registry list as one zip with a folder per enterprise', async () => {
    const { server, enterprise } = await demoServer();
    const page = await openPage(`${server.url}#/registry?q=${encodeURIComponent(enterprise.name)}`);
    await page.getByText(/^共 1 家$/).waitFor();
    await button(page, '导出').click();
    const dialog = page.getByRole('dialog');
    // A click while the dialog is still zooming in can land on its mask: click until the choice holds.
    const zip = dialog.getByRole('radio', { name: /^企业档案（压缩包）/ });
    await expect
      .poll(async () => {
        if (!(await zip.isChecked())) await dialog.getByText(/^企业档案（压缩包）/).click();
        return zip.isChecked();
      })
      .toBe(true);
    const download = page.waitForEvent('download');
    await button(dialog, '开始导出').click();
    const file = await (await download).path();
    await dialog.getByText(/^已导出 1 家企业的 \d+ 条档案记录$/).waitFor({ timeout: 60_000 }); // the export job prints a PDF
    const entries = await readZip(file);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { enterprises: { name: string }[] };
    expect(manifest.enterprises.map((e) => e.name)).toEqual([enterprise.name]);
    expect([...entries.keys()].some((k) => k.endsWith('.pdf'))).toBe(true);
  });
});
