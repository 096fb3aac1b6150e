// What the backup services need beyond the core: how to release and reopen the database (a
// restore replaces it), the start-up report, and whether the backend is in rescue mode. Kept
// beside the core, by core, so the contract handlers keep their (core, input, ctx) shape.
import type { IntegrityReport } from '../../../shared/backup';
import type { Core } from '../core';
import type { DbAccess } from '../db/open';

/** Where the desktop app keeps the database password for this computer's account (Electron's safeStorage). */
export interface KeyStore {
  remembered(): boolean;
  /** Keeps `key`, or forgets the kept one (null). */
  save(key: string | null): void;
}

export interface BackupEnv {
  /** How the database is reached: native binding and key. */
  access: DbAccess;
  /** True while the data failed the start-up checks (only the restore is offered). */
  rescue: boolean;
  /** True while the encrypted database waits for its password (only the unlock is offered). */
  locked: boolean;
  /** Where the desktop app keeps the database password; absent in the server and the CLI. */
  keyStore?: KeyStore;
  /** What the start-up checks found (items and time). */
  report: Pick<IntegrityReport, 'ok' | 'items' | 'ms'>;
  /** Closes every connection to the database file (before it is moved aside). */
  release(): void;
  /** Opens the database file again (migrating it) and makes the whole API answer again. */
  reopen(): void;
}

const envs = new WeakMap<Core, BackupEnv>();

/** Attaches the backup environment to a core (done once by openBackend). */
export function setBackupEnv(core: Core, env: BackupEnv): void {
  envs.set(core, env);
}

/** The environment openBackend attached; a core made any other way gets a plain one. */
export function backupEnv(core: Core): BackupEnv {
  let env = envs.get(core);
  if (!env) {
    env = {
      access: {},
      rescue: false,
      locked: false,
      report: { ok: true, items: [], ms: 0 },
      release: () => core.sqlite.close(),
      reopen: () => {
        throw new Error('reopen is not available on this core');
      },
    };
    envs.set(core, env);
  }
  return env;
}
