// The demo county's issued notices (执法文书): orders to correct for open rectifications with the
// 送达回证 of the first, guidance after unqualified samplings, advice after a qualified one, risk
// reminders, a 现场笔录 of a campaign visit, an interview notice and a penalty decision. They are
// issued through the issuing service inside the demo job's transaction (each one a savepoint),
// printed by Chromium; where no browser can be started, the demo goes on without them.
import { addDays, todayInChina } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { NoticeType } from '../../../shared/notice';
import { trustedContext, type RequestContext } from '../context';
import { jobCore, type Core } from '../core';
import type { JobContext } from '../jobs/runner';
import { issuePlanned } from '../notices/issue';
import { planIssue } from '../notices/issuing';
import { loadSource, officeOrNull } from '../notices/model';
import { prefillFields } from '../notices/prefill';
import { chineseDate } from '../pdf/html';

interface Pick {
  type: NoticeType;
  /** Selects `id` (the record) and `enterprise_id`; `?` is today. */
  sql: string;
  limit: number;
}

const open = "voided_at IS NULL AND json_extract(data, '$.recheckOn') IS NULL AND json_extract(data, '$.deadlineOn') >= ?";
const PICKS: Pick[] = [
  { type: 'correctionOrder', sql: `SELECT id, enterprise_id FROM dossier_records WHERE kind = 'rectification' AND ${open} ORDER BY occurred_on DESC, id DESC`, limit: 2 },
  { type: 'rectificationGuidance', sql: "SELECT id, enterprise_id FROM dossier_records WHERE kind = 'sampling' AND voided_at IS NULL AND json_extract(data, '$.result') = '不合格' AND occurred_on <= ? ORDER BY occurred_on DESC, id DESC", limit: 1 },
  { type: 'improvementAdvice', sql: "SELECT id, enterprise_id FROM dossier_records WHERE kind = 'sampling' AND voided_at IS NULL AND json_extract(data, '$.result') = '合格' AND occurred_on <= ? ORDER BY occurred_on DESC, id DESC", limit: 1 },
  { type: 'riskReminder', sql: "SELECT id, enterprise_id FROM dossier_records WHERE kind = 'riskReminder' AND voided_at IS NULL AND occurred_on <= ? ORDER BY occurred_on DESC, id DESC", limit: 1 },
  { type: 'siteRecord', sql: "SELECT r.id, r.enterprise_id FROM dossier_records r JOIN campaign_results c ON c.record_id = r.id WHERE r.voided_at IS NULL AND c.has_problem = 1 AND r.occurred_on <= ? ORDER BY r.occurred_on DESC, r.id DESC", limit: 1 },
  { type: 'interviewNotice', sql: "SELECT id, enterprise_id FROM dossier_records WHERE kind = 'interview' AND voided_at IS NULL AND occurred_on <= ? ORDER BY occurred_on DESC, id DESC", limit: 1 },
  { type: 'penaltyDecision', sql: "SELECT id, enterprise_id FROM dossier_records WHERE kind = 'penalty' AND voided_at IS NULL AND json_extract(data, '$.status') IN ('决定', '执行完毕', '结案') AND occurred_on <= ? ORDER BY occurred_on DESC, id DESC", limit: 1 },
];

/** What a clerk would type where the record says nothing. */
function completed(type: NoticeType, fields: Record<string, unknown>, today: string): Record<string, unknown> {
  const f = { ...fields };
  const fill = (key: string, value: unknown) => {
    if (f[key] === undefined || f[key] === null || f[key] === '') f[key] = value;
  };
  if (type === 'correctionOrder') {
    fill('violated', '《中华人民共和国产品质量法》第三十九条');
    fill('requirement', '立即停止违法行为，限期改正，并将改正情况书面报告本局。');
    fill('deadlineOn', addDays(today, 15));
  }
  if (type === 'siteRecord') {
    const day = typeof f.startedAt === 'string' ? f.startedAt.split('　')[0] : chineseDate(today);
    f.startedAt = `${day} 9时30分`;
    f.endedAt = `${day} 10时20分`;
    fill('present', '经营者本人');
  }
  if (type === 'interviewNotice') {
    f.time = `${chineseDate(addDays(today, 5))}上午9时`;
    fill('reason', '你单位多次被发现产品质量问题');
    fill('contact', '执法大队 0730-4221234');
  }
  if (type === 'riskReminder') fill('content', '近期监督抽查发现同类产品不合格率较高，请加强进货查验和质量控制，防范产品质量安全风险。');
  if (type === 'penaltyDecision') {
    fill('legalBasis', '《中华人民共和国产品质量法》第五十条');
    fill('violated', f.legalBasis);
    fill('decision', '责令改正，没收违法产品，并处罚款。');
  }
  return f;
}

/** Issues the demo's notices unless the data has notices already; returns how many were issued. */
export async function generateDemoNotices(core: Core, jc: JobContext): Promise<number> {
  const c = jobCore(core, jc.sqlite);
  const ctx: RequestContext = trustedContext(jc.actor);
  if (jc.sqlite.prepare('SELECT 1 FROM notices LIMIT 1').get()) return 0;
  const office = officeOrNull(c);
  if (!office) return 0;
  const today = todayInChina();
  let issued = 0;
  let firstOrder: { dossierRecordId: number; enterpriseId: number } | null = null;
  const issue = async (type: NoticeType, enterpriseId: number, recordId: number | null) => {
    const source = loadSource(c.sqlite, { enterpriseId, recordId, campaignId: null });
    const fields = completed(type, prefillFields(c.sqlite, type, source, office), today);
    let plan;
    try {
      plan = planIssue(c, { type, enterpriseId, recordId, campaignId: null, fields, correctsId: null }, today);
    } catch (err) {
      // A record the demo cannot complete a notice from: skip it, as a clerk would.
      if (err instanceof AppError && err.code === 'VALIDATION') {
        core.log.debug('demo notice skipped', { type, recordId, error: err.message });
        return null;
      }
      throw err;
    }
    const notice = await issuePlanned(c, ctx, plan);
    issued++;
    jc.progress(0.99, `已出具演示文书 ${issued} 份（${notice.number}）`);
    return notice;
  };
  try {
    // Two lanes print at once (each type stays in one lane, so its numbers follow the record order).
    const lanes: Pick[][] = [PICKS.filter((_, i) => i % 2 === 0), PICKS.filter((_, i) => i % 2 === 1)];
    let failed: unknown = null;
    await Promise.all(
      lanes.map(async (lane) => {
        for (const pick of lane) {
          const rows = c.sqlite.prepare(`${pick.sql} LIMIT ${pick.limit}`).all(today) as { id: number; enterprise_id: number }[];
          for (const r of rows) {
            if (failed) return;
            try {
              const n = await issue(pick.type, r.enterprise_id, r.id);
              if (n && pick.type === 'correctionOrder') firstOrder ??= { dossierRecordId: n.dossierRecordId, enterpriseId: n.enterpriseId };
            } catch (err) {
              failed = err;
            }
          }
        }
      }),
    );
    if (failed) throw failed;
    // Assigned in the lanes above, which TypeScript does not follow.
    const order = firstOrder as { dossierRecordId: number; enterpriseId: number } | null;
    if (order) await issue('serviceReceipt', order.enterpriseId, order.dossierRecordId);
  } catch (err) {
    // No browser to print with (or it failed): the rest of the demo stands without (more) notices.
    core.log.warn('demo notices skipped: they could not be printed', { issued, error: err instanceof Error ? err.message : String(err) });
  }
  return issued;
}
