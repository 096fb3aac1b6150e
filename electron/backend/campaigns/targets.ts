// Changing a campaign's target list (检查对象): adding and removing by hand, applying the scope,
// assigning inspectors (the listing is in target-list.ts). After a 双随机 draw the list cannot
// change silently: every change needs a reason and is logged per enterprise in campaign_target_changes.
import type { z } from 'zod';
import type { ApplyScopeInput, ApplyScopeResult, AssignInput, TargetChange, TargetsChanged, TargetsChangeInput } from '../../../shared/campaign';
import { AppError } from '../../../shared/errors';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import type { Sqlite } from '../db/open';
import { campaignRow, type CampaignRow } from './campaigns';
import { activeTargetCount, MANUAL_REMOVAL, syncScopeTargets, withReason } from './scope';
import { inspectorsById } from './target-list';

export { listTargets } from './target-list';

interface AfterDraw {
  reason: string;
  actor: string;
}

/** After a draw a reason is required (and the change is logged); before, it is optional. */
function afterDraw(c: CampaignRow, reason: string | null, actor: string): AfterDraw | null {
  const given = reason?.trim() || null;
  if (c.current_draw_id === null) return null;
  if (!given) throw new AppError('VALIDATION', '已完成双随机抽取，修改检查对象须填写变更原因', { field: 'reason' });
  return { reason: given, actor };
}

