// Small helpers the browser tests share: screenshots on request, antd buttons by their text, and
// contract calls that fail the test with the server's message.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
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
