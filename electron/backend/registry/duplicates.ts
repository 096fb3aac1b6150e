// Likely duplicates (疑似重复): the same phone, or the same name core with a similar address.
// Pairs a clerk declared distinct are remembered; a merge moves every record to the survivor.
import { AppError } from '../../../shared/errors';
import type { DuplicateHint, DuplicatePair, EnterpriseData } from '../../../shared/enterprise';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import type { Sqlite } from '../db/open';
import { diffData } from './diff';
import { enterpriseWriter, getData, getEnterprise, reindex } from './repo';

interface Candidate {
  id: number;
  name: string;
  uscc: string | null;
  address: string | null;
  phone: string | null;
  name_key: string;
}

function bigrams(s: string): Set<string> {
  const chars = [...s.replace(/[\s\p{P}]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Dice similarity of two addresses over character pairs (1 = same). Both missing counts as similar. */
export function addressSimilarity(a: string | null, b: string | null): number {
  if (!a && !b) return 1;
  if (!a || !b) return 0;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return a === b ? 1 : 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

const SIMILAR_ADDRESS = 0.6;

function reasonsFor(a: Candidate, b: Candidate): string[] {
  const reasons: string[] = [];
  if (a.phone && a.phone === b.phone) reasons.push('联系电话相同');
  if (a.name_key && a.name_key === b.name_key && addressSimilarity(a.address, b.address) >= SIMILAR_ADDRESS) {
    reasons.push('名称和地址相近');
  }
  return reasons;
}

const isDismissed = (sqlite: Sqlite, x: number, y: number): boolean =>
  sqlite.prepare('SELECT 1 FROM duplicate_dismissals WHERE a_id = ? AND b_id = ?').get(Math.min(x, y), Math.max(x, y)) !== undefined;

const CANDIDATE_COLUMNS = 'id, name, uscc, address, phone, name_key';

/** Active enterprises that look like duplicates of `id` (not counting pairs declared distinct). */
export function duplicateHints(sqlite: Sqlite, id: number): DuplicateHint[] {
  const self = sqlite.prepare(`SELECT ${CANDIDATE_COLUMNS} FROM enterprises WHERE id = ?`).get(id) as Candidate | undefined;
  if (!self) return [];
  const others = sqlite
    .prepare(
      `SELECT ${CANDIDATE_COLUMNS} FROM enterprises WHERE id != ? AND archived_at IS NULL AND (
         (phone IS NOT NULL AND phone = ?) OR (name_key != '' AND name_key = ?)) LIMIT 50`,
    )
    .all(id, self.phone, self.name_key) as Candidate[];
  const hints: DuplicateHint[] = [];
  for (const o of others) {
    const reasons = reasonsFor(self, o);
    if (reasons.length && !isDismissed(sqlite, id, o.id)) {
      hints.push({ id: o.id, name: o.name, uscc: o.uscc, address: o.address, phone: o.phone, reasons });
    }
  }
  return hints;
}

const GROUP_CAP = 20;

/** All likely duplicate pairs among active enterprises, a page at a time. */
export function listDuplicates(sqlite: Sqlite, offset: number, limit: number): { total: number; pairs: DuplicatePair[] } {
  const groups = sqlite
    .prepare(
      `SELECT group_concat(id) AS ids FROM (
         SELECT id, phone AS k FROM enterprises WHERE archived_at IS NULL AND phone IS NOT NULL
       ) GROUP BY k HAVING count(*) > 1
       UNION ALL
       SELECT group_concat(id) AS ids FROM (
         SELECT id, name_key AS k FROM enterprises WHERE archived_at IS NULL AND name_key != ''
       ) GROUP BY k HAVING count(*) > 1`,
    )
    .all() as { ids: string }[];
  const byId = new Map<number, Candidate>();
  const getCandidate = sqlite.prepare(`SELECT ${CANDIDATE_COLUMNS} FROM enterprises WHERE id = ?`);
  const candidate = (id: number): Candidate => {
    let c = byId.get(id);
    if (!c) {
      c = getCandidate.get(id) as Candidate;
      byId.set(id, c);
    }
    return c;
  };
  const dismissed = new Set(
    (sqlite.prepare('SELECT a_id, b_id FROM duplicate_dismissals').all() as { a_id: number; b_id: number }[]).map((r) => `${r.a_id}-${r.b_id}`),
  );
  const pairs = new Map<string, DuplicatePair>();
  for (const g of groups) {
    const ids = g.ids.split(',').map(Number).sort((x, y) => x - y).slice(0, GROUP_CAP);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}-${ids[j]}`;
        if (pairs.has(key) || dismissed.has(key)) continue;
        const a = candidate(ids[i]!);
        const b = candidate(ids[j]!);
        const reasons = reasonsFor(a, b);
        if (!reasons.length) continue;
        const view = (c: Candidate) => ({ id: c.id, name: c.name, uscc: c.uscc, address: c.address, phone: c.phone });
        pairs.set(key, { a: view(a), b: view(b), reasons });
      }
    }
  }
  const all = [...pairs.values()].sort((x, y) => x.a.id - y.a.id || x.b.id - y.b.id);
  return { total: all.length, pairs: all.slice(offset, offset + limit) };
}

/** Remembers that two enterprises are not the same, so the pair is no longer listed. */
export function dismissDuplicate(core: Core, ctx: RequestContext, x: number, y: number, reason: string): { ok: true } {
  return write(core, ctx, 'enterprises.dismissDuplicate', (scope) => {
    getEnterprise(core.sqlite, x);
    getEnterprise(core.sqlite, y);
    const [a, b] = [Math.min(x, y), Math.max(x, y)];
    core.sqlite
      .prepare('INSERT OR REPLACE INTO duplicate_dismissals (a_id, b_id, reason, actor, at) VALUES (?, ?, ?, ?, ?)')
      .run(a, b, reason, ctx.actor, new Date().toISOString());
    scope.audit({ entity: 'enterprise', entityId: a, after: { notDuplicateOf: b }, reason });
    scope.audit({ entity: 'enterprise', entityId: b, after: { notDuplicateOf: a }, reason });
    return { ok: true as const };
  });
}

/** Tables whose rows point at an enterprise and move with a merge (found from the schema's foreign keys). */
function referencingColumns(sqlite: Sqlite): { table: string; column: string }[] {
  // The mirrors of tags and products follow the enterprise row; dismissals describe the pair itself.
  const skip = new Set(['enterprise_tags', 'enterprise_products', 'duplicate_dismissals']);
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  const out: { table: string; column: string }[] = [];
  for (const { name } of tables) {
    if (skip.has(name)) continue;
    for (const fk of sqlite.pragma(`foreign_key_list("${name.replace(/"/g, '""')}")`) as { table: string; from: string }[]) {
      if (fk.table === 'enterprises') out.push({ table: name, column: fk.from });
    }
  }
  return out;
}

const filled = (v: unknown): boolean => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

/**
 * Merges `mergeId` into `keepId`: every record pointing at the merged enterprise moves to the
 * survivor, empty fields of the survivor are filled, the merged name becomes a former name, and
 * the merged enterprise is archived with a pointer to the survivor. Both histories stay.
 */
export function mergeEnterprises(core: Core, ctx: RequestContext, keepId: number, mergeId: number, reason: string) {
  return write(core, ctx, 'enterprises.merge', (scope) => {
    const keep = getEnterprise(core.sqlite, keepId);
    const gone = getEnterprise(core.sqlite, mergeId);
    if (keep.archived) throw new AppError('CONFLICT', `保留的企业「${keep.name}」已归档，请先恢复`);
    if (gone.archived) throw new AppError('CONFLICT', `「${gone.name}」已归档${gone.mergedInto ? `（已并入「${gone.mergedInto.name}」）` : ''}，不能再合并`);
    const before = getData(core.sqlite, keepId);
    const other = getData(core.sqlite, mergeId);
    const merged: EnterpriseData = { ...before };
    for (const key of Object.keys(before) as (keyof EnterpriseData)[]) {
      if (!filled(before[key]) && filled(other[key])) (merged as Record<string, unknown>)[key] = other[key];
    }
    merged.formerNames = [...new Set([...before.formerNames, ...(other.name !== before.name ? [other.name] : []), ...other.formerNames])].slice(0, 10);
    merged.tags = [...new Set([...before.tags, ...other.tags])].slice(0, 20);
    merged.products = [...new Set([...before.products, ...other.products])];
    merged.licences = before.licences.length ? before.licences : [];
    const now = new Date().toISOString();
    const moved: Record<string, number> = {};
    // The code moves to the survivor when it had none: free it first (it is unique).
    if (merged.uscc && merged.uscc === other.uscc) core.sqlite.prepare('UPDATE enterprises SET uscc = NULL WHERE id = ?').run(mergeId);
    const codeReason = before.uscc ? keep.codeOverrideReason : merged.uscc ? gone.codeOverrideReason : null;
    enterpriseWriter(core.sqlite).update(keepId, merged, codeReason, now);
    // A campaign listing both keeps one target row, the survivor's, to be inspected if either was.
    core.sqlite
      .prepare(
        `UPDATE campaign_targets SET planned = 1 WHERE enterprise_id = ? AND planned = 0 AND campaign_id IN
           (SELECT campaign_id FROM campaign_targets WHERE enterprise_id = ? AND planned = 1 AND removed_at IS NULL)`,
      )
      .run(keepId, mergeId);
    const doubled = core.sqlite
      .prepare('DELETE FROM campaign_targets WHERE enterprise_id = ? AND campaign_id IN (SELECT campaign_id FROM campaign_targets WHERE enterprise_id = ?)')
      .run(mergeId, keepId).changes;
    if (doubled) moved['campaign_targets (listed twice, one kept)'] = doubled;
    for (const { table, column } of referencingColumns(core.sqlite)) {
      const n = core.sqlite.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE "${column}" = ?`).run(keepId, mergeId).changes;
      if (n) moved[table] = (moved[table] ?? 0) + n;
    }
    core.sqlite.prepare('UPDATE enterprises SET merged_into = ? WHERE merged_into = ?').run(keepId, mergeId);
    core.sqlite
      .prepare('UPDATE enterprises SET archived_at = ?, archive_reason = ?, merged_into = ?, updated_at = ? WHERE id = ?')
      .run(now, `并入「${keep.name}」：${reason}`, keepId, now, mergeId);
    reindex(core.sqlite, mergeId);
    const diff = diffData(before, merged);
    scope.audit({ entity: 'enterprise', entityId: keepId, before: diff?.before ?? null, after: { ...(diff?.after ?? {}), mergedFrom: mergeId, moved }, reason });
    scope.audit({ entity: 'enterprise', entityId: mergeId, before: { archived: false }, after: { archived: true, mergedInto: keepId }, reason });
    return { enterprise: getEnterprise(core.sqlite, keepId), moved };
  });
}
