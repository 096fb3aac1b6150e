// Issuing one type of notice to many enterprises at once (a 风险提醒函 to every campaign target
// with a problem), as a job: every notice is checked before the job starts, then printed with
// progress and a cancel between notices, then all are stored in one short write, together with one
// combined PDF for printing. The job reads without holding the write lock (clerks keep saving
// while it prints) and takes the numbers of its sequence as one block: they are claimed in the
// final write, which refuses if another process took one meanwhile. A cancel or a failure stores
// nothing and uses no number; the printed files are removed again.
import type { z } from 'zod';
import { todayInChina } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { JobInfo } from '../../../shared/jobs';
import { noticeTypeInfo, type NoticeBulkInput, type NoticeBulkResult } from '../../../shared/notice';
import { appendAudit } from '../audit/audit';
import type { RequestContext } from '../context';
import { jobCore, type Core, type WriteScope } from '../core';
import type { Sqlite } from '../db/open';
import type { StoredFile } from '../files/store';
import type { JobContext } from '../jobs/runner';
import { combinePdfs } from './combine';
import { checkFields } from './fields';
import { fileBaseName, modelOf, numberOf, storeIssued, type IssuePlan } from './issuing';
import { loadSource, requireOffice } from './model';
import { nextSerial, SerialTaken, withSequence, yearOf } from './numbering';
import { latestSourceRecord, prefillFields } from './prefill';
import { discardUnindexed, printAndStore, type PrintedNotice } from './print';
import { loadTemplate } from './templates';

type Input = z.output<typeof NoticeBulkInput>;

/** Notices printed at the same time (Chromium pages of one browser). */
const PRINT_CONCURRENCY = 2;

const TAKEN = '批量出具期间其他电脑出具了同类文书，文号已变化；本次批量出具已全部撤销，请重新批量出具';

const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The record a bulk notice is filled from: the enterprise's result in the campaign, else its latest matching record. */
function bulkSourceRecord(sqlite: Sqlite, input: Input, enterpriseId: number): number | null {
  if (input.campaignId !== null) {
    const result = sqlite
      .prepare('SELECT record_id FROM campaign_results WHERE campaign_id = ? AND enterprise_id = ? AND voided = 0 ORDER BY has_problem DESC, inspected_on DESC, id DESC LIMIT 1')
      .pluck()
      .get(input.campaignId, enterpriseId) as number | undefined;
    if (result !== undefined) return result;
  }
  return latestSourceRecord(sqlite, input.type, enterpriseId);
}

/** One checked plan per enterprise (shared fields over each one's own record); refuses naming the enterprise. */
export function planBulk(core: Core, input: Input, issuedOn = todayInChina()): IssuePlan[] {
  const office = requireOffice(core);
  const template = loadTemplate(core, input.type);
  const shared = Object.fromEntries(Object.entries(input.fields).filter(([, v]) => !isBlank(v)));
  return [...new Set(input.enterpriseIds)].map((enterpriseId, i) => {
    const source = loadSource(core.sqlite, { enterpriseId, recordId: bulkSourceRecord(core.sqlite, input, enterpriseId), campaignId: input.campaignId });
    let fields: Record<string, unknown>;
    try {
      fields = checkFields(input.type, { ...prefillFields(core.sqlite, input.type, source, office), ...shared }, issuedOn);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      throw new AppError(err.code, `「${source.enterprise.name}」：${err.message}`, { ...err.details, enterpriseId, index: i });
    }
    return { type: input.type, office, source, fields, template, issuedOn, year: yearOf(issuedOn), corrects: null };
  });
}

/** Starts the bulk issue; the input is checked first, so a bad request is answered at once. */
export function bulkIssueJob(core: Core, ctx: RequestContext, input: Input): JobInfo {
  core.jobs.assertIdle();
  const plans = planBulk(core, input);
  const title = `批量出具${noticeTypeInfo[input.type].title}（${plans.length} 份）`;
  return core.jobs.start('notices.bulkIssue', title, ctx.actor, input, (jc) => runBulk(core, ctx, jc, plans, input.duplex), { readOnly: true });
}

