// Roles in real Chromium against the office server (`qingbo serve --host`, 127.0.0.2 here) with the
// demo county: a read-only account (领导) looks through the registry, an enterprise, its 一企一档,
// the demo campaign and the notices and is offered no write at all — the pages that only write say
// so instead of showing a form, and no call the backend would refuse is ever made — while a clerk
// sees the buttons of the work its role does.
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { PAGE_OPTIONS } from '../helpers/page';
import { qingbo, serve, sessionClient } from '../helpers/server';
import { tempDir } from '../helpers/tmp';
import { button, shot as shotAs } from '../helpers/ui';

const HOST = '127.0.0.2';
const shot = (page: Page, name: string) => shotAs(page, 'roles', name);

/** Nothing on the page matches (after the page has shown what it does show). */
const absent = async (l: Locator) => expect(await l.count()).toBe(0);

interface Demo {
  url: string;
  enterpriseId: number;
  noticeId: number;
  campaignId: number;
}

/** The demo county on the office server, with an administrator, a read-only account and a clerk. */
async function demoOffice(): Promise<Demo> {
  const data = tempDir();
  expect(qingbo(['demo', '--data', data, '--enterprises', '60', '--records-per-enterprise', '2']).status).toBe(0);
  expect(qingbo(['account', 'add', '--data', data, '--role', 'admin', '--username', 'admin', '--display-name', '王管理', '--password', 'office-pass-1']).status).toBe(0);
  const server = await serve(data, ['--host', HOST]);
  const admin = sessionClient(server.url, '127.0.0.50');
  expect((await admin.login('admin', 'office-pass-1')).ok).toBe(true);
  for (const [username, displayName, role] of [['lingdao', '赵局长', 'readonly'], ['banshi', '钱办事', 'clerk']] as const) {
    const r = await admin.api('accounts.create', { username, displayName, role, password: `${username}-first-1` });
    expect(r.error?.message ?? '').toBe('');
  }
  const notices = await admin.api<{ rows: { id: number; enterpriseId: number }[] }>('notices.list', { status: 'issued', limit: 1 });
  const notice = notices.value?.rows[0];
  const campaign = (await admin.api<{ id: number }[]>('campaigns.list')).value?.[0];
  expect(notice && campaign).toBeTruthy();
  return { url: server.url, enterpriseId: notice!.enterpriseId, noticeId: notice!.id, campaignId: campaign!.id };
}

type RolePage = Page & { errors: string[]; refused: string[] };

/** A browser of its own for `username`, signed in (choosing a new password, as the first login asks). */
async function signIn(browser: Browser, url: string, username: string, displayName: string): Promise<RolePage> {
  const context = await browser.newContext(PAGE_OPTIONS);
  const page = Object.assign(await context.newPage(), { errors: [] as string[], refused: [] as string[] });
  page.on('pageerror', (e) => page.errors.push(e.message));
  // Every call the backend refused for the role: the UI should not have offered it.
  page.on('response', async (res) => {
    const method = /\/api\/([\w.]+)$/.exec(res.url())?.[1];
    if (!method) return;
    const body = (await res.json().catch(() => null)) as { error?: { code: string } } | null;
    if (body?.error?.code === 'FORBIDDEN') page.refused.push(method);
  });
  await page.goto(url);
  const first = `${username}-first-1`;
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(first);
  await button(page, '登录').click();
  await page.getByText('管理员为您设置了初始密码').waitFor();
  await page.getByLabel('原密码').fill(first);
  await page.getByLabel('新密码', { exact: true }).fill(`${username}-own-22`);
  await page.getByLabel('再次输入新密码').fill(`${username}-own-22`);
  await button(page, '修改').click();
  await page.getByText('密码已修改').waitFor();
  await page.getByRole('button', { name: new RegExp(`当前用户：${displayName}`) }).waitFor();
  return page;
}

const open = async (page: Page, demo: Demo, path: string) => page.goto(`${demo.url}#${path}`);

