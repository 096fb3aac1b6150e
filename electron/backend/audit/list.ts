// Reading the audit trail, newest first, with the filters of the 审计日志 page.
import type { z } from 'zod';
import { addDays } from '../../../shared/dates';
import { AUDIT_COUNT_CAP, type AuditEntry, type AuditListInput, type AuditPage, type AuditRecord } from '../../../shared/system';
import type { Core } from '../core';
import type { AuditRow } from './audit';

type Filters = z.output<typeof AuditListInput>;

const parse = (v: string | null): unknown => (v ? (JSON.parse(v) as unknown) : null);
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The UTC instant at which a day in Asia/Shanghai (UTC+8, no daylight saving) begins. */
const chinaDayStart = (day: string) => `${addDays(day, -1)}T16:00:00.000Z`;

function whereOf(f: Filters): { sql: string; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    args.push(...values);
  };
  if (f.entity) add('entity = ?', f.entity);
  if (f.entityId) add('entity_id = ?', f.entityId);
  if (f.actor) add('actor = ?', f.actor);
  if (f.method) {
    if (f.method.endsWith('.')) add("method LIKE ? ESCAPE '\\'", `${likeEscape(f.method)}%`);
    else add('method = ?', f.method);
  }
  if (f.from) add('at >= ?', chinaDayStart(f.from));
  if (f.to) add('at < ?', chinaDayStart(addDays(f.to, 1)));
  if (f.q) {
    // before/after hold JSON: a quote or backslash in the text is escaped there.
    const raw = `%${likeEscape(f.q)}%`;
    const inJson = `%${likeEscape(JSON.stringify(f.q).slice(1, -1))}%`;
    add(
      "(before LIKE ? ESCAPE '\\' OR after LIKE ? ESCAPE '\\' OR reason LIKE ? ESCAPE '\\' OR entity_id = ?)",
      inJson,
      inJson,
      raw,
      f.q,
    );
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

const toRecord = (r: AuditRow): AuditRecord => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  method: r.method,
  entity: r.entity,
  entityId: r.entity_id,
  before: parse(r.before),
  after: parse(r.after),
  reason: r.reason,
});

function select(core: Core, f: Filters, limit: number): AuditRow[] {
  const { sql, args } = whereOf(f);
  return core.sqlite
    .prepare(
      `SELECT id, at, actor, method, entity, entity_id, before, after, reason FROM audit_log
       ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, limit, f.offset) as AuditRow[];
}

/** The latest audit rows matching the filters (without the reason, as the settings page shows them). */
export function listAudit(core: Core, input: Filters): AuditEntry[] {
  return select(core, input, input.limit).map((r) => {
    const { reason: _reason, ...entry } = toRecord(r);
    return entry;
  });
}

/** One page of the audit trail, newest first, with whether more follow and how many match (counted up to a cap). */
export function searchAudit(core: Core, input: Filters): AuditPage {
  const rows = select(core, input, input.limit + 1);
  const hasMore = rows.length > input.limit;
  const entries = rows.slice(0, input.limit).map(toRecord);
  let total = input.offset + rows.length;
  let totalCapped = false;
  if (hasMore || input.offset > 0) {
    const { sql, args } = whereOf(input);
    total = core.sqlite
      .prepare(`SELECT count(*) FROM (SELECT 1 FROM audit_log ${sql} LIMIT ?)`)
      .pluck()
      .get(...args, AUDIT_COUNT_CAP + 1) as number;
    totalCapped = total > AUDIT_COUNT_CAP;
    if (totalCapped) total = AUDIT_COUNT_CAP;
  }
  return { entries, hasMore, total, totalCapped };
}
