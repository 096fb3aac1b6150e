// Previewing, issuing, voiding a notice and recording its service (送达).
//
// Issuing prints before it stores: the next number is read, the PDF and DOCX are printed with it
// (async, outside any transaction), and one write transaction then claims the number (it must
// still be the next one), indexes the files, inserts the notice and its 文书 dossier record and
// audits. If the number was taken meanwhile (another process on the same data), the notice is
// printed again with the next number. A preview or a failed issue never takes a number.
import { AppError } from '../../../shared/errors';
import type { Notice, NoticeService } from '../../../shared/notice';
import type { StoredFileRef } from '../../../shared/import';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import { chineseDate } from '../pdf/html';
import { summaryOf } from '../dossier/summary';
import { draftFields } from './fields';
import { fileBaseName, modelOf, numberOf, planIssue, storeIssued, type FillInput, type IssuePlan } from './issuing';
import { loadSource, requireOffice } from './model';
import { nextSerial, SerialTaken, withSequence } from './numbering';
import { discardUnindexed, printAndStore, storePreview } from './print';
import { getNotice } from './read';
import { loadTemplate } from './templates';
import { todayInChina } from '../../../shared/dates';

/** How often a notice is printed again because its number went to another process meanwhile. */
const MAX_ATTEMPTS = 5;

/** Prints the notice as it would be issued, with 〔预览，未编号〕 for its number: no row is written and no number used. */
export async function previewNotice(core: Core, input: FillInput): Promise<StoredFileRef> {
  const office = requireOffice(core);
  const source = loadSource(core.sqlite, input);
  const corrects = input.correctsId
    ? ((core.sqlite.prepare('SELECT id, number FROM notices WHERE id = ?').get(input.correctsId) as { id: number; number: string } | undefined) ?? null)
    : null;
  const plan = { type: input.type, office, source, fields: draftFields(input.type, input.fields), issuedOn: todayInChina(), corrects };
  const template = loadTemplate(core, input.type);
  return storePreview(core, template.parsed, modelOf(plan, null), fileBaseName(plan, null));
}

/**
 * Issues a plan's notice under the next number of its sequence: printed, then stored in one write.
 * Used by single issues and by the demo (through a job's view of the core).
 */
export async function issuePlanned(core: Core, ctx: RequestContext, plan: IssuePlan, method = 'notices.issue'): Promise<Notice> {
  return withSequence(core, plan.type, plan.year, async () => {
    let serial = nextSerial(core.sqlite, plan.type, plan.year);
    for (let attempt = 1; ; attempt++) {
      const model = modelOf(plan, numberOf(plan, serial));
      const printed = await printAndStore(core, plan.template.parsed, model, fileBaseName(plan, model.number));
      try {
        const id = write(core, ctx, method, (scope) => storeIssued(core, ctx, scope, plan, serial, model, printed));
        return getNotice(core.sqlite, id);
      } catch (err) {
        discardUnindexed(core, core.sqlite, [printed.pdf, printed.docx]);
        if (!(err instanceof SerialTaken)) throw err;
        if (attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT', '同类文书正在被连续出具，文号一直在变化，请稍后再试');
        core.log.info('notice number taken meanwhile; printing again', { type: plan.type, serial, next: err.next });
        serial = err.next;
      }
    }
  });
}

/** Issues a notice: numbered without gaps, frozen (PDF and DOCX kept with their SHA-256) and filed in the dossier. */
export async function issueNotice(core: Core, ctx: RequestContext, input: FillInput): Promise<Notice> {
  // Before printing: a running import would refuse the write only after the printing.
  if (!core.inJob) core.jobs.assertIdle();
  return issuePlanned(core, ctx, planIssue(core, input));
}

function issuedNotice(core: Core, id: number): Notice {
  return getNotice(core.sqlite, id);
}

/** Voids a notice: it keeps its number and frozen files and shows as voided, and so does its 文书 record. */
export function voidNotice(core: Core, ctx: RequestContext, id: number, reason: string): Notice {
  return write(core, ctx, 'notices.void', (scope) => {
    const n = issuedNotice(core, id);
    if (n.voidedAt) throw new AppError('CONFLICT', `${n.number}已于${chineseDate(todayOf(n.voidedAt))}作废`);
    const now = new Date().toISOString();
    core.sqlite.prepare('UPDATE notices SET voided_at = ?, void_reason = ? WHERE id = ?').run(now, reason, id);
    const record = core.sqlite.prepare('SELECT data FROM dossier_records WHERE id = ?').pluck().get(n.dossierRecordId) as string;
    const data = { ...(JSON.parse(record) as Record<string, unknown>), voided: true };
    core.sqlite
      .prepare('UPDATE dossier_records SET data = ?, summary = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(data), summaryOf('notice', data as never), now, n.dossierRecordId);
    scope.audit({ entity: 'notice', entityId: id, before: { voided: false }, after: { voided: true, number: n.number }, reason });
    return issuedNotice(core, id);
  });
}

const todayOf = (instant: string) => todayInChina(new Date(instant));

/** Records (or corrects) how and when the notice was served, by whom and on whom; audited with the before and after. */
export function recordService(core: Core, ctx: RequestContext, id: number, service: NoticeService): Notice {
  return write(core, ctx, 'notices.recordService', (scope) => {
    const n = issuedNotice(core, id);
    if (n.voidedAt) throw new AppError('CONFLICT', `${n.number}已作废，不能登记送达`);
    if (service.servedOn < n.issuedOn) {
      throw new AppError('VALIDATION', `送达日期：${chineseDate(service.servedOn)}早于文书出具日期${chineseDate(n.issuedOn)}，请核对`, { field: 'service.servedOn' });
    }
    if (service.servedOn > todayInChina()) {
      throw new AppError('VALIDATION', `送达日期：${chineseDate(service.servedOn)}还没有到，请在送达后登记`, { field: 'service.servedOn' });
    }
    core.sqlite.prepare('UPDATE notices SET service = ? WHERE id = ?').run(JSON.stringify(service), id);
    scope.audit({ entity: 'notice', entityId: id, before: { service: n.service }, after: { service, number: n.number } });
    return issuedNotice(core, id);
  });
}