describe('what each role is offered', () => {
  it('shows a read-only account no write buttons on the registry, dossier, campaign and notice pages, and a clerk its own', async () => {
    const demo = await demoOffice();
    const { enterpriseId: e, noticeId: n, campaignId: c } = demo;
    const browser = await launchChromium();
    try {
      const page = await signIn(browser, demo.url, 'lingdao', '赵局长');

      // 企业名录: search, export and the duplicates list, but no 新增企业 or 导入.
      await open(page, demo, '/registry');
      await button(page, '导出').waitFor();
      await button(page, '疑似重复').waitFor();
      await page.getByRole('row').nth(2).waitFor();
      await absent(button(page, '新增企业'));
      await absent(button(page, '导入'));
      await shot(page, 'readonly-registry');

      // One enterprise: its file is a click away; nothing to edit, archive or restore.
      await open(page, demo, `/registry/${e}`);
      await button(page, '一企一档').waitFor();
      await absent(button(page, '编辑'));
      await absent(button(page, '归档'));
      await absent(button(page, '恢复'));
      await shot(page, 'readonly-enterprise');
      await open(page, demo, '/registry/duplicates');
      await page.getByText('相似之处').waitFor();
      await absent(page.getByRole('columnheader', { name: '处理' }));
      await open(page, demo, `/registry/${e}/edit`);
      await page.getByText('当前账户（只读）不能修改企业信息').waitFor();

      // 一企一档: export and the issued notice are there; no new record, notice, edit or void.
      await open(page, demo, `/dossier/${e}`);
      await button(page, '导出档案').waitFor();
      await button(page, '企业信息').waitFor();
      await page.getByRole('link', { name: /查看文书/ }).first().waitFor();
      await absent(button(page, '新增记录'));
      await absent(page.getByTestId('issue-for-enterprise'));
      await absent(page.getByTestId(/^issue-from-/));
      await absent(button(page, '修改'));
      await absent(button(page, '作废'));
      await absent(button(page, '记录复查'));
      await shot(page, 'readonly-dossier');
      await open(page, demo, `/dossier/${e}/new`);
      await page.getByText('当前账户（只读）不能新增档案记录').waitFor();
      await shot(page, 'readonly-new-record');

      // 专项整治: the list, the header, the targets, the draw on record; no new campaign, change, draw or entry.
      await open(page, demo, '/campaigns');
      await button(page, '检查模板').waitFor();
      await page.getByTestId(`campaign-${c}`).waitFor();
      await absent(button(page, '新建专项'));
      await open(page, demo, `/campaigns/${c}?tab=targets`);
      await page.getByTestId('campaign-header').waitFor();
      await page.getByTestId(/^target-\d+$/).first().waitFor();
      await absent(button(page, '修改'));
      await absent(button(page, '添加企业'));
      await absent(button(page, '按范围更新'));
      await absent(button(page, '分配执法人员'));
      await absent(page.getByTestId('bulk-notices'));
      await absent(page.getByRole('table').getByRole('checkbox'));
      await shot(page, 'readonly-targets');
      await page.getByTestId('campaign-tab-draw').click();
      await page.getByTestId('draw-verify').waitFor();
      await page.getByTestId('draw-export').waitFor();
      await absent(page.getByTestId('draw-form'));
      await absent(page.getByTestId('draw-reuse-seed'));
      await shot(page, 'readonly-draw');
      await page.getByTestId('campaign-tab-results').click();
      await page.getByText('当前账户（只读）不能录入检查结果').waitFor();
      await page.getByTestId('campaign-tab-tally').click();
      await page.getByTestId('tally-export').waitFor();

      // 执法文书: look, print, download; no new notice, service, correction or voiding.
      await open(page, demo, '/notices');
      await page.getByTestId(`notice-row-${n}`).waitFor();
      await page.getByTestId('notice-templates').waitFor();
      await page.getByTestId(`notice-view-${n}`).waitFor();
      await page.getByTestId(`notice-print-${n}`).waitFor();
      await absent(page.getByTestId('notice-new'));
      await page.getByTestId(`notice-more-${n}`).click();
      await page.getByRole('menuitem', { name: /下载 PDF/ }).waitFor();
      await page.getByRole('menuitem', { name: /下载 Word/ }).waitFor();
      await absent(page.getByRole('menuitem', { name: /作废|更正|送达/ }));
      await shot(page, 'readonly-notices');
      await page.keyboard.press('Escape');
      await open(page, demo, `/notices/${n}`);
      await page.getByTestId('notice-print').waitFor();
      await page.getByTestId('notice-download-pdf').waitFor();
      for (const id of ['notice-service', 'notice-correct', 'notice-void']) await absent(page.getByTestId(id));
      await shot(page, 'readonly-notice');
      await open(page, demo, `/notices/new?type=correctionOrder&enterpriseId=${e}`);
      await page.getByText('当前账户（只读）不能出具文书').waitFor();
      await shot(page, 'readonly-issue');
      await open(page, demo, '/notices/templates');
      await page.getByTestId('template-text').waitFor();
      await page.getByText('当前账户（只读）不能修改文书模板').waitFor();
      await absent(page.getByTestId('template-save'));
      await absent(page.getByTestId('template-preview'));
      await shot(page, 'readonly-templates');
      expect(page.errors).toEqual([]);
      expect(page.refused).toEqual([]);

      // A clerk keeps the registry, dossier and notice work, but not the coordinator's campaign work.
      const clerk = await signIn(browser, demo.url, 'banshi', '钱办事');
      await open(clerk, demo, '/registry');
      await button(clerk, '新增企业').waitFor();
      await button(clerk, '导入').waitFor();
      await open(clerk, demo, `/registry/${e}`);
      await button(clerk, '编辑').waitFor();
      await button(clerk, '归档').waitFor();
      await open(clerk, demo, `/dossier/${e}`);
      await button(clerk, '新增记录').waitFor();
      await clerk.getByTestId('issue-for-enterprise').waitFor();
      await shot(clerk, 'clerk-dossier');
      await open(clerk, demo, '/notices');
      await clerk.getByTestId('notice-new').waitFor();
      await open(clerk, demo, `/notices/${n}`);
      await clerk.getByTestId('notice-void').waitFor();
      await open(clerk, demo, `/campaigns/${c}?tab=targets`);
      await clerk.getByTestId('bulk-notices').waitFor();
      await absent(button(clerk, '添加企业'));
      await absent(button(clerk, '分配执法人员'));
      await shot(clerk, 'clerk-targets');
      await clerk.getByTestId('campaign-tab-results').click();
      await clerk.getByTestId('result-target').waitFor();
      await absent(clerk.getByText('不能录入检查结果'));
      expect(clerk.errors).toEqual([]);
      expect(clerk.refused).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
