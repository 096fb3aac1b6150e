// Small helpers the browser tests share: screenshots on request, antd buttons by their text, and
// contract calls that fail the test with the server's message.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { pageTrace } from './page';
import type { RunningQingbo } from './server';

const SHOTS = process.env['QINGBO_SCREENSHOTS'];

/** Keeps a screenshot `<prefix>-<name>.png` when QINGBO_SCREENSHOTS names a folder. */
export async function shot(page: Page, prefix: string, name: string, fullPage = true): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300); // let antd's transitions finish
  await page.screenshot({ path: join(SHOTS, `${prefix}-${name}.png`), fullPage });
}

/** A button by its text (antd spaces two-character labels: 保 存; an icon adds its English name first). */
export const button = (scope: Page | Locator, text: string) =>
  scope.getByRole('button', { name: new RegExp(`^([a-z-]+ )?${[...text].join('\\s?')}$`) });

/** The value the server returned, or the test fails with the server's message. */
export async function call<T>(server: RunningQingbo, method: string, input: unknown = {}): Promise<T> {
  const r = await server.api<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error?.code} ${r.error?.message}`);
  return r.value as T;
}

/** The server's jobs and the end of its log, for a test that waited for a job in vain. */
async function serverState(server: RunningQingbo): Promise<string> {
  const jobs = await server.api<{ kind: string; status: string; progress: number; message: string; startedAt: string; finishedAt: string | null }[]>('jobs.list').catch((e: unknown) => ({ ok: false, error: { message: String(e) } }) as const);
  const jobLines = jobs.ok && 'value' in jobs && jobs.value
    ? jobs.value.slice(0, 8).map((j) => `  ${j.kind} ${j.status} ${Math.round(j.progress * 100)}% ${j.message} ${j.startedAt} → ${j.finishedAt ?? '…'}`)
    : [`  jobs.list failed: ${jobs.error?.message ?? ''}`];
  const logFile = join(server.dataDir, 'logs', 'qingbo.log');
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-25) : ['  (no log)'];
  return [`now ${new Date().toISOString()}`, 'jobs:', ...jobLines, 'log:', ...log, 'output:', server.output().slice(-2000)].join('\n');
}

/**
 * Waits for `locator` like locator.waitFor; when it does not appear in time, the failure says what
 * the server was doing (its jobs and the end of its log) and what the page showed.
 */
export async function waitOrExplain(page: Page, server: RunningQingbo, locator: Locator, timeout = 30_000): Promise<void> {
  try {
    await locator.waitFor({ timeout });
  } catch (err) {
    const read = (selector: string) => page.locator(selector).allInnerTexts().catch(() => ['(not readable)']);
    const messages = await read('.ant-message-notice, .ant-notification-notice');
    const dialogs = await read('.ant-modal-wrap');
    const body = await page.locator('body').innerText({ timeout: 2000 }).catch(() => '(page not readable)');
    await shot(page, 'failed', String(Date.now())).catch(() => undefined);
    throw new Error(
      `${(err as Error).message}\n---- server ----\n${await serverState(server)}\n---- network and console ----\n${pageTrace(page)}\n---- messages ----\n${messages.join('\n')}\n` +
        `---- dialogs (${dialogs.length}) ----\n${dialogs.join('\n----\n')}\n---- page ----\n${body.slice(-4000)}`,
    );
  }
}
