// Launches Debian's Chromium (or CHROMIUM_PATH) through playwright-core. Never downloads a browser.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_LAUNCH_ARGS } from '../../electron/backend/pdf/chromium';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to use, or null. */
export function findChromium(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const CHROMIUM_MISSING =
  '找不到 Chromium：请安装 Debian 的 chromium 包（apt-get install chromium fonts-noto-cjk），或用 CHROMIUM_PATH 指定浏览器路径。';

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_LAUNCH_ARGS, '--disable-quic'],
  });
}
