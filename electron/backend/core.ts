// The backend's shared state: connections, job runner, file store, logger, and the write path.
import { AppError } from '../../shared/errors';
import { appendAudit, type AuditInput } from './audit/audit';
import type { RequestContext } from './context';
import type { Db, Sqlite } from './db/open';
import type { FileStore } from './files/store';
import type { JobRunner } from './jobs/runner';
import type { Logger } from './log';
import type { PdfRenderer } from './pdf/renderer';

export interface Core {
  dataDir: string;
  dbFile: string;
  sqlite: Sqlite;
  db: Db;
  jobs: JobRunner;
  files: FileStore;
  log: Logger;
  /** Prints HTML to PDF (system Chromium in the server and CLI, Electron's printer in the desktop app). */
  pdf: PdfRenderer;
  /** Set on the view of the core a job gets from `jobCore`: its writes join the job's transaction. */
  inJob?: boolean;
}

export interface WriteScope {
  /** Records what changed; every write must call it at least once. */
  audit(input: AuditInput): void;
}

/**
 * Runs `fn` as one IMMEDIATE transaction together with its audit rows: all of it is written
 * or none of it. Refused while a job holds the write transaction.
 */
export function write<T>(
  core: Core,
  ctx: RequestContext,
  method: string,
  fn: (scope: WriteScope) => T,
  options: { /** For writes that may find nothing to change (then nothing is written). */ allowNoAudit?: boolean } = {},
): T {
  if (!core.inJob) core.jobs.assertIdle();
  let audited = 0;
  const scope: WriteScope = {
    audit: (input) => {
      appendAudit(core.sqlite, ctx.actor, method, input);
      audited++;
    },
  };
  const tx = core.sqlite.transaction(() => {
    const value = fn(scope);
    if (audited === 0 && !options.allowNoAudit) throw new AppError('INTERNAL', `「${method}」没有写操作记录，已撤销`);
    return value;
  });
  return tx.immediate();
}

/**
 * The core as a job sees it: the job's connection, so that service writes made by the job
 * (the demo's campaign) become savepoints inside the job's transaction and commit or roll back
 * with it.
 */
export function jobCore(core: Core, sqlite: Sqlite): Core {
  return { ...core, sqlite, inJob: true };
}
