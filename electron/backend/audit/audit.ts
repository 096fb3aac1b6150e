// The audit trail: one row per change, written in the same transaction as the change, and
// hash-chained (each row's hash covers the previous row's hash) so later edits are detectable.
import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/open';

export interface AuditInput {
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  method: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash a row must carry, given the previous row's hash. */
export function auditHash(prevHash: string, row: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  const payload = JSON.stringify([row.at, row.actor, row.method, row.entity, row.entity_id, row.before, row.after, row.reason]);
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

// Prepared once per connection: an import appends one row per enterprise.
const statements = new WeakMap<Sqlite, { last: Statement; insert: Statement }>();
function statementsOf(sqlite: Sqlite) {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      last: sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck(),
      insert: sqlite.prepare(
        `INSERT INTO audit_log (at, actor, method, entity, entity_id, before, after, reason, prev_hash, hash)
         VALUES (@at, @actor, @method, @entity, @entity_id, @before, @after, @reason, @prev_hash, @hash)`,
      ),
    };
    statements.set(sqlite, s);
  }
  return s;
}

/** Appends one audit row on `sqlite`; call it inside the transaction that makes the change. */
export function appendAudit(sqlite: Sqlite, actor: string, method: string, input: AuditInput): void {
  if (!sqlite.inTransaction) throw new Error('appendAudit must run inside the write transaction');
  const stmt = statementsOf(sqlite);
  const prevHash = (stmt.last.get() as string | undefined) ?? GENESIS_HASH;
  const row = {
    at: new Date().toISOString(),
    actor,
    method,
    entity: input.entity,
    entity_id: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
    before: json(input.before),
    after: json(input.after),
    reason: input.reason ?? null,
  };
  stmt.insert.run({ ...row, prev_hash: prevHash, hash: auditHash(prevHash, row) });
}

/** Walks the chain from the start; returns the id of the first row whose hash does not match, or null. */
export function verifyAuditChain(sqlite: Sqlite): { rows: number; firstBrokenId: number | null } {
  let prev = GENESIS_HASH;
  let rows = 0;
  for (const r of sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    rows++;
    if (r.prev_hash !== prev || auditHash(prev, r) !== r.hash) return { rows, firstBrokenId: r.id };
    prev = r.hash;
  }
  return { rows, firstBrokenId: null };
}
