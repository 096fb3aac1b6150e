// The Chinese shell in real Chromium against `qingbo serve` on a fresh data folder.
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/page';
import { qingbo, serve } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

describe('the shell', () => {
  it('shows the demo county with every main area', async () => {
    const data = tempDir();
    expect(qingbo(['demo', '--data', data, '--enterprises', '500']).status).toBe(0);
    const server = await serve(data);
    const page = await openPage(server.url);
    await page.getByRole('heading', { name: /华容县市场监督管理局/ }).waitFor();
    await page.getByText('湖南省岳阳市华容县').first().waitFor();
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const area of ['首页', '企业名录', '一企一档', '专项整治', '执法文书', '报表导出', '设置']) {
      await nav.getByRole('menuitem', { name: area }).waitFor();
    }
    await page.getByText('500', { exact: true }).waitFor();
    await nav.getByRole('menuitem', { name: '企业名录' }).click();
    await page.getByText(/^共 \d+ 家$/).waitFor();
    expect(page.url()).toContain('#/registry');
    // The list is virtualised: the header and the rows on screen (with a few beyond), not all of them.
    await page.getByRole('row').nth(10).waitFor();
    const rows = await page.getByRole('row').count();
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(60);
    await nav.getByRole('menuitem', { name: '专项整治' }).click();
    await page.getByRole('button', { name: /新建专项/ }).waitFor();
    await nav.getByRole('menuitem', { name: '报表导出' }).click();
    await page.getByRole('heading', { name: '报表导出' }).waitFor();
  });

  it('saves the office settings, and they survive a restart', async () => {
    const data = tempDir();
    let server = await serve(data);
    let page = await openPage(server.url);
    await page.getByText('欢迎使用清波').waitFor();
    await page.getByRole('button', { name: '去设置' }).click();
    await page.getByLabel('单位名称').fill('岳阳市君山区市场监督管理局');
    await page.getByLabel('所在县（区）').click();
    await page.getByLabel('所在县（区）').fill('君山');
    await page.getByText('湖南省 / 岳阳市 / 君山区').click();
    await page.getByText('柳林洲街道').waitFor();
    await page.getByLabel('文号代字').fill('岳君市监');
    await page.getByText(`文号示例：岳君市监责改〔${new Date().getFullYear()}〕1号`).waitFor();
    await page.getByRole('button', { name: '保 存' }).click();
    await page.getByText('本单位设置已保存').waitFor();
    await page.getByRole('heading', { name: /岳阳市君山区市场监督管理局/ }).waitFor();

    await server.stop();
    server = await serve(data);
    page = await openPage(`${server.url}#/settings`);
    await expect.poll(() => page.getByLabel('单位名称').inputValue(), { timeout: 20_000 }).toBe('岳阳市君山区市场监督管理局');
    await expect.poll(() => page.getByLabel('文号代字').inputValue(), { timeout: 20_000 }).toBe('岳君市监');
    await page.getByText('湖南省 / 岳阳市 / 君山区').waitFor();
    await page.getByRole('cell', { name: /文号代字：（空） → 岳君市监/ }).waitFor();
    // The first start's automatic login, as the history says it.
    await page.getByRole('cell', { name: '本机自动登录：关闭 → admin' }).waitFor();
  });

  it('shows field errors in the form and a visible message for a refused call', async () => {
    const data = tempDir();
    const server = await serve(data);
    const page = await openPage(`${server.url}#/settings`);
    await page.getByLabel('文号代字').fill('abc');
    await page.getByRole('button', { name: '保 存' }).click();
    await page.getByText('只能是 2–12 个汉字').waitFor();
    await page.getByText('请填写单位名称').waitFor();

    // A long job holds the write lock: saving is refused with a message naming the job.
    await page.getByLabel('单位名称').fill('华容县市场监督管理局');
    await page.getByLabel('所在县（区）').fill('华容');
    await page.getByText('湖南省 / 岳阳市 / 华容县').click();
    await page.getByLabel('文号代字').fill('华市监');
    const started = await server.api<{ jobId: string }>('demo.generate', { enterprises: 2_000_000 });
    expect(started.ok).toBe(true);
    await page.getByRole('button', { name: '保 存' }).click();
    await page.getByText(/「生成演示数据」正在进行/).waitFor();

    // The job shows in the header with its progress and can be cancelled there.
    await page.getByRole('button', { name: '任务进度' }).click();
    await page.getByRole('button', { name: /^取\s?消$/ }).click();
    await page.getByText(/任务已取消，所有改动已撤销/).first().waitFor();
    const info = await server.api<{ counts: { enterprises: number }; office: unknown }>('system.info');
    expect(info.value).toMatchObject({ counts: { enterprises: 0 }, office: null });
  });
});
