// 专项整治: a campaign keeps a frozen copy of its template (later template edits do not change
// it), its parameter values, its scope and its target list.
import type { z } from 'zod';
import { type Campaign, type CampaignCreateInput, CampaignScope, type CampaignStatus, type CampaignSummary, type CampaignUpdateInput } from '../../../shared/campaign';
import { type TemplateDefinition } from '../../../shared/campaign-template';
import { AppError } from '../../../shared/errors';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import type { Sqlite } from '../db/open';
import { currentDraw } from './draw-record';
import { activeTargetCount, syncScopeTargets } from './scope';
import { getTemplate } from './templates';

export interface CampaignRow {
  id: number;
  name: string;
  doc_ref: string | null;
  starts_on: string;
  ends_on: string;
  status: CampaignStatus;
  template_id: string;
  template_version: number;
  template: string;
  parameters: string;
  scope: string;
  current_draw_id: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** The stored campaign row; NOT_FOUND when there is none. */
export function campaignRow(sqlite: Sqlite, id: number): CampaignRow {
  const r = sqlite.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到专项（编号 ${id}），可能已被删除，请刷新后重试`);
  return r;
}

/** The fields a campaign's list row and its page share. */
const headOf = (r: Pick<CampaignRow, 'id' | 'name' | 'doc_ref' | 'starts_on' | 'ends_on' | 'status'>) => ({
  id: r.id,
  name: r.name,
  docRef: r.doc_ref,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  status: r.status,
});

/** Every campaign, running ones first, newest first, with its counts. */
export function listCampaigns(sqlite: Sqlite): CampaignSummary[] {
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.name, c.doc_ref, c.starts_on, c.ends_on, c.status, c.current_draw_id,
         json_extract(c.template, '$.name') AS template_name,
         (SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = c.id AND t.removed_at IS NULL) AS target_count,
         (SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = c.id AND t.removed_at IS NULL AND t.planned = 1) AS planned_count,
         (SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = c.id AND t.removed_at IS NULL AND t.planned = 1
            AND EXISTS (SELECT 1 FROM campaign_results r WHERE r.campaign_id = c.id AND r.enterprise_id = t.enterprise_id AND r.voided = 0)
         ) AS inspected_count
       FROM campaigns c ORDER BY c.status = '已结束', c.starts_on DESC, c.id DESC`,
    )
    .all() as (Pick<CampaignRow, 'id' | 'name' | 'doc_ref' | 'starts_on' | 'ends_on' | 'status' | 'current_draw_id'> & {
      template_name: string;
      target_count: number;
      planned_count: number;
      inspected_count: number;
    })[];
  return rows.map((r) => ({
    ...headOf(r),
    templateName: r.template_name,
    targetCount: r.target_count,
    plannedCount: r.planned_count,
    inspectedCount: r.inspected_count,
    drawn: r.current_draw_id !== null,
  }));
}

/** One campaign with its frozen template, parameters, scope, target count and draw in force. */
export function getCampaign(sqlite: Sqlite, id: number): Campaign {
  const r = campaignRow(sqlite, id);
  return {
    ...headOf(r),
    templateId: r.template_id,
    templateVersion: r.template_version,
    template: JSON.parse(r.template) as TemplateDefinition,
    parameters: JSON.parse(r.parameters) as Record<string, number>,
    scope: CampaignScope.parse(JSON.parse(r.scope)),
    targetCount: activeTargetCount(sqlite, id),
    draw: currentDraw(sqlite, id),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Starts a campaign from a template in use (copying its definition and parameter values) and builds its target list from the scope, in one transaction. */
export function createCampaign(core: Core, ctx: RequestContext, input: z.output<typeof CampaignCreateInput>): Campaign {
  return write(core, ctx, 'campaigns.create', (scope) => {
    const template = getTemplate(core.sqlite, input.templateId);
    if (template.archived) {
      throw new AppError('VALIDATION', `模板「${template.definition.name}」已停用，不能用来新建专项，请先恢复模板或另选一个`, { field: 'templateId' });
    }
    const parameters = Object.fromEntries(template.definition.parameters.map((p) => [p.key, p.value]));
    const now = new Date().toISOString();
    const id = Number(
      core.sqlite
        .prepare(
          `INSERT INTO campaigns (name, doc_ref, starts_on, ends_on, status, template_id, template_version, template, parameters, scope,
             created_by, created_at, updated_at) VALUES (?, ?, ?, ?, '进行中', ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.name, input.docRef, input.startsOn, input.endsOn, template.id, template.version, JSON.stringify(template.definition),
          JSON.stringify(parameters), JSON.stringify(input.scope), ctx.actor, now, now).lastInsertRowid,
    );
    const targets = syncScopeTargets(core.sqlite, id, input.scope, { now, drawn: null });
    scope.audit({
      entity: 'campaign',
      entityId: id,
      after: {
        name: input.name, docRef: input.docRef, startsOn: input.startsOn, endsOn: input.endsOn, templateId: template.id,
        templateVersion: template.version, parameters, scope: input.scope, targets: targets.total,
      },
    });
    return getCampaign(core.sqlite, id);
  });
}

/** Edits a campaign's name, document, dates, status and parameter values (only keys its template defines); refused if saved since `expectedUpdatedAt`. */
export function updateCampaign(core: Core, ctx: RequestContext, input: z.output<typeof CampaignUpdateInput>): Campaign {
  return write(core, ctx, 'campaigns.update', (scope) => {
    const r = campaignRow(core.sqlite, input.id);
    if (r.updated_at !== input.expectedUpdatedAt) {
      throw new AppError('CONFLICT', `专项「${r.name}」在您打开之后已被修改（${r.updated_at}），请重新打开后再改`, { updatedAt: r.updated_at });
    }
    const template = JSON.parse(r.template) as TemplateDefinition;
    const known = new Set(template.parameters.map((p) => p.key));
    for (const key of Object.keys(input.parameters)) {
      if (!known.has(key)) {
        throw new AppError('VALIDATION', `参数：模板「${template.name}」没有参数「${key}」`, { field: `parameters.${key}` });
      }
    }
    const before = {
      name: r.name, docRef: r.doc_ref, startsOn: r.starts_on, endsOn: r.ends_on, status: r.status,
      parameters: JSON.parse(r.parameters) as Record<string, number>,
    };
    const after = {
      name: input.name, docRef: input.docRef, startsOn: input.startsOn, endsOn: input.endsOn, status: input.status,
      parameters: { ...before.parameters, ...input.parameters },
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    if (!changed.length) return getCampaign(core.sqlite, r.id);
    core.sqlite
      .prepare('UPDATE campaigns SET name = ?, doc_ref = ?, starts_on = ?, ends_on = ?, status = ?, parameters = ?, updated_at = ? WHERE id = ?')
      .run(after.name, after.docRef, after.startsOn, after.endsOn, after.status, JSON.stringify(after.parameters), new Date().toISOString(), r.id);
    scope.audit({
      entity: 'campaign',
      entityId: r.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return getCampaign(core.sqlite, r.id);
  }, { allowNoAudit: true });
}
