// Field results of a campaign: each visit is checked against the campaign's template, written as
// a 专项检查 record in the enterprise's dossier (photos attached), optionally opens a 责令改正
// with its deadline in the same step, and keeps its quantities as rows for the tallies.
import type { z } from 'zod';
import { type CampaignResult, type ResultListInput, type ResultSaveInput } from '../../../shared/campaign-results';
import { TemplateDefinition } from '../../../shared/campaign-template';
import { todayInChina } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { RequestContext } from '../context';
import { write, type Core, type WriteScope } from '../core';
import type { Sqlite } from '../db/open';
import { addRecordInScope, replaceRecordInScope } from '../dossier/records';
import { getEnterprise } from '../registry/repo';
import { answerText, checkAnswers, checkQuantities, isProblem, type CheckedAnswer } from './answers';

type SaveInput = z.output<typeof ResultSaveInput>;

/** Results that are not problems in themselves (the others are, whatever the checklist says). */
const CLEAN_RESULTS = new Set(['未发现问题', '未发现开展本次抽查涉及的经营活动']);

interface CampaignRow {
  id: number;
  name: string;
  starts_on: string;
  ends_on: string;
  template: string;
  parameters: string;
  current_draw_id: number | null;
}

interface ResultRow {
  id: number;
  campaign_id: number;
  enterprise_id: number;
  record_id: number;
  rectification_id: number | null;
  inspected_on: string;
  township_code: string | null;
  has_problem: number;
  voided: number;
  inspector_ids: string;
  answers: string;
  quantities: string;
  problem_items: string;
  updated_at: string;
}

function campaignOf(sqlite: Sqlite, id: number): CampaignRow {
  const c = sqlite.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
  if (!c) throw new AppError('NOT_FOUND', `找不到专项 ${id}`);
  return c;
}

/** The target must be on the list (not removed) and, after a draw, drawn. */
function checkTarget(sqlite: Sqlite, campaign: CampaignRow, enterpriseId: number, name: string): void {
  const t = sqlite
    .prepare('SELECT planned, removed_at FROM campaign_targets WHERE campaign_id = ? AND enterprise_id = ?')
    .get(campaign.id, enterpriseId) as { planned: number; removed_at: string | null } | undefined;
  if (!t || t.removed_at) {
    throw new AppError('VALIDATION', `「${name}」不是专项「${campaign.name}」的检查对象，不能录入结果；如确需检查，请先把它添加到检查对象`, {
      field: 'enterpriseId',
    });
  }
  if (!t.planned) {
    throw new AppError('VALIDATION', `「${name}」未被本次双随机抽中，不能录入结果；如确需检查，请先把它添加到检查对象（须填写原因）`, {
      field: 'enterpriseId',
    });
  }
}

function inspectorNames(sqlite: Sqlite, ids: number[]): string[] {
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION', '同一名执法人员选了两次，请选择两名不同的执法人员', { field: 'inspectorIds' });
  const rows = sqlite.prepare('SELECT id, name FROM inspectors WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
    id: number;
    name: string;
  }[];
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return ids.map((id) => {
    const n = byId.get(id);
    if (!n) throw new AppError('VALIDATION', `找不到编号为 ${id} 的执法人员，请重新选择`, { field: 'inspectorIds' });
    return n;
  });
}

/** The dossier record's fields for a visit: the checklist as the file shows it. */
function recordData(template: TemplateDefinition, campaignName: string, input: SaveInput, names: string[], answers: Record<string, CheckedAnswer>, problems: string[]) {
  return {
    inspectors: names,
    place: input.place,
    checklist: template.checklist
      .filter((item) => answers[item.key])
      .map((item) => ({
        item: item.label,
        answer: answerText(item, answers[item.key]!),
        note: [problems.includes(item.key) ? '发现问题' : null, answers[item.key]!.note].filter(Boolean).join('；') || null,
      })),
    findings: input.findings,
    result: input.result,
    campaign: campaignName.slice(0, 100),
  };
}

