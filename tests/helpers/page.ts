// A Chromium page for one test, closed afterwards.
import type { Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { launchChromium } from './browser';

export async function openPage(url: string): Promise<Page> {
  const browser = await launchChromium();
  onTestFinished(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  onTestFinished(() => {
    if (errors.length) throw new Error(`page errors: ${errors.join('\n')}`);
  });
  await page.goto(url);
  return page;
}
