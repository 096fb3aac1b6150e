// The answer of `audit.verify` and `qingbo audit verify`.
import type { AuditVerifyResult } from '../../../shared/system';
import type { Sqlite } from '../db/open';
import { verifyAuditChain } from './audit';

/** Checks the whole chain and its recorded head; `ok` is false and the first broken row named when anything was changed. */
export function verifyAudit(sqlite: Sqlite): AuditVerifyResult {
  const r = verifyAuditChain(sqlite);
  return { ok: r.firstBrokenId === null, rows: r.rows, firstBrokenId: r.firstBrokenId, problem: r.problem, head: r.head, reason: r.reason };
}
