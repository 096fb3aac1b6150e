// Where the app's own files are (resources, migrations) and where an office's data lives.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The folder holding the app's package.json, found from this module's location (source or build). */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'qingbo') {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('找不到清波的安装目录（package.json）');
    dir = parent;
  }
}

export const resourcesDir = (): string => join(appRoot(), 'resources');
export const migrationsDir = (): string => join(appRoot(), 'electron', 'backend', 'db', 'migrations');

/** The layout of a data directory (DESIGN rule 9). */
export function dataPaths(dataDir: string) {
  return {
    root: dataDir,
    db: join(dataDir, 'qingbo.db'),
    files: join(dataDir, 'files'),
    backups: join(dataDir, 'backups'),
    logs: join(dataDir, 'logs'),
  };
}

let cachedVersion: string | undefined;

export function appVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cachedVersion;
}
