// The stage a demo record is written on: the enterprise as the demo knows it, the record as a
// clerk would have saved it, the day, the rules and the people, and the date arithmetic the
// generator repeats millions of times (memoised here).
import type { DeadlineRules, RecordKind } from '../../../shared/dossier';
import type { EnterpriseRow } from '../../../shared/enterprise';
import { dateOfDayNumber, dayNumber, deadline as countDeadline, isWorkday, type HolidayCalendar } from '../../../shared/workdays';
import { pick, type Rand } from './names';

/** What the demo knows of an enterprise when it writes its history. */
export interface DemoFirm {
  id: number;
  name: string;
  entityType: EnterpriseRow['entityType'];
  legalRep: string | null;
  address: string | null;
  townshipCode: string | null;
  status: EnterpriseRow['status'];
  supervisionClass: EnterpriseRow['supervisionClass'];
  creditClass: EnterpriseRow['creditClass'];
  establishedOn: string | null;
  tags: string[];
  licences: { kind: string; number: string; scope: string | null; validFrom: string | null; validTo: string | null }[];
}

/** One record as it would be saved; `follow` is the order an unqualified sampling opens (source_id). */
export interface Draft {
  kind: RecordKind;
  on: string;
  data: Record<string, unknown>;
  /** The day it was last saved (the 复查 or the reply entered later); the day it happened otherwise. */
  savedOn?: string;
  follow?: Draft;
}

/** Everything an event needs besides the firm: the dice, the day, the rules and the people. */
export interface Scene {
  rand: Rand;
  today: string;
  cal: HolidayCalendar;
  rules: DeadlineRules;
  /** The firm's township office (所). */
  staff: readonly string[];
  /** County staff (质量科, 执法大队): sampling, interviews, cases. */
  county: readonly string[];
  /** The trade name the firm puts on its products. */
  brand: string;
  /** The firm's last day of business (yesterday for a live one); nothing happens after it. */
  lastDay: number;
  /** A deregistered firm leaves nothing open. */
  closeAll: boolean;
}

// A few thousand distinct days recur millions of times in a big demo: convert and classify each once.
const dayNumbers = new Map<string, number>();
const dates = new Map<number, string>();
const workdays = new WeakMap<HolidayCalendar, Map<number, boolean>>();

/** The day number of a date (memoised). */
export function dn(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) dayNumbers.set(date, (n = dayNumber(date)));
  return n;
}

/** The date of a day number (memoised). */
export function ds(day: number): string {
  let d = dates.get(day);
  if (d === undefined) dates.set(day, (d = dateOfDayNumber(day)));
  return d;
}

/** Whether `day` is a working day under the calendar (memoised). */
function workday(cal: HolidayCalendar, day: number): boolean {
  let known = workdays.get(cal);
  if (!known) workdays.set(cal, (known = new Map()));
  let w = known.get(day);
  if (w === undefined) known.set(day, (w = isWorkday(cal, ds(day))));
  return w;
}

/** A whole number from `lo` to `hi`, both included. */
export const between = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

/** The first working day on or after `day`, or on or before it when that would pass `limit`. */
export function workdayNear(cal: HolidayCalendar, day: number, limit: number): number {
  let d = day;
  while (d < limit && !workday(cal, d)) d++;
  if (workday(cal, d)) return d;
  d = day;
  while (d > day - 10 && !workday(cal, d)) d--;
  return d;
}

/**
 * Whether work due on `due` was done: nearly always once it is long past (offices chase what is
 * overdue), less often the longer it is ahead, so recent months hold the open items.
 */
export function doneBy(sc: Scene, due: number, rates: { old: number; recent: number; ahead: number }): boolean {
  if (sc.closeAll) return true;
  const age = dn(sc.today) - due;
  return sc.rand() < (age > 365 ? 0.998 : age > 90 ? rates.old : age > 0 ? rates.recent : rates.ahead);
}

/** Two different people of `people` (one when there is only one): inspections are never done alone. */
export const pair = (rand: Rand, people: readonly string[]): string[] => {
  const a = pick(rand, people);
  let b = pick(rand, people);
  for (let i = 0; b === a && i < 10; i++) b = pick(rand, people);
  return b === a ? [a] : [a, b];
};

/** The text with its `{n}` replaced by the count. */
export const fill = (text: string, n: number) => text.replace('{n}', String(n));
/** Fen as whole yuan, for the text of a decision. */
export const yuan = (fen: number) => String(Math.round(fen / 100));

/** The deadline of `rule` counted from `start`, exactly as the write path counts it. */
export const dueAfter = (sc: Scene, start: string, rule: { days: number; unit: 'calendar' | 'working' }): string =>
  countDeadline(sc.cal, start, rule.days, rule.unit, { extendPastRestDays: sc.rules.extendPastRestDays }).date;
