// Takes screenshots of pages of a running server: tsx scripts/screenshot.ts URL OUT_PREFIX [hash…]
import { launchChromium } from '../tests/helpers/browser';

const [url = 'http://127.0.0.1:5901/', prefix = '/tmp/shot', ...hashes] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
for (const h of hashes.length ? hashes : ['/']) {
  await page.goto(`${url}#${h}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const file = `${prefix}${h.replace(/\W+/g, '_') || '_home'}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
