// Finding a Chromium-family browser on the machine: CHROMIUM_PATH first, then the usual places of
// Chromium and Chrome on Linux and macOS, and of Chrome and Edge on Windows (Edge ships with
// Windows 10 and 11, so an office PC nearly always has one).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

const POSIX = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

function windowsCandidates(env: NodeJS.ProcessEnv): string[] {
  const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => Boolean(r));
  return roots.flatMap((root) => [
    join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    join(root, 'Chromium', 'Application', 'chrome.exe'),
  ]);
}

/** The browser to print with: CHROMIUM_PATH if set (and present), else the first one installed, else null. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen) return existsSync(chosen) ? chosen : null;
  const candidates = platform === 'win32' ? windowsCandidates(env) : POSIX;
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** The error a clerk sees when no browser can be found. */
export function browserMissing(env: NodeJS.ProcessEnv = process.env): AppError {
  const chosen = env['CHROMIUM_PATH'];
  const message = chosen
    ? `无法生成 PDF：环境变量 CHROMIUM_PATH 指定的浏览器「${chosen}」不存在。请改为正确的浏览器程序路径，或删除该变量后重试。`
    : '无法生成 PDF：这台电脑上找不到 Chrome、Edge 或 Chromium 浏览器。请安装其中一个（Linux 上安装 chromium 软件包），' +
      '或用环境变量 CHROMIUM_PATH 指定浏览器程序的位置，然后重试。';
  return new AppError('NOT_FOUND', message, { browser: chosen ?? null });
}
