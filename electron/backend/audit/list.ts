// Reading the audit trail, newest first.
import type { z } from 'zod';
import type { AuditEntry, AuditListInput } from '../../../shared/system';
import type { Core } from '../core';
import type { AuditRow } from './audit';

const parse = (v: string | null): unknown => (v ? (JSON.parse(v) as unknown) : null);

/** The latest audit rows, optionally for one entity (and one record of it). */
export function listAudit(core: Core, input: z.output<typeof AuditListInput>): AuditEntry[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (input.entity) {
    where.push('entity = ?');
    args.push(input.entity);
  }
  if (input.entityId) {
    where.push('entity_id = ?');
    args.push(input.entityId);
  }
  const rows = core.sqlite
    .prepare(
      `SELECT id, at, actor, method, entity, entity_id, before, after FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...args, input.limit) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    method: r.method,
    entity: r.entity,
    entityId: r.entity_id,
    before: parse(r.before),
    after: parse(r.after),
  }));
}