function logChanges(sqlite: Sqlite, campaignId: number, drawn: AfterDraw, changes: [enterpriseId: number, change: string][], at: string): void {
  const insert = sqlite.prepare('INSERT INTO campaign_target_changes (campaign_id, enterprise_id, change, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const [enterpriseId, change] of changes) insert.run(campaignId, enterpriseId, change, drawn.reason, drawn.actor, at);
}

/** "「甲」「乙」「丙」等 12 户" */
function nameList(names: string[]): string {
  const shown = names.slice(0, 3).map((n) => `「${n}」`).join('');
  return names.length > 3 ? `${shown}等 ${names.length} 户` : shown;
}

const idsJson = (ids: readonly number[]): string => JSON.stringify(ids);

/** Enterprises by id; NOT_FOUND naming the ids that do not exist. */
function enterprisesOf(sqlite: Sqlite, ids: number[]): Map<number, { name: string; archived: boolean }> {
  const rows = sqlite.prepare('SELECT id, name, archived_at FROM enterprises WHERE id IN (SELECT value FROM json_each(?))').all(idsJson(ids)) as {
    id: number;
    name: string;
    archived_at: string | null;
  }[];
  const found = new Map(rows.map((r) => [r.id, { name: r.name, archived: r.archived_at !== null }]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    throw new AppError('NOT_FOUND', `找不到企业（编号 ${missing.slice(0, 5).join('、')}），可能已被合并，请刷新后重试`, { field: 'enterpriseIds' });
  }
  return found;
}

interface TargetState {
  enterprise_id: number;
  name: string;
  removed_at: string | null;
  planned: number;
  inspector_ids: string;
  responsible_unit: string | null;
  has_results: number;
}

/** The campaign's target rows for these enterprises (removed ones included). */
function targetStates(sqlite: Sqlite, campaignId: number, ids: number[]): Map<number, TargetState> {
  const rows = sqlite
    .prepare(
      `SELECT t.enterprise_id, e.name, t.removed_at, t.planned, t.inspector_ids, t.responsible_unit,
         EXISTS (SELECT 1 FROM campaign_results r WHERE r.campaign_id = t.campaign_id AND r.enterprise_id = t.enterprise_id AND r.voided = 0) AS has_results
       FROM campaign_targets t JOIN enterprises e ON e.id = t.enterprise_id
       WHERE t.campaign_id = ? AND t.enterprise_id IN (SELECT value FROM json_each(?))`,
    )
    .all(campaignId, idsJson(ids)) as TargetState[];
  return new Map(rows.map((r) => [r.enterprise_id, r]));
}

/** Refuses enterprises that are not (or no longer) on the list, naming them. */
function assertOnList(sqlite: Sqlite, ids: number[], states: Map<number, TargetState>): void {
  const off = ids.filter((id) => states.get(id)?.removed_at !== null);
  if (!off.length) return;
  const names = enterprisesOf(sqlite, off);
  throw new AppError('VALIDATION', `${nameList(off.map((id) => names.get(id)!.name))}不是本专项的检查对象`, {
    field: 'enterpriseIds',
    enterpriseIds: off.slice(0, 100),
  });
}

/** Applies a new scope: adds matching enterprises, drops scope targets that no longer match (never those with results), keeps manual additions, stores the scope. */
export function applyScope(core: Core, ctx: RequestContext, input: z.output<typeof ApplyScopeInput>): z.output<typeof ApplyScopeResult> {
  return write(core, ctx, 'campaigns.applyScope', (scope) => {
    const c = campaignRow(core.sqlite, input.campaignId);
    const drawn = afterDraw(c, input.reason, ctx.actor);
    const now = new Date().toISOString();
    const sync = syncScopeTargets(core.sqlite, c.id, input.scope, { now, drawn });
    core.sqlite.prepare('UPDATE campaigns SET scope = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(input.scope), now, c.id);
    scope.audit({
      entity: 'campaign',
      entityId: c.id,
      before: { scope: JSON.parse(c.scope) as unknown },
      after: { scope: input.scope, added: sync.added, removed: sync.removed, keptWithResults: sync.kept, total: sync.total },
      reason: input.reason?.trim() || null,
    });
    return { added: sync.added, removed: sync.removed, total: sync.total };
  });
}

/** Adds enterprises by hand (source 'manual', to be inspected; one on the list but not drawn becomes one to inspect); archived enterprises are refused by name. */
export function addTargets(core: Core, ctx: RequestContext, input: z.output<typeof TargetsChangeInput>): z.output<typeof TargetsChanged> {
  return write(core, ctx, 'campaigns.addTargets', (scope) => {
    const c = campaignRow(core.sqlite, input.campaignId);
    const drawn = afterDraw(c, input.reason, ctx.actor);
    const ids = [...new Set(input.enterpriseIds)];
    const found = enterprisesOf(core.sqlite, ids);
    const archived = ids.filter((id) => found.get(id)!.archived);
    if (archived.length) {
      throw new AppError('VALIDATION', `${nameList(archived.map((id) => found.get(id)!.name))}已归档，不能加入检查对象`, {
        field: 'enterpriseIds',
        enterpriseIds: archived.slice(0, 100),
      });
    }
    const states = targetStates(core.sqlite, c.id, ids);
    const entering = ids.filter((id) => states.get(id)?.removed_at !== null);
    // On the list but not drawn: adding it by hand makes it one to inspect.
    const promoted = ids.filter((id) => states.get(id)?.removed_at === null && states.get(id)!.planned === 0);
    if (!entering.length && !promoted.length) return { changed: 0, total: activeTargetCount(core.sqlite, c.id) };
    const now = new Date().toISOString();
    core.sqlite
      .prepare(
        `INSERT INTO campaign_targets (campaign_id, enterprise_id, township_code, source, planned, inspector_ids, added_at)
         SELECT ?, e.id, e.township_code, 'manual', 1, '[]', ? FROM enterprises e WHERE e.id IN (SELECT value FROM json_each(?))
         ON CONFLICT (campaign_id, enterprise_id) DO UPDATE SET removed_at = NULL, removed_reason = NULL, source = 'manual', planned = 1,
           township_code = excluded.township_code, added_at = excluded.added_at`,
      )
      .run(c.id, now, idsJson(entering));
    core.sqlite
      .prepare('UPDATE campaign_targets SET planned = 1 WHERE campaign_id = ? AND enterprise_id IN (SELECT value FROM json_each(?))')
      .run(c.id, idsJson(promoted));
    if (drawn) {
      logChanges(core.sqlite, c.id, drawn, [
        ...entering.map((id): [number, string] => [id, '添加检查对象']),
        ...promoted.map((id): [number, string] => [id, '列入检查（不在抽取结果中）']),
      ], now);
    }
    scope.audit({ entity: 'campaign', entityId: c.id, after: { addedTargets: entering, plannedTargets: promoted }, reason: input.reason?.trim() || null });
    return { changed: entering.length + promoted.length, total: activeTargetCount(core.sqlite, c.id) };
  }, { allowNoAudit: true });
}

/** Takes enterprises off the list (the row stays, marked removed with the reason); a target with results is refused by name. */
export function removeTargets(core: Core, ctx: RequestContext, input: z.output<typeof TargetsChangeInput>): z.output<typeof TargetsChanged> {
  return write(core, ctx, 'campaigns.removeTargets', (scope) => {
    const c = campaignRow(core.sqlite, input.campaignId);
    const drawn = afterDraw(c, input.reason, ctx.actor);
    const ids = [...new Set(input.enterpriseIds)];
    const states = targetStates(core.sqlite, c.id, ids);
    const unknown = ids.filter((id) => !states.has(id));
    if (unknown.length) assertOnList(core.sqlite, unknown, states);
    const inspected = ids.filter((id) => states.get(id)!.has_results === 1);
    if (inspected.length) {
      throw new AppError('CONFLICT', `${nameList(inspected.map((id) => states.get(id)!.name))}已有检查结果，不能移出检查对象；如结果录错，请先作废该检查结果`, {
        field: 'enterpriseIds',
        enterpriseIds: inspected.slice(0, 100),
      });
    }
    const leaving = ids.filter((id) => states.get(id)!.removed_at === null);
    if (!leaving.length) return { changed: 0, total: activeTargetCount(core.sqlite, c.id) };
    const now = new Date().toISOString();
    core.sqlite
      .prepare('UPDATE campaign_targets SET removed_at = ?, removed_reason = ? WHERE campaign_id = ? AND enterprise_id IN (SELECT value FROM json_each(?))')
      .run(now, withReason(MANUAL_REMOVAL, input.reason?.trim() || null), c.id, idsJson(leaving));
    if (drawn) logChanges(core.sqlite, c.id, drawn, leaving.map((id) => [id, '移出检查对象']), now);
    scope.audit({ entity: 'campaign', entityId: c.id, after: { removedTargets: leaving }, reason: input.reason?.trim() || null });
    return { changed: leaving.length, total: activeTargetCount(core.sqlite, c.id) };
  }, { allowNoAudit: true });
}

const NO_INSPECTORS = '未分配';
const OWN_OFFICE = '所在乡镇市场监管所';

/** Sets the inspectors (who must exist and be in post) and the responsible unit of targets on the list. */
export function assignTargets(core: Core, ctx: RequestContext, input: z.output<typeof AssignInput>): z.output<typeof TargetsChanged> {
  return write(core, ctx, 'campaigns.assign', (scope) => {
    const c = campaignRow(core.sqlite, input.campaignId);
    const drawn = afterDraw(c, input.reason, ctx.actor);
    const inspectorIds = [...new Set(input.inspectorIds)];
    const chosen = inspectorsById(core.sqlite, inspectorIds);
    const missing = inspectorIds.filter((id) => !chosen.has(id));
    if (missing.length) throw new AppError('VALIDATION', `执法人员：找不到编号为 ${missing.join('、')} 的执法人员，请刷新后重新选择`, { field: 'inspectorIds' });
    const retired = inspectorIds.filter((id) => !chosen.get(id)!.active);
    if (retired.length) {
      throw new AppError('VALIDATION', `执法人员：${retired.map((id) => `「${chosen.get(id)!.name}」`).join('')}已不在岗，不能分配`, { field: 'inspectorIds' });
    }
    const ids = [...new Set(input.enterpriseIds)];
    const states = targetStates(core.sqlite, c.id, ids);
    assertOnList(core.sqlite, ids, states);
    const newIds = JSON.stringify(inspectorIds);
    const changing = ids.map((id) => states.get(id)!).filter((s) => s.inspector_ids !== newIds || s.responsible_unit !== input.responsibleUnit);
    if (!changing.length) return { changed: 0, total: activeTargetCount(core.sqlite, c.id) };
    const now = new Date().toISOString();
    core.sqlite
      .prepare(
        'UPDATE campaign_targets SET inspector_ids = ?, responsible_unit = ? WHERE campaign_id = ? AND enterprise_id IN (SELECT value FROM json_each(?))',
      )
      .run(newIds, input.responsibleUnit, c.id, idsJson(changing.map((s) => s.enterprise_id)));
    if (drawn) {
      const everyone = inspectorsById(core.sqlite, [...inspectorIds, ...changing.flatMap((s) => JSON.parse(s.inspector_ids) as number[])]);
      const names = (list: number[]) => list.map((id) => everyone.get(id)?.name ?? `编号 ${id}`).join('、') || NO_INSPECTORS;
      const to = names(inspectorIds);
      logChanges(core.sqlite, c.id, drawn, changing.map((s) => {
        const parts: string[] = [];
        const from = names(JSON.parse(s.inspector_ids) as number[]);
        if (s.inspector_ids !== newIds) parts.push(`更换执法人员：${from} → ${to}`);
        if (s.responsible_unit !== input.responsibleUnit) parts.push(`更换责任单位：${s.responsible_unit ?? OWN_OFFICE} → ${input.responsibleUnit ?? OWN_OFFICE}`);
        return [s.enterprise_id, parts.join('；')];
      }), now);
    }
    scope.audit({
      entity: 'campaign',
      entityId: c.id,
      before: Object.fromEntries(changing.map((s) => [s.enterprise_id, { inspectorIds: JSON.parse(s.inspector_ids) as number[], responsibleUnit: s.responsible_unit }])),
      after: { enterpriseIds: changing.map((s) => s.enterprise_id), inspectorIds, responsibleUnit: input.responsibleUnit },
      reason: input.reason?.trim() || null,
    });
    return { changed: changing.length, total: activeTargetCount(core.sqlite, c.id) };
  }, { allowNoAudit: true });
}

/** The changes made to the list after its draw, oldest first, each with its reason and who made it. */
export function targetChanges(sqlite: Sqlite, campaignId: number): z.output<typeof TargetChange>[] {
  campaignRow(sqlite, campaignId);
  const rows = sqlite
    .prepare(
      `SELECT c.at, c.actor, c.enterprise_id, e.name, c.change, c.reason FROM campaign_target_changes c
       JOIN enterprises e ON e.id = c.enterprise_id WHERE c.campaign_id = ? ORDER BY c.id`,
    )
    .all(campaignId) as { at: string; actor: string; enterprise_id: number; name: string; change: string; reason: string }[];
  return rows.map((r) => ({ at: r.at, actor: r.actor, enterpriseId: r.enterprise_id, enterpriseName: r.name, change: r.change, reason: r.reason }));
}
