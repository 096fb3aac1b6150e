// The audit trail: one row per change, written in the same transaction as the change, and
// hash-chained (each row's hash covers the previous row's hash) so later edits are detectable.
import { hash as digest } from 'node:crypto';
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
  return digest('sha256', `${prevHash}\n${payload}`, 'hex');
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * The settings key holding the chain head `{ id, hash }` of the latest row, updated in the same
 * transaction as every append. The chain alone cannot show that its last rows were deleted; the
 * head can, as long as it was not rewritten too.
 */
export const AUDIT_HEAD_KEY = 'auditHead';

export interface AuditHead {
  id: number;
  hash: string;
}

// Prepared once per connection: an import appends one row per enterprise.
const statements = new WeakMap<Sqlite, { last: Statement; insert: Statement; head: Statement }>();
function statementsOf(sqlite: Sqlite) {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      last: sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck(),
      insert: sqlite.prepare(
        'INSERT INTO audit_log (at, actor, method, entity, entity_id, before, after, reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      head: sqlite.prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES ('${AUDIT_HEAD_KEY}', ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ),
    };
    statements.set(sqlite, s);
  }
  return s;
}

/** Appends one audit row on `sqlite`; call it inside the transaction that makes the change. */
export function appendAudit(sqlite: Sqlite, actor: string, method: string, input: AuditInput): void {
  appendAuditRows(sqlite, actor, method, [input]);
}

/**
 * Appends audit rows in order, each chained to the one before; the chain head is read and
 * recorded once for all of them (an import writes one row per enterprise). Call it inside the
 * transaction that makes the changes.
 */
export function appendAuditRows(sqlite: Sqlite, actor: string, method: string, inputs: readonly AuditInput[]): void {
  if (!sqlite.inTransaction) throw new Error('appendAudit must run inside the write transaction');
  if (inputs.length === 0) return;
  const stmt = statementsOf(sqlite);
  let prevHash = (stmt.last.get() as string | undefined) ?? GENESIS_HASH;
  let head: AuditHead | undefined;
  // One instant for the rows appended together: they are one change of one transaction.
  const at = new Date().toISOString();
  for (const input of inputs) {
    const row = {
      at,
      actor,
      method,
      entity: input.entity,
      entity_id: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
      before: json(input.before),
      after: json(input.after),
      reason: input.reason ?? null,
    };
    const hash = auditHash(prevHash, row);
    const id = stmt.insert.run(at, actor, method, row.entity, row.entity_id, row.before, row.after, row.reason, prevHash, hash).lastInsertRowid;
    head = { id: Number(id), hash };
    prevHash = hash;
  }
  stmt.head.run(JSON.stringify(head), at);
}

/**
 * What is wrong with the chain: a row whose content no longer matches its hash (altered), a row
 * whose link to the previous one is broken (rows deleted or inserted before it, or a previous row
 * rewritten with a new hash), rows missing after the last one (truncated), rows after the recorded
 * head (appended), or a last row that differs from the recorded head (rewritten).
 */
export type ChainProblem = 'altered' | 'relinked' | 'truncated' | 'appended' | 'rewritten';

export interface ChainReport {
  rows: number;
  /** The first row that is wrong, or for a truncated tail the first missing id; null when intact. */
  firstBrokenId: number | null;
  problem: ChainProblem | null;
  /** Rows missing at the end (truncated) or found after the head (appended). */
  count: number;
  /** The head recorded in settings; null before the first write made with it (older data). */
  head: AuditHead | null;
  /** The chain's last row as found. */
  last: AuditHead | null;
  /** In Chinese, for the clerk: what is wrong, or that the chain is intact. */
  reason: string;
}

function readHead(sqlite: Sqlite): AuditHead | null {
  const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(AUDIT_HEAD_KEY) as string | undefined;
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<AuditHead>;
    return typeof v.id === 'number' && typeof v.hash === 'string' ? { id: v.id, hash: v.hash } : null;
  } catch {
    return null;
  }
}

/** The Chinese sentence for a chain report. */
export function chainReason(r: Omit<ChainReport, 'reason'>): string {
  const id = r.firstBrokenId;
  switch (r.problem) {
    case 'altered':
      return `第 ${id} 条操作记录的内容被改动过`;
    case 'relinked':
      return `链在第 ${id} 条断开（前面的记录被删除或插入，或被改写后重算）`;
    case 'truncated':
      return `最后 ${r.count} 条被删除（应到第 ${r.head?.id} 条，现只到第 ${r.last?.id ?? 0} 条）`;
    case 'appended':
      return `第 ${id} 条起有 ${r.count} 条记录不是由清波写入的（在登记的最后一条之后）`;
    case 'rewritten':
      return `第 ${id} 条操作记录被改写过（与登记的最后一条不符）`;
    default:
      return r.head || r.rows === 0
        ? `${r.rows} 条操作记录，未被改动`
        : `${r.rows} 条操作记录，未被改动（尚未登记最后一条，下次保存后才能发现末尾被删除）`;
  }
}

/** Walks the chain from the start and compares its end with the recorded head; names the first broken row. */
export function verifyAuditChain(sqlite: Sqlite): ChainReport {
  const report = walk(sqlite);
  return { ...report, reason: chainReason(report) };
}

function walk(sqlite: Sqlite): Omit<ChainReport, 'reason'> {
  const head = readHead(sqlite);
  let prev = GENESIS_HASH;
  let rows = 0;
  let last: AuditHead | null = null;
  const broken = (id: number, problem: ChainProblem, count = 0) => ({ rows, firstBrokenId: id, problem, count, head, last });
  for (const r of sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    rows++;
    if (r.prev_hash !== prev) return broken(r.id, 'relinked');
    if (auditHash(prev, r) !== r.hash) return broken(r.id, 'altered');
    prev = r.hash;
    last = { id: r.id, hash: r.hash };
  }
  if (head) {
    const lastId = last?.id ?? 0;
    if (lastId < head.id) return broken(lastId + 1, 'truncated', head.id - lastId);
    if (lastId > head.id) {
      const after = sqlite.prepare('SELECT id FROM audit_log WHERE id > ? ORDER BY id').pluck().all(head.id) as number[];
      return broken(after[0] ?? head.id + 1, 'appended', after.length);
    }
    if (last && last.hash !== head.hash) return broken(last.id, 'rewritten');
  }
  return { rows, firstBrokenId: null, problem: null, count: 0, head, last };
}
