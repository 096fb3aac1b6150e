// Start-up: how long until the office server answers, what migrations and the integrity check
// cost, each beside the same work done by raw better-sqlite3 / node:http.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openBackend } from '../../electron/backend/backend';
import { openDatabase } from '../../electron/backend/db/open';
import { dataPaths } from '../../electron/backend/paths';
import { shippedMigrations } from '../helpers/migrations';
import { BASELINE_SUFFIX as RAW, freePort, interleavedMedians, median, timeToFirstAnswer, type BenchContext, type Metrics, type Targets } from './harness';

const ENTERPRISES = 200_000;
const SERVER_RUNS = 5;
const OPEN_RUNS = 7;

export const targets: Targets = {
  'startup.server_ready_ms': 1000,
  'startup.migrate_ms': 200,
  'startup.migrate_noop_ms': 20,
  'startup.quick_check_ms': 500,
};

export async function run(ctx: BenchContext): Promise<Metrics> {
  const dataDir = await ctx.dataset(ENTERPRISES);
  return { ...(await serverReady(ctx, dataDir)), ...(await migrations(ctx)), ...(await openExisting(ctx, dataDir)) };
}

/** Spawn → first successful POST /api/system.info, for `qingbo serve` and for raw-server.mjs. */
async function serverReady(ctx: BenchContext, dataDir: string): Promise<Metrics> {
  ctx.log(`startup: server ready time, ${SERVER_RUNS} runs each …`);
  const bin = ctx.cli();
  const rawServer = join(import.meta.dirname, 'raw-server.mjs');
  const dbFile = dataPaths(dataDir).db;
  const m = await interleavedMedians(
    {
      product: async () => {
        const port = await freePort();
        return timeToFirstAnswer([bin, 'serve', '--data', dataDir, '--port', String(port)], `http://127.0.0.1:${port}/api/system.info`);
      },
      raw: async () => {
        const port = await freePort();
        return timeToFirstAnswer([rawServer, dbFile, String(port)], `http://127.0.0.1:${port}/api/system.info`);
      },
    },
    SERVER_RUNS,
  );
  return { 'startup.server_ready_ms': m.product, [`startup.server_ready_ms${RAW}`]: m.raw };
}

/** Opening + migrating a brand-new database file, against executing the migration SQL by hand. */
async function migrations(ctx: BenchContext): Promise<Metrics> {
  ctx.log(`startup: migrating a fresh database, ${OPEN_RUNS} runs each …`);
  const dir = ctx.tempDir();
  const statements = migrationStatements();
  let n = 0;
  const m = await interleavedMedians(
    {
      product: () => {
        const file = join(dir, `product-${n++}.db`);
        const t0 = performance.now();
        const { sqlite } = openDatabase(file);
        const ms = performance.now() - t0;
        sqlite.close();
        return ms;
      },
      raw: () => {
        const file = join(dir, `raw-${n++}.db`);
        const t0 = performance.now();
        const sqlite = new Database(file);
        sqlite.pragma('journal_mode = WAL');
        sqlite.transaction(() => {
          for (const sql of statements) sqlite.exec(sql);
        })();
        const ms = performance.now() - t0;
        sqlite.close();
        return ms;
      },
    },
    OPEN_RUNS,
  );
  return { 'startup.migrate_ms': m.product, [`startup.migrate_ms${RAW}`]: m.raw };
}

/** The statements of every shipped migration, in order, as drizzle splits them. */
function migrationStatements(): string[] {
  return shippedMigrations()
    .flatMap((m) => m.sql)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The product's own start-up timings on the 200k database (openBackend, as `serve` does):
 * the integrity check and the migration step that should find nothing to do. The raw
 * baselines are the bare PRAGMA and the one query a no-op migration needs.
 */
async function openExisting(ctx: BenchContext, dataDir: string): Promise<Metrics> {
  ctx.log(`startup: opening the ${ENTERPRISES}-enterprise database, ${OPEN_RUNS} runs each …`);
  const dbFile = dataPaths(dataDir).db;
  const migrateNoop: number[] = [];
  const m = await interleavedMedians(
    {
      quickCheck: async () => {
        const backend = openBackend(dataDir, { stderrLevel: 'silent' });
        const { quickCheckMs, migrateMs } = backend.timings;
        await backend.close();
        migrateNoop.push(migrateMs);
        return quickCheckMs;
      },
      rawQuickCheck: () => {
        const sqlite = new Database(dbFile);
        sqlite.pragma('journal_mode = WAL');
        const t0 = performance.now();
        sqlite.pragma('quick_check', { simple: true });
        const ms = performance.now() - t0;
        sqlite.close();
        return ms;
      },
      rawMigrateNoop: () => {
        const sqlite = new Database(dbFile);
        sqlite.pragma('journal_mode = WAL');
        const t0 = performance.now();
        sqlite.prepare('SELECT id, hash, created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1').get();
        const ms = performance.now() - t0;
        sqlite.close();
        return ms;
      },
    },
    OPEN_RUNS,
  );
  return {
    'startup.quick_check_ms': m.quickCheck,
    [`startup.quick_check_ms${RAW}`]: m.rawQuickCheck,
    // From the same opens as quick_check_ms; the warm-up open is dropped as the harness drops it.
    'startup.migrate_noop_ms': median(migrateNoop.slice(-OPEN_RUNS)),
    [`startup.migrate_noop_ms${RAW}`]: m.rawMigrateNoop,
  };
}
