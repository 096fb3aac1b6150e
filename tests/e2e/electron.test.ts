// The same checks against the real desktop app, through Playwright's _electron. They need the
// Electron binary, which is fetched from the internet at first run: where it cannot be had,
// these tests skip and say why.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { QingboBridge } from '../../shared/bridge';
import { tempDir } from '../helpers/tmp';

/** The installed Electron executable, found without `require('electron')`, which would try to download it. */
function electronBinary(): string | null {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(pkgDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

const binary = electronBinary();
const nativeForElectron = existsSync(join(process.cwd(), '.electron-native', 'better_sqlite3.node'));
const SKIP_REASON = !binary
  ? '跳过：本机没有 Electron 可执行文件（它在首次运行时从网络下载，此环境无法联网）'
  : !nativeForElectron
    ? '跳过：尚未为 Electron 编译 better-sqlite3（运行 npm start 一次即可生成 .electron-native/）'
    : '';

if (SKIP_REASON) console.info(`Electron 测试${SKIP_REASON}`);

describe('the desktop app', () => {
  it('opens the Chinese shell with the security baseline', async (ctx) => {
    if (SKIP_REASON) {
      ctx.skip(SKIP_REASON);
      return;
    }
    const userData = tempDir();
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(process.cwd(), 'out', 'main', 'index.js')],
      env: { ...process.env, QINGBO_DATA_DIR: userData },
    });
    try {
      const page = await app.firstWindow();
      type PageGlobals = { require?: unknown; process?: unknown; qingbo: QingboBridge };
      // First start: the administrator is created; the session token stays in the main process.
      await page.getByText('欢迎使用清波：创建管理员').waitFor();
      const setup = await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).qingbo.invoke('accounts.setup', { username: 'admin', displayName: '王管理', password: 'desktop-pass-1', autoLogin: true }),
      );
      expect(setup.ok).toBe(true);
      expect(JSON.stringify(setup)).not.toContain('token');
      await page.reload();
      await page.getByRole('navigation', { name: '主导航' }).waitFor();
      // No Node in the page: nodeIntegration off, context isolated, only the bridge exposed.
      expect(await page.evaluate(() => typeof (globalThis as unknown as PageGlobals).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as unknown as PageGlobals).process)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys((globalThis as unknown as PageGlobals).qingbo).sort())).toEqual(['invoke', 'onJobProgress', 'openFile', 'readFile', 'saveFile', 'uploadFile']);
      const result = await page.evaluate(() => (globalThis as unknown as PageGlobals).qingbo.invoke('system.info', {}));
      expect(result.ok).toBe(true);
      const refused = await page.evaluate(() => (globalThis as unknown as PageGlobals).qingbo.invoke('fs.readFile', { path: '/etc/passwd' }));
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    } finally {
      await app.close();
    }
  });
});
