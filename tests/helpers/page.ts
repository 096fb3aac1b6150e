// A Chromium page for one test, closed afterwards.
import type { Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { launchChromium } from './browser';

/**
 * How every test page opens. Reduced motion turns antd's animations off (useReducedMotion): a
 * click into a dialog still zooming in can land beside its button when the machine is busy.
 */
export const PAGE_OPTIONS = { viewport: { width: 1366, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' } as const;

/** What a page asked of the network and printed, for a test that fails while waiting. */
interface PageTrace {
  pending: Map<unknown, string>;
  failed: string[];
  console: string[];
}
const traces = new WeakMap<Page, PageTrace>();

/** The page's requests still unanswered, failed requests and console lines, newest last. */
export function pageTrace(page: Page): string {
  const t = traces.get(page);
  if (!t) return '(not traced)';
  return [`pending: ${[...t.pending.values()].join(' | ') || '—'}`, `failed: ${t.failed.slice(-10).join(' | ') || '—'}`, ...t.console.slice(-15)].join('\n');
}

export async function openPage(url: string): Promise<Page> {
  const browser = await launchChromium();
  onTestFinished(() => browser.close());
  const page = await browser.newPage(PAGE_OPTIONS);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const trace: PageTrace = { pending: new Map(), failed: [], console: [] };
  traces.set(page, trace);
  const at = () => new Date().toISOString().slice(11, 23);
  page.on('request', (r) => trace.pending.set(r, `${at()} ${r.method()} ${r.url().replace(/^https?:\/\/[^/]+/, '')}`));
  page.on('requestfinished', (r) => trace.pending.delete(r));
  page.on('requestfailed', (r) => {
    trace.failed.push(`${trace.pending.get(r) ?? r.url()} ${r.failure()?.errorText ?? ''}`);
    trace.pending.delete(r);
  });
  page.on('console', (m) => trace.console.push(`${at()} console.${m.type()}: ${m.text().slice(0, 300)}`));
  onTestFinished(() => {
    if (errors.length) throw new Error(`page errors: ${errors.join('\n')}`);
  });
  await page.goto(url);
  return page;
}