function writeValues(sqlite: Sqlite, resultId: number, campaignId: number, inspectedOn: string, township: string | null, quantities: Record<string, number>): void {
  sqlite.prepare('DELETE FROM campaign_result_values WHERE result_id = ?').run(resultId);
  const insert = sqlite.prepare(
    'INSERT INTO campaign_result_values (result_id, campaign_id, inspected_on, township_code, key, hundredths) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [key, v] of Object.entries(quantities)) if (v !== 0) insert.run(resultId, campaignId, inspectedOn, township, key, Math.round(v * 100));
}

/** Records (or corrects) one visit's result; one transaction with its dossier records and audit rows. */
export function saveResult(core: Core, ctx: RequestContext, input: SaveInput): { result: CampaignResult; warnings: string[] } {
  return write(core, ctx, 'campaigns.saveResult', (scope) => {
    const sqlite = core.sqlite;
    const campaign = campaignOf(sqlite, input.campaignId);
    const template = TemplateDefinition.parse(JSON.parse(campaign.template));
    const parameters = JSON.parse(campaign.parameters) as Record<string, number>;
    const enterprise = getEnterprise(sqlite, input.enterpriseId);
    const warnings: string[] = [];
    if (input.inspectedOn > todayInChina()) throw new AppError('VALIDATION', `检查日期（${input.inspectedOn}）晚于今天，请核对`, { field: 'inspectedOn' });
    if (input.inspectedOn < campaign.starts_on || input.inspectedOn > campaign.ends_on) {
      warnings.push(`检查日期 ${input.inspectedOn} 不在专项期间（${campaign.starts_on} 至 ${campaign.ends_on}）内`);
    }
    const existing = input.resultId ? resultRow(sqlite, input.resultId) : null;
    if (existing) {
      if (existing.campaign_id !== campaign.id || existing.enterprise_id !== input.enterpriseId) {
        throw new AppError('VALIDATION', '这条检查结果不属于所选的专项和检查对象', { field: 'resultId' });
      }
      if (existing.voided) throw new AppError('CONFLICT', '这条检查结果已在企业档案中作废，不能修改');
      if (existing.updated_at !== input.expectedUpdatedAt) throw new AppError('CONFLICT', '这条检查结果在您打开之后已被修改，请重新打开后再改');
    } else {
      checkTarget(sqlite, campaign, input.enterpriseId, enterprise.name);
    }
    const names = inspectorNames(sqlite, input.inspectorIds);
    const shas = new Set(input.attachments.map((a) => a.sha256));
    const answers = checkAnswers(template, input.answers, shas);
    const quantities = checkQuantities(template, input.quantities);
    const problemItems = template.checklist.filter((item) => isProblem(item, answers[item.key], parameters)).map((i) => i.key);
    if (problemItems.length > 0 && CLEAN_RESULTS.has(input.result)) {
      const labels = template.checklist.filter((i) => problemItems.includes(i.key)).map((i) => `「${i.label}」`);
      throw new AppError('VALIDATION', `检查事项${labels.join('、')}发现问题，检查结果不能选「${input.result}」`, { field: 'result' });
    }
    const hasProblem = problemItems.length > 0 || !CLEAN_RESULTS.has(input.result);
    if (input.rectification && !hasProblem) throw new AppError('VALIDATION', '本次检查未发现问题，不能同时责令整改', { field: 'rectification' });
    if (input.rectification && input.rectification.deadlineOn < input.inspectedOn) {
      throw new AppError('VALIDATION', `整改期限（${input.rectification.deadlineOn}）早于检查日期（${input.inspectedOn}）`, { field: 'rectification.deadlineOn' });
    }
    const data = recordData(template, campaign.name, input, names, answers, problemItems);
    const record = { kind: 'specialInspection' as const, occurredOn: input.inspectedOn, data, attachments: input.attachments };
    let recordId: number;
    if (existing) {
      recordId = existing.record_id;
      warnings.push(...replaceRecordInScope(core, scope, recordId, record));
    } else {
      const added = addRecordInScope(core, ctx, scope, input.enterpriseId, record);
      recordId = added.id;
      warnings.push(...added.warnings);
    }
    let rectificationId = existing?.rectification_id ?? null;
    if (input.rectification && rectificationId) {
      warnings.push('这次检查已开过责令整改，整改内容请在企业档案的责令改正记录中修改');
    } else if (input.rectification) {
      rectificationId = openRectification(core, ctx, scope, input, recordId, warnings);
    } else if (input.result === '发现问题已责令改正' && !rectificationId) {
      warnings.push('检查结果为「发现问题已责令改正」，但没有同时录入责令整改；如已另行下达，请在企业档案中补录');
    }
    const now = new Date().toISOString();
    const township = enterprise.townshipCode;
    const row = [input.inspectedOn, township, hasProblem ? 1 : 0, JSON.stringify(input.inspectorIds), JSON.stringify(answers), JSON.stringify(quantities), JSON.stringify(problemItems)];
    let id: number;
    if (existing) {
      id = existing.id;
      sqlite
        .prepare(
          `UPDATE campaign_results SET inspected_on = ?, township_code = ?, has_problem = ?, inspector_ids = ?, answers = ?, quantities = ?,
             problem_items = ?, rectification_id = ?, updated_at = ? WHERE id = ?`,
        )
        .run(...row, rectificationId, now, id);
    } else {
      id = Number(
        sqlite
          .prepare(
            `INSERT INTO campaign_results (inspected_on, township_code, has_problem, inspector_ids, answers, quantities, problem_items,
               campaign_id, enterprise_id, record_id, rectification_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(...row, campaign.id, input.enterpriseId, recordId, rectificationId, now, now).lastInsertRowid,
      );
    }
    writeValues(sqlite, id, campaign.id, input.inspectedOn, township, quantities);
    scope.audit({
      entity: 'campaign_result',
      entityId: id,
      before: existing ? { inspectedOn: existing.inspected_on, answers: JSON.parse(existing.answers) as unknown, quantities: JSON.parse(existing.quantities) as unknown } : null,
      after: { campaignId: campaign.id, enterpriseId: input.enterpriseId, inspectedOn: input.inspectedOn, result: input.result, answers, quantities, recordId, rectificationId },
    });
    return { result: getResult(sqlite, id), warnings: [...new Set(warnings)] };
  });
}

function openRectification(core: Core, ctx: RequestContext, scope: WriteScope, input: SaveInput, recordId: number, warnings: string[]): number {
  const r = input.rectification!;
  const added = addRecordInScope(core, ctx, scope, input.enterpriseId, {
    kind: 'rectification',
    occurredOn: input.inspectedOn,
    data: { problem: r.problem, requirement: r.requirement, deadlineOn: r.deadlineOn },
    attachments: [],
    sourceId: recordId,
  });
  warnings.push(...added.warnings);
  return added.id;
}

function resultRow(sqlite: Sqlite, id: number): ResultRow {
  const r = sqlite.prepare('SELECT * FROM campaign_results WHERE id = ?').get(id) as ResultRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到检查结果 ${id}`);
  return r;
}

function toResult(sqlite: Sqlite, r: ResultRow & { enterprise_name: string; updated_at: string }): CampaignResult {
  const record = sqlite.prepare('SELECT data FROM dossier_records WHERE id = ?').get(r.record_id) as { data: string };
  const data = JSON.parse(record.data) as { inspectors: string[]; place: string | null; findings: string | null; result: CampaignResult['result'] };
  const attachments = sqlite
    .prepare('SELECT sha256, name, mime, size FROM record_files WHERE record_id = ? ORDER BY position')
    .all(r.record_id) as CampaignResult['attachments'];
  return {
    id: r.id,
    campaignId: r.campaign_id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    recordId: r.record_id,
    rectificationId: r.rectification_id,
    inspectedOn: r.inspected_on,
    inspectorIds: JSON.parse(r.inspector_ids) as number[],
    inspectors: data.inspectors,
    place: data.place,
    answers: JSON.parse(r.answers) as CampaignResult['answers'],
    quantities: JSON.parse(r.quantities) as Record<string, number>,
    findings: data.findings,
    result: data.result,
    hasProblem: r.has_problem === 1,
    problemItems: JSON.parse(r.problem_items) as string[],
    attachments,
    voided: r.voided === 1,
    updatedAt: r.updated_at,
  };
}

const SELECT_RESULT = 'SELECT r.*, e.name AS enterprise_name FROM campaign_results r JOIN enterprises e ON e.id = r.enterprise_id';

/** One result with its answers, quantities and photos. */
export function getResult(sqlite: Sqlite, id: number): CampaignResult {
  const r = sqlite.prepare(`${SELECT_RESULT} WHERE r.id = ?`).get(id) as (ResultRow & { enterprise_name: string }) | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到检查结果 ${id}`);
  return toResult(sqlite, r);
}

/** A campaign's results (of one target, or the latest 500 of all), newest visit first. */
export function listResults(sqlite: Sqlite, input: z.output<typeof ResultListInput>): CampaignResult[] {
  campaignOf(sqlite, input.campaignId);
  const rows = (
    input.enterpriseId
      ? sqlite.prepare(`${SELECT_RESULT} WHERE r.campaign_id = ? AND r.enterprise_id = ? ORDER BY r.inspected_on DESC, r.id DESC`).all(input.campaignId, input.enterpriseId)
      : sqlite.prepare(`${SELECT_RESULT} WHERE r.campaign_id = ? ORDER BY r.inspected_on DESC, r.id DESC LIMIT 500`).all(input.campaignId)
  ) as (ResultRow & { enterprise_name: string })[];
  return rows.map((r) => toResult(sqlite, r));
}
