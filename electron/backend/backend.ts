// Opens an office's data directory and assembles the backend. Used by the Electron main
// process, the HTTP server, the CLI and the tests alike.
import { createApi, type Api } from './api';
import { seedTemplates } from './campaigns/templates';
import type { Core } from './core';
import { openDatabase } from './db/open';
import { FileStore } from './files/store';
import { JobRunner } from './jobs/runner';
import { createLogger, type Logger } from './log';
import { dataPaths } from './paths';
import { ChromiumPdfRenderer } from './pdf/chromium';
import type { PdfRenderer } from './pdf/renderer';
import { seedProducts } from './reference/products';
import { rekeyEnterprises } from './registry/rekey';

export interface Backend {
  core: Core;
  api: Api;
  timings: { openMs: number; quickCheckMs: number; migrateMs: number };
  close(): Promise<void>;
}

export interface BackendOptions {
  nativeBinding?: string;
  log?: Logger;
  /** Echo level for the log on stderr. */
  stderrLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Apply pending migrations and recover interrupted jobs (default true); `qingbo check` looks without changing. */
  migrate?: boolean;
  /** How HTML becomes PDF; the desktop app passes Electron's printer, others get the system Chromium. */
  pdfRenderer?: PdfRenderer;
}

/** Opens (creating if needed) the data directory: checks and migrates the database, starts the job runner. */
export function openBackend(dataDir: string, options: BackendOptions = {}): Backend {
  const paths = dataPaths(dataDir);
  const log = options.log ?? createLogger(paths.logs, options.stderrLevel ?? 'warn');
  const { sqlite, db, timings } = openDatabase(paths.db, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    migrate: options.migrate !== false,
  });
  const jobs = new JobRunner({
    dbFile: paths.db,
    main: sqlite,
    log,
    recoverInterrupted: options.migrate !== false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  if (options.migrate !== false) {
    const t = performance.now();
    const rekeyed = rekeyEnterprises(sqlite);
    const seeded = seedProducts(sqlite) + seedTemplates(sqlite);
    if (rekeyed || seeded) log.info('reference data and search keys brought up to date', { rekeyed, seeded, ms: Math.round(performance.now() - t) });
  }
  const pdf = options.pdfRenderer ?? new ChromiumPdfRenderer({ log });
  const core: Core = { dataDir, dbFile: paths.db, sqlite, db, jobs, files: new FileStore(paths.files), log, pdf };
  log.info('backend opened', { dataDir, ...timings });
  return {
    core,
    api: createApi(core),
    timings,
    async close() {
      await jobs.close();
      await pdf.close();
      sqlite.close();
    },
  };
}
