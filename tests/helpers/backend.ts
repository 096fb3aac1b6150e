// A real backend over a real SQLite file in a fresh temporary data directory.
import type Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { trustedContext, type RequestContext } from '../../electron/backend/context';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { tempDir } from './tmp';

export const clerk: RequestContext = trustedContext('张干事');

export function testBackend(dataDir = tempDir()): Backend & { dataDir: string } {
  const backend = openBackend(dataDir, { stderrLevel: 'silent' });
  onTestFinished(() => backend.close());
  return Object.assign(backend, { dataDir });
}

/** Calls through the contract and unwraps the value; fails the test on an error result. */
export async function callOk<M extends MethodName>(b: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await b.api.call(method, input, clerk);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.value as MethodOutput<M>;
}

/** Every row a write could touch, as one string, to prove a refused or undone write changed nothing. */
export function dumpTables(sqlite: Database.Database): string {
  const tables = [
    'settings', 'audit_log', 'enterprises', 'enterprise_tags', 'enterprise_products', 'enterprise_licences',
    'duplicate_dismissals', 'reference_products', 'files', 'dossier_records', 'record_files', 'deadlines',
    'campaign_templates', 'inspectors', 'campaigns', 'campaign_targets', 'campaign_draws', 'campaign_target_changes',
    'campaign_results', 'campaign_result_values', 'notices',
  ];
  return JSON.stringify(tables.map((t) => sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

export const snapshot = (b: Backend): string => dumpTables(b.core.sqlite);

/**
 * The office's data as a restore puts it back: every table as dumpTables has it, but without the
 * audit rows that record restores and the chain head they move on, which a restore adds.
 */
export function dumpRestored(sqlite: Database.Database): string {
  const dump = JSON.parse(dumpTables(sqlite)) as Record<string, unknown>[][];
  const [settings, audit, ...rest] = dump;
  return JSON.stringify([
    settings!.filter((r) => r['key'] !== 'auditHead'),
    audit!.filter((r) => r['method'] !== 'backups.restore'),
    ...rest,
  ]);
}

/** The newest audit row, parsed: who did what to which entity. */
export function lastAudit(sqlite: Database.Database): { actor: string; method: string; entity: string; entity_id: string | null; after: unknown } {
  const row = sqlite.prepare('SELECT actor, method, entity, entity_id, after FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
    actor: string; method: string; entity: string; entity_id: string | null; after: string | null;
  };
  return { ...row, after: row.after === null ? null : (JSON.parse(row.after) as unknown) };
}