/** Prints every plan with serials from `first`, a few at a time, in order; reports progress per notice. */
async function printAll(core: Core, jc: JobContext, plans: IssuePlan[], first: number, kept: StoredFile[]): Promise<PrintedNotice[]> {
  const printed: PrintedNotice[] = new Array<PrintedNotice>(plans.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < plans.length) {
      const i = next++;
      await jc.checkpoint();
      const model = modelOf(plans[i]!, numberOf(plans[i]!, first + i));
      const p = await printAndStore(core, plans[i]!.template.parsed, model, fileBaseName(plans[i]!, model.number));
      kept.push(p.pdf, p.docx);
      printed[i] = p;
      done++;
      jc.progress((done / plans.length) * 0.9, `已打印 ${done} / ${plans.length} 份（${model.number}）`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PRINT_CONCURRENCY, plans.length) }, worker));
  return printed;
}

async function runBulk(core: Core, ctx: RequestContext, jc: JobContext, plans: IssuePlan[], duplex: boolean): Promise<NoticeBulkResult> {
  const t0 = performance.now();
  const { type, year } = plans[0]!;
  return withSequence(core, type, year, async () => {
    const kept: StoredFile[] = [];
    try {
      let first = nextSerial(core.sqlite, type, year);
      let printed = await printAll(core, jc, plans, first, kept);
      // Another process may have issued one of this type meanwhile: print again with the numbers after it.
      for (let again = 0; nextSerial(core.sqlite, type, year) !== first; again++) {
        if (again >= 2) throw new AppError('CONFLICT', '批量出具期间其他电脑连续出具了同类文书，文号一直在变化，请稍后重新批量出具');
        first = nextSerial(core.sqlite, type, year);
        printed = await printAll(core, jc, plans, first, kept);
      }
      jc.progress(0.92, '正在合并为一个 PDF…');
      const combinedBytes = await combinePdfs(
        (async function* () {
          for (const p of printed) yield await core.files.read(p.pdf.sha256);
        })(),
        () => jc.checkpoint(),
        { duplex },
      );
      const combined = await core.files.putBytes(combinedBytes, `${noticeTypeInfo[type].title}-合并打印-${plans.length}份.pdf`, 'application/pdf');
      kept.push(combined);
      // The last moment a cancel can land; after it the job stores everything without yielding.
      await jc.checkpoint();
      core.jobs.assertIdle();
      if (nextSerial(core.sqlite, type, year) !== first) throw new AppError('CONFLICT', TAKEN);
      const numbers = [numberOf(plans[0]!, first), ...(plans.length > 1 ? [numberOf(plans.at(-1)!, first + plans.length - 1)] : [])];
      jc.write((sqlite) => storeAll(core, ctx, sqlite, plans, printed, first, combined, numbers));
      return { issued: plans.length, numbers, combined, seconds: Math.round((performance.now() - t0) / 100) / 10 };
    } catch (err) {
      discardUnindexed(core, core.sqlite, kept);
      throw err;
    }
  });
}

/** The job's one write: every notice under its number (all or none), the combined PDF indexed, one audit row for the batch. */
function storeAll(core: Core, ctx: RequestContext, sqlite: Sqlite, plans: IssuePlan[], printed: PrintedNotice[], first: number, combined: StoredFile, numbers: string[]): void {
  const c = jobCore(core, sqlite);
  const scope: WriteScope = { audit: (a) => appendAudit(sqlite, ctx.actor, 'notices.bulkIssue', a) };
  const ids: number[] = [];
  plans.forEach((plan, i) => {
    const model = modelOf(plan, numberOf(plan, first + i));
    try {
      ids.push(storeIssued(c, ctx, scope, plan, first + i, model, printed[i]!));
    } catch (err) {
      if (err instanceof SerialTaken) throw new AppError('CONFLICT', TAKEN);
      throw err;
    }
  });
  core.files.register(sqlite, combined);
  scope.audit({ entity: 'notice_batch', entityId: combined.sha256, after: { type: plans[0]!.type, count: plans.length, numbers, noticeIds: ids, combined: combined.name } });
}
