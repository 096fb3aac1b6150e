// The Electron shell: one window over the same backend the server uses. Kept thin on purpose.
import { BrowserWindow, app, dialog, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openAppBackend, type Backend } from '../backend/backend';
import { appRoot } from '../backend/paths';
import { bindIpc } from './ipc';
import { SafeKeyStore } from './keystore';
import { installMenu } from './menu';
import { ElectronPdfRenderer } from './pdf';

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererFile = join(import.meta.dirname, '..', 'renderer', 'index.html');
const rendererUrl = devServerUrl ?? pathToFileURL(rendererFile).href;

/** Only our own page (the built file or the dev server) may navigate and call the backend. */
function isTrustedUrl(url: string): boolean {
  if (devServerUrl) return url.startsWith(devServerUrl);
  return url.split('#')[0] === rendererUrl;
}

/** In development the native module must be the copy built for Electron (scripts/electron-native.mjs). */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const p = join(appRoot(), '.electron-native', 'better_sqlite3.node');
  return existsSync(p) ? p : undefined;
}

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '清波',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl);
  return win;
}

function hardenContents(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the outside open in the system browser, never inside the app.
      if (/^https?:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  hardenContents();
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  // QINGBO_DATA_DIR lets tests (and careful administrators) point the app at another folder.
  const dataDir = process.env['QINGBO_DATA_DIR'] ?? join(app.getPath('userData'), 'data');
  try {
    const binding = nativeBinding();
    // An encrypted database opens with the password kept for this account; without one the page asks for it.
    const keyStore = new SafeKeyStore(join(app.getPath('userData'), 'database-key.bin'));
    const key = keyStore.load();
    // PDFs are printed by Electron's own Chromium: the office PC needs no other browser.
    backend = openAppBackend(dataDir, {
      pdfRenderer: new ElectronPdfRenderer(),
      keyStore,
      ...(key !== undefined ? { key } : {}),
      ...(binding ? { nativeBinding: binding } : {}),
    });
  } catch (err) {
    dialog.showErrorBox('清波无法启动', `${(err as Error).message}\n\n数据目录：${dataDir}`);
    app.exit(1);
    return;
  }
  const opened = backend;
  bindIpc(opened, isTrustedUrl, () => BrowserWindow.getAllWindows());
  installMenu(dataDir);
  mainWindow = createWindow();

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!backend) return;
    event.preventDefault();
    const closing = backend;
    backend = null;
    void closing.close().finally(() => app.quit());
  });
}

void start();
