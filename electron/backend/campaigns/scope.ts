// A campaign's scope (检查范围) as SQL, and bringing the target list in line with it in a few
// set-based statements (a scope can match tens of thousands of enterprises).
import type { CampaignScope } from '../../../shared/campaign';
import type { Sqlite } from '../db/open';
import { divisionsOfSection } from '../reference/industries';

/** removed_reason of a target the scope dropped: applying a wider scope brings such targets back. */
export const SCOPE_REMOVAL = '超出检查范围';
/** removed_reason of a target removed by hand: a scope never brings it back. */
export const MANUAL_REMOVAL = '手动移出';

/** A removal reason: the kind of removal, then the clerk's words if any. */
export const withReason = (base: string, reason: string | null): string => (reason ? `${base}：${reason}` : base);

interface Where {
  sql: string[];
  params: unknown[];
}

const marks = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** The WHERE conditions (on `e`) of a scope: never archived; township, type, status and class narrow; tags, industries and products widen each other. */
export function scopeWhere(scope: CampaignScope): Where {
  const w: Where = { sql: ['e.archived_at IS NULL'], params: [] };
  const narrow = (column: string, values: readonly string[]) => {
    if (!values.length) return;
    w.sql.push(`${column} IN (${marks(values)})`);
    w.params.push(...values);
  };
  narrow('e.township_code', scope.townshipCodes);
  narrow('e.entity_type', scope.entityTypes);
  narrow('e.status', scope.statuses);
  narrow('e.supervision_class', scope.supervisionClasses);
  const any: string[] = [];
  if (scope.tags.length) {
    any.push(`e.id IN (SELECT enterprise_id FROM enterprise_tags WHERE tag IN (${marks(scope.tags)}))`);
    w.params.push(...scope.tags);
  }
  for (const industry of scope.industries) {
    if (/^[A-T]$/.test(industry)) {
      const divisions = divisionsOfSection(industry);
      if (!divisions.length) continue;
      any.push(`substr(e.industry_code, 1, 2) IN (${marks(divisions)})`);
      w.params.push(...divisions);
    } else {
      // A code matches its sub-classes: digits sort before '~'.
      any.push('(e.industry_code >= ? AND e.industry_code < ?)');
      w.params.push(industry, `${industry}~`);
    }
  }
  if (scope.productIds.length) {
    any.push(`e.id IN (SELECT enterprise_id FROM enterprise_products WHERE product_id IN (${marks(scope.productIds)}))`);
    w.params.push(...scope.productIds);
  }
  const widening = scope.tags.length + scope.industries.length + scope.productIds.length;
  if (widening) w.sql.push(any.length ? `(${any.join(' OR ')})` : '0');
  return w;
}

export interface ScopeSync {
  added: number;
  removed: number;
  /** Targets outside the scope kept because they already have results. */
  kept: number;
  total: number;
}

export interface ScopeSyncOptions {
  now: string;
  /** After a 双随机 draw: additions join the list unplanned (they were not drawn) and every change is logged with its reason. */
  drawn: { reason: string; actor: string } | null;
}

const ADDED_AFTER_DRAW = '按范围加入检查对象名录（不在本次抽取结果中）';
const REMOVED_BY_SCOPE = '移出检查对象（不再符合检查范围）';

/**
 * Makes the scope-sourced targets match `scope`: matching enterprises are added (or brought back
 * if a scope removed them), scope targets that no longer match are marked removed unless they
 * have results; manual additions and manual removals are left alone. Runs inside the caller's transaction.
 */
export function syncScopeTargets(sqlite: Sqlite, campaignId: number, scope: CampaignScope, options: ScopeSyncOptions): ScopeSync {
  const w = scopeWhere(scope);
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS campaign_scope_match (id INTEGER PRIMARY KEY)');
  sqlite.exec('DELETE FROM campaign_scope_match');
  try {
    sqlite.prepare(`INSERT INTO campaign_scope_match (id) SELECT e.id FROM enterprises e WHERE ${w.sql.join(' AND ')}`).run(...w.params);
    const { now, drawn } = options;
    const logChange = (select: string) =>
      `INSERT INTO campaign_target_changes (campaign_id, enterprise_id, change, reason, actor, at) SELECT ?, x.id, ?, ?, ?, ? FROM (${select}) x`;

    const entering = `SELECT m.id FROM campaign_scope_match m
      LEFT JOIN campaign_targets t ON t.campaign_id = ? AND t.enterprise_id = m.id
      WHERE t.enterprise_id IS NULL OR (t.removed_at IS NOT NULL AND t.removed_reason LIKE '${SCOPE_REMOVAL}%')`;
    if (drawn) sqlite.prepare(logChange(entering)).run(campaignId, ADDED_AFTER_DRAW, drawn.reason, drawn.actor, now, campaignId);
    const added = sqlite
      .prepare(
        `INSERT INTO campaign_targets (campaign_id, enterprise_id, township_code, source, planned, inspector_ids, added_at)
         SELECT ?, e.id, e.township_code, 'scope', ?, '[]', ? FROM campaign_scope_match m JOIN enterprises e ON e.id = m.id WHERE true
         ON CONFLICT (campaign_id, enterprise_id) DO UPDATE SET removed_at = NULL, removed_reason = NULL, planned = excluded.planned,
           township_code = excluded.township_code, added_at = excluded.added_at
         WHERE campaign_targets.removed_at IS NOT NULL AND campaign_targets.removed_reason LIKE '${SCOPE_REMOVAL}%'`,
      )
      .run(campaignId, drawn ? 0 : 1, now).changes;

    const outside = `FROM campaign_targets t WHERE t.campaign_id = ? AND t.removed_at IS NULL AND t.source = 'scope'
      AND NOT EXISTS (SELECT 1 FROM campaign_scope_match m WHERE m.id = t.enterprise_id)`;
    const withResults = `EXISTS (SELECT 1 FROM campaign_results r WHERE r.campaign_id = t.campaign_id AND r.enterprise_id = t.enterprise_id AND r.voided = 0)`;
    const kept = (sqlite.prepare(`SELECT count(*) AS n ${outside} AND ${withResults}`).get(campaignId) as { n: number }).n;
    if (drawn) {
      sqlite
        .prepare(logChange(`SELECT t.enterprise_id AS id ${outside} AND NOT ${withResults}`))
        .run(campaignId, REMOVED_BY_SCOPE, drawn.reason, drawn.actor, now, campaignId);
    }
    const removed = sqlite
      .prepare(
        `UPDATE campaign_targets SET removed_at = ?, removed_reason = ?
         WHERE campaign_id = ? AND enterprise_id IN (SELECT t.enterprise_id ${outside} AND NOT ${withResults})`,
      )
      .run(now, withReason(SCOPE_REMOVAL, drawn?.reason ?? null), campaignId, campaignId).changes;
    return { added, removed, kept, total: activeTargetCount(sqlite, campaignId) };
  } finally {
    sqlite.exec('DELETE FROM campaign_scope_match');
  }
}

/** Targets on the list (not removed). */
export function activeTargetCount(sqlite: Sqlite, campaignId: number): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM campaign_targets WHERE campaign_id = ? AND removed_at IS NULL').get(campaignId) as { n: number }).n;
}
