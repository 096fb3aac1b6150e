// Deadlines opened by records: derived from a record's fields every time it is saved, so that
// they can never disagree with the record. The home page lists the open ones across the county.
import { addDays, todayInChina } from '../../../shared/dates';
import {
  deadlineKindLabels, type Deadline, type DeadlineKind, type DeadlineRules, type DueList, type RecordKind,
} from '../../../shared/dossier';
import { deadline as countDeadline, type HolidayCalendar } from '../../../shared/workdays';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/open';

export interface DerivedDeadline {
  kind: DeadlineKind;
  startOn: string;
  dueOn: string;
  doneOn: string | null;
  warnings: string[];
}

type Fields = Record<string, unknown>;
const str = (d: Fields, k: string): string | null => (typeof d[k] === 'string' && d[k] ? (d[k] as string) : null);

/** The deadlines a record of `kind` opens, with whether each is done, under the given rules and calendar. */
export function deriveDeadlines(kind: RecordKind, occurredOn: string, data: Fields, rules: DeadlineRules, cal: HolidayCalendar): DerivedDeadline[] {
  const counted = (k: DeadlineKind, start: string, rule: { days: number; unit: 'calendar' | 'working' }, doneOn: string | null) => {
    const d = countDeadline(cal, start, rule.days, rule.unit, { extendPastRestDays: rules.extendPastRestDays });
    return { kind: k, startOn: start, dueOn: d.date, doneOn, warnings: d.warnings };
  };
  switch (kind) {
    case 'sampling': {
      // The enterprise may object within the window after it receives the result (异议/复检).
      const received = str(data, 'resultReceivedOn') ?? occurredOn;
      return [counted('objection', received, rules.objection, null)];
    }
    case 'rectification': {
      const recheckOn = str(data, 'recheckOn');
      const out: DerivedDeadline[] = [
        { kind: 'correct', startOn: occurredOn, dueOn: str(data, 'deadlineOn') ?? occurredOn, doneOn: recheckOn, warnings: [] },
      ];
      const recheckDue = str(data, 'recheckDueOn');
      if (recheckDue) out.push({ kind: 'recheck', startOn: occurredOn, dueOn: recheckDue, doneOn: recheckOn, warnings: [] });
      return out;
    }
    case 'complaint': {
      const received = str(data, 'receivedOn') ?? occurredOn;
      return [counted('reply', received, rules.complaintReply, str(data, 'repliedOn'))];
    }
    case 'supervision': {
      const due = str(data, 'deadlineOn');
      return due ? [{ kind: 'supervision', startOn: occurredOn, dueOn: due, doneOn: str(data, 'closedOn'), warnings: [] }] : [];
    }
    default:
      return [];
  }
}

// Prepared once per connection: the demo writes millions of deadlines through here.
const statements = new WeakMap<Sqlite, { remove: Statement; insert: Statement }>();
function statementsOf(sqlite: Sqlite) {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      remove: sqlite.prepare('DELETE FROM deadlines WHERE record_id = ?'),
      insert: sqlite.prepare(
        `INSERT INTO deadlines (record_id, enterprise_id, kind, start_on, due_on, status, done_on, warnings, township_code)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    statements.set(sqlite, s);
  }
  return s;
}

/** Replaces the deadlines of a record (cancelled ones too when the record is voided). */
export function writeDeadlines(
  sqlite: Sqlite,
  record: { id: number; enterpriseId: number; townshipCode: string | null; voided: boolean },
  derived: DerivedDeadline[],
): void {
  const { remove, insert } = statementsOf(sqlite);
  remove.run(record.id);
  for (const d of derived) {
    const status = record.voided ? 'cancelled' : d.doneOn ? 'done' : 'open';
    insert.run(record.id, record.enterpriseId, d.kind, d.startOn, d.dueOn, status, d.doneOn, JSON.stringify(d.warnings), record.townshipCode);
  }
}

export interface DeadlineRow {
  id: number;
  record_id: number;
  enterprise_id: number;
  kind: DeadlineKind;
  start_on: string;
  due_on: string;
  status: Deadline['status'];
  done_on: string | null;
  warnings: string;
  township_code: string | null;
  enterprise_name: string;
  record_kind: RecordKind;
}

/** The columns DeadlineRow needs, for a query over `deadlines d JOIN enterprises e JOIN dossier_records r`. */
export const DEADLINE_COLUMNS = `d.id, d.record_id, d.enterprise_id, d.kind, d.start_on, d.due_on, d.status, d.done_on, d.warnings,
  d.township_code, e.name AS enterprise_name, r.kind AS record_kind`;

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/** A stored deadline as the contract shows it, with days left counted from `today`. */
export function toDeadline(r: DeadlineRow, today: string): Deadline {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    townshipCode: r.township_code,
    recordId: r.record_id,
    recordKind: r.record_kind,
    kind: r.kind,
    title: deadlineKindLabels[r.kind],
    startOn: r.start_on,
    dueOn: r.due_on,
    daysLeft: daysBetween(today, r.due_on),
    doneOn: r.done_on,
    status: r.status,
    warnings: JSON.parse(r.warnings) as string[],
  };
}

/**
 * Open deadlines across the county: overdue ones (an objection window that ran out is not work
 * left undone, so it is not listed as overdue) and those due within `days` from today.
 */
export function dueList(sqlite: Sqlite, input: { days: number; townshipCode: string | null; limit: number }, today = todayInChina()): DueList {
  const last = addDays(today, input.days - 1);
  const town = input.townshipCode ? 'AND d.township_code = @town' : '';
  // The overdue list reads the partial index of open deadlines that are work (not lapsed objection
  // windows, which pile up with every sampling); SQLite does not pick a partial index by itself.
  const overdue = { hint: 'INDEXED BY deadlines_overdue_idx', where: `d.status = 'open' AND d.kind != 'objection' AND d.due_on < @today ${town}` };
  const soon = { hint: '', where: `d.status = 'open' AND d.due_on BETWEEN @today AND @last ${town}` };
  const params = { today, last, town: input.townshipCode, limit: input.limit };
  const rows = (q: { hint: string; where: string }) =>
    (
      sqlite
        .prepare(
          `SELECT ${DEADLINE_COLUMNS} FROM deadlines d ${q.hint} JOIN enterprises e ON e.id = d.enterprise_id
           JOIN dossier_records r ON r.id = d.record_id WHERE ${q.where} ORDER BY d.due_on, d.id LIMIT @limit`,
        )
        .all(params) as DeadlineRow[]
    ).map((r) => toDeadline(r, today));
  const count = (q: { hint: string; where: string }) =>
    (sqlite.prepare(`SELECT count(*) AS n FROM deadlines d ${q.hint} WHERE ${q.where}`).get(params) as { n: number }).n;
  return {
    today,
    overdue: rows(overdue),
    overdueTotal: count(overdue),
    dueSoon: rows(soon),
    dueSoonTotal: count(soon),
  };
}
