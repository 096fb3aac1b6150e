// Chinese working days (工作日) and deadlines (期限). A working day is Monday to Friday, except the
// rest days of the State Council's yearly arrangement (国务院办公厅关于X年部分节假日安排的通知),
// plus the weekend days that arrangement makes working days (调休上班). Years the calendar does not
// cover are counted as plain weeks, and every deadline that relies on one says so in a warning.
import { z } from 'zod';
import { isIsoDate, isoDate } from './dates';

const MS_PER_DAY = 86_400_000;

/** The day number of a YYYY-MM-DD date; throws RangeError on anything else. */
export function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`日期应为 YYYY-MM-DD 格式：${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

// 1970-01-01 was a Thursday; the double modulo keeps dates before 1970 in 0–6 as well.
const isWeekend = (day: number): boolean => {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
};

const yearOf = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();

/** One year of the arrangement, as shipped in resources/holidays/cn-holidays.json. */
export const HolidayYear = z.object({
  year: z.number().int().min(1900).max(2199),
  /** Monday–Friday dates that are rest days (the holiday span and 调休放假). */
  offDays: z.array(isoDate),
  /** Saturday/Sunday dates that are working days (调休上班). */
  makeupWorkdays: z.array(isoDate),
});
export type HolidayYear = z.infer<typeof HolidayYear>;

/** The shipped holiday file: checked so that a wrong entry cannot silently shift a deadline. */
export const HolidayCalendarFile = z
  .object({ title: z.string(), note: z.string(), years: z.array(HolidayYear) })
  .superRefine((file, ctx) => {
    const problem = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    file.years.forEach((y, i) => {
      const previous = file.years[i - 1];
      if (previous && previous.year >= y.year) problem(`年份应按从早到晚排列且不重复：${previous.year} 之后是 ${y.year}`, ['years', i, 'year']);
      const check = (key: 'offDays' | 'makeupWorkdays', weekend: boolean, what: string) => {
        const seen = new Set<string>();
        y[key].forEach((date, j) => {
          const path = ['years', i, key, j];
          if (seen.has(date)) problem(`${date} 重复出现`, path);
          seen.add(date);
          if (!date.startsWith(`${y.year}-`)) problem(`${date} 不属于 ${y.year} 年`, path);
          else if (isIsoDate(date) && isWeekend(dayNumber(date)) !== weekend) problem(`${date} 不是${what}`, path);
        });
      };
      check('offDays', false, '周一至周五，不应列为放假日');
      check('makeupWorkdays', true, '周六或周日，不应列为调休上班日');
    });
  });
export type HolidayCalendarFile = z.infer<typeof HolidayCalendarFile>;

/**
 * The arrangement ready for counting. Dates are held as day numbers (days since 1970-01-01) so
 * that walking a period day by day is integer arithmetic and one Set lookup, not string work.
 */
export interface HolidayCalendar {
  /** Years whose arrangement is included. */
  readonly years: ReadonlySet<number>;
  /** Monday–Friday rest days, as day numbers. */
  readonly offDays: ReadonlySet<number>;
  /** Saturday/Sunday working days, as day numbers. */
  readonly makeupWorkdays: ReadonlySet<number>;
}

/** Builds the calendar from checked file contents; `{ years: [] }` gives one that covers no year. */
export function createHolidayCalendar(file: { years: readonly HolidayYear[] }): HolidayCalendar {
  return {
    years: new Set(file.years.map((y) => y.year)),
    offDays: new Set(file.years.flatMap((y) => y.offDays.map(dayNumber))),
    makeupWorkdays: new Set(file.years.flatMap((y) => y.makeupWorkdays.map(dayNumber))),
  };
}

const workdayAt = (cal: HolidayCalendar, day: number): boolean =>
  cal.makeupWorkdays.has(day) || (!cal.offDays.has(day) && !isWeekend(day));

/** The day `n` working days after `day` (before it when n < 0); `day` itself is never counted. */
function stepWorkdays(cal: HolidayCalendar, day: number, n: number): number {
  if (!Number.isInteger(n)) throw new RangeError(`工作日天数应为整数：${n}`);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (workdayAt(cal, day)) left--;
  }
  return day;
}

/** True when `date` is a working day: a weekday not given off, or a 调休 working weekend day. */
export function isWorkday(cal: HolidayCalendar, date: string): boolean {
  return workdayAt(cal, dayNumber(date));
}

/** The n-th working day after `date` (not counting `date`); n < 0 counts back; n = 0 gives `date`. */
export function addWorkdays(cal: HolidayCalendar, date: string, n: number): string {
  return dateOfDayNumber(stepWorkdays(cal, dayNumber(date), n));
}

/**
 * Working days after `from` up to and including `to`; negative, counting `to` but not `from`, when
 * `to` is earlier. So `workdaysBetween(cal, d, addWorkdays(cal, d, n)) === n` for every n.
 */
export function workdaysBetween(cal: HolidayCalendar, from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  let count = 0;
  if (a <= b) {
    for (let day = a + 1; day <= b; day++) if (workdayAt(cal, day)) count++;
    return count;
  }
  for (let day = b; day < a; day++) if (workdayAt(cal, day)) count++;
  return -count;
}

/** One warning naming every year from `from` to `to` (either order) the calendar lacks; none if it has them all. */
export function coverageWarnings(cal: HolidayCalendar, from: string, to: string): string[] {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return missingYears(cal, Math.min(a, b), Math.max(a, b));
}

function missingYears(cal: HolidayCalendar, first: number, last: number): string[] {
  const missing: number[] = [];
  for (let year = yearOf(first); year <= yearOf(last); year++) if (!cal.years.has(year)) missing.push(year);
  return missing.length ? [`${missing.join('、')} 年的节假日安排尚未收录，按普通周末计算，请人工核对`] : [];
}

export type DeadlineUnit = 'calendar' | 'working';

export interface DeadlineOptions {
  /**
   * When the last day of the period is a rest day, the period ends on the next working day
   * (期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期). On by default.
   */
  extendPastRestDays?: boolean;
}

export interface Deadline {
  /** The last day of the period. */
  date: string;
  /** Chinese sentences for the clerk when the result relies on years the calendar lacks. */
  warnings: string[];
}

/**
 * The last day of a period of `days` calendar or working days starting after `start` (the start
 * day is not counted), moved past rest days unless `extendPastRestDays` is false.
 */
export function deadline(cal: HolidayCalendar, start: string, days: number, unit: DeadlineUnit, options: DeadlineOptions = {}): Deadline {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`期限天数应为非负整数：${days}`);
  const extend = options.extendPastRestDays ?? true;
  const first = dayNumber(start);
  const countsWorkdays = unit === 'working' && days > 0;
  let end = unit === 'calendar' ? first + days : stepWorkdays(cal, first, days);
  // The days whose kind (working or rest) decided the result: only those can be wrong for a missing year.
  const decidedFrom = countsWorkdays ? first + 1 : end;
  if (extend) while (!workdayAt(cal, end)) end++;
  const warnings = countsWorkdays || extend ? missingYears(cal, decidedFrom, end) : [];
  return { date: dateOfDayNumber(end), warnings };
}
