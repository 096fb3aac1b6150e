// Working days and deadlines against the shipped State Council calendar (resources/holidays).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  coverageWarnings,
  createHolidayCalendar,
  dateOfDayNumber,
  dayNumber,
  deadline,
  HolidayCalendarFile,
  isWorkday,
  workdaysBetween,
} from './workdays';

const raw: unknown = JSON.parse(readFileSync(new URL('../resources/holidays/cn-holidays.json', import.meta.url), 'utf8'));
const file = HolidayCalendarFile.parse(raw);
const cal = createHolidayCalendar(file);
const lastYear = Math.max(...cal.years);

/** Every date from `from` to `to`, both included. */
const datesFrom = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) out.push(dateOfDayNumber(d));
  return out;
};

describe('the shipped holiday file', () => {
  it('validates and covers consecutive years, at least 2020–2026', () => {
    const years = file.years.map((y) => y.year);
    expect(years.length).toBeGreaterThan(0);
    years.forEach((year, i) => {
      if (i > 0) expect(year).toBe(years[i - 1]! + 1);
    });
    for (let year = 2020; year <= 2026; year++) expect(cal.years.has(year), String(year)).toBe(true);
  });

  it('has weekday rest days in every year (at least the Spring Festival)', () => {
    for (const y of file.years) expect(y.offDays.length, String(y.year)).toBeGreaterThanOrEqual(3);
  });

  it('holds the 2026 Spring Festival: 2026-02-15 … 02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    for (const date of datesFrom('2026-02-15', '2026-02-23')) expect(isWorkday(cal, date), date).toBe(false);
    expect(isWorkday(cal, '2026-02-14')).toBe(true);
    expect(isWorkday(cal, '2026-02-28')).toBe(true);
    expect(isWorkday(cal, '2026-02-13')).toBe(true);
    expect(isWorkday(cal, '2026-02-24')).toBe(true);
  });

  it('holds the 2025 National Day: 2025-10-01 … 10-08 off, 09-28 and 10-11 worked', () => {
    for (const date of datesFrom('2025-10-01', '2025-10-08')) expect(isWorkday(cal, date), date).toBe(false);
    expect(isWorkday(cal, '2025-09-28')).toBe(true);
    expect(isWorkday(cal, '2025-10-11')).toBe(true);
    expect(isWorkday(cal, '2025-10-09')).toBe(true);
  });

  it('holds the 2020 Spring Festival as extended to 2020-02-02: the make-up Saturday 02-01 became a rest day', () => {
    expect(isWorkday(cal, '2020-01-31')).toBe(false);
    expect(isWorkday(cal, '2020-02-01')).toBe(false);
    expect(isWorkday(cal, '2020-02-03')).toBe(true);
    expect(isWorkday(cal, '2020-01-19')).toBe(true);
  });

  it('rejects a make-up day that is not on a weekend and a rest day that is', () => {
    const bad = { title: '', note: '', years: [{ year: 2026, offDays: ['2026-02-14'], makeupWorkdays: ['2026-02-16'] }] };
    const result = HolidayCalendarFile.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      '2026-02-14 不是周一至周五，不应列为放假日',
      '2026-02-16 不是周六或周日，不应列为调休上班日',
    ]);
  });

  it('rejects years out of order and dates filed under the wrong year', () => {
    const bad = {
      title: '',
      note: '',
      years: [
        { year: 2026, offDays: ['2025-10-01'], makeupWorkdays: [] },
        { year: 2025, offDays: [], makeupWorkdays: [] },
      ],
    };
    const messages = HolidayCalendarFile.safeParse(bad).error?.issues.map((i) => i.message);
    expect(messages).toContain('2025-10-01 不属于 2026 年');
    expect(messages).toContain('年份应按从早到晚排列且不重复：2026 之后是 2025');
  });
});

describe('isWorkday, addWorkdays, workdaysBetween', () => {
  it('counts a plain week as Monday to Friday', () => {
    // 2026-03-09 is a Monday with no holiday around it.
    expect(datesFrom('2026-03-09', '2026-03-15').map((d) => isWorkday(cal, d))).toEqual([true, true, true, true, true, false, false]);
    expect(addWorkdays(cal, '2026-03-09', 5)).toBe('2026-03-16');
    expect(workdaysBetween(cal, '2026-03-08', '2026-03-15')).toBe(5);
  });

  it('counts the make-up Saturday as a working day', () => {
    expect(addWorkdays(cal, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkdays(cal, '2026-02-14', 1)).toBe('2026-02-24');
    // After 02-13: 02-14 (make-up Sat), 02-24 … 02-27, 02-28 (make-up Sat).
    expect(workdaysBetween(cal, '2026-02-13', '2026-02-28')).toBe(6);
  });

  it('gives the date itself for n = 0, even on a rest day', () => {
    expect(addWorkdays(cal, '2026-02-16', 0)).toBe('2026-02-16');
    expect(workdaysBetween(cal, '2026-02-16', '2026-02-16')).toBe(0);
  });

  it('counts back for negative n, and workdaysBetween undoes addWorkdays both ways', () => {
    expect(addWorkdays(cal, '2026-02-24', -1)).toBe('2026-02-14');
    expect(addWorkdays(cal, '2026-02-24', -2)).toBe('2026-02-13');
    for (const start of ['2026-02-12', '2026-02-16', '2025-09-30', '2026-12-28']) {
      for (const n of [-20, -7, -1, 0, 1, 3, 15, 40]) expect(workdaysBetween(cal, start, addWorkdays(cal, start, n)), `${start} ${n}`).toBe(n);
    }
  });

  it('refuses malformed dates and fractional counts', () => {
    expect(() => isWorkday(cal, '2026-2-3')).toThrow(RangeError);
    expect(() => addWorkdays(cal, '2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkdays(cal, '2026-02-03', 1.5)).toThrow(RangeError);
  });
});

describe('deadline', () => {
  it('ends a 15-working-day objection window opened just before the 2026 Spring Festival on 2026-03-11', () => {
    // 02-13 (Fri) 1, 02-14 (make-up Sat) 2, holiday 02-15 … 02-23, 02-24 … 02-27 3–6,
    // 02-28 (make-up Sat) 7, 03-02 … 03-06 8–12, 03-09 … 03-11 13–15.
    expect(deadline(cal, '2026-02-12', 15, 'working')).toEqual({ date: '2026-03-11', warnings: [] });
    expect(workdaysBetween(cal, '2026-02-12', '2026-03-11')).toBe(15);
  });

  it('moves a calendar-day deadline that lands in the 2025 National Day holiday to 2025-10-09', () => {
    // 2025-09-20 + 15 days = 2025-10-05 (Sunday, inside the 10-01 … 10-08 holiday).
    expect(deadline(cal, '2025-09-20', 15, 'calendar')).toEqual({ date: '2025-10-09', warnings: [] });
    expect(deadline(cal, '2025-09-20', 15, 'calendar', { extendPastRestDays: false }).date).toBe('2025-10-05');
  });

  it('keeps a calendar-day deadline that lands on a make-up Saturday, and moves one landing on a plain Sunday', () => {
    expect(deadline(cal, '2025-09-26', 15, 'calendar').date).toBe('2025-10-11');
    expect(deadline(cal, '2026-03-01', 14, 'calendar').date).toBe('2026-03-16');
  });

  it('warns when the count runs into a year the calendar does not cover', () => {
    const next = lastYear + 1;
    const r = deadline(cal, `${lastYear}-12-20`, 15, 'working');
    expect(r.warnings).toEqual([`${next} 年的节假日安排尚未收录，按普通周末计算，请人工核对`]);
    expect(r.date.startsWith(`${next}-01-`)).toBe(true);
    // Calendar days within a covered year need no warning even though the start is near the end.
    expect(deadline(cal, `${lastYear}-11-01`, 15, 'calendar').warnings).toEqual([]);
    expect(deadline(cal, `${lastYear}-12-25`, 30, 'calendar').warnings).toHaveLength(1);
  });

  it('names every missing year in one warning, and counts them as plain weeks', () => {
    const empty = createHolidayCalendar({ years: [] });
    // 2027-12-31 is a Friday: the next working days are Monday 2028-01-03 and Tuesday 01-04.
    expect(deadline(empty, '2027-12-30', 3, 'working')).toEqual({
      date: '2028-01-04',
      warnings: ['2027、2028 年的节假日安排尚未收录，按普通周末计算，请人工核对'],
    });
    expect(coverageWarnings(empty, '2028-03-01', '2028-02-01')).toEqual(['2028 年的节假日安排尚未收录，按普通周末计算，请人工核对']);
  });

  it('handles n = 0: the start day itself, moved off a rest day unless told not to', () => {
    expect(deadline(cal, '2026-03-10', 0, 'working')).toEqual({ date: '2026-03-10', warnings: [] });
    expect(deadline(cal, '2026-02-16', 0, 'working').date).toBe('2026-02-24');
    expect(deadline(cal, '2026-02-16', 0, 'calendar').date).toBe('2026-02-24');
    expect(deadline(cal, '2026-02-16', 0, 'working', { extendPastRestDays: false }).date).toBe('2026-02-16');
  });

  it('refuses negative or fractional periods', () => {
    expect(() => deadline(cal, '2026-03-10', -1, 'calendar')).toThrow(RangeError);
    expect(() => deadline(cal, '2026-03-10', 2.5, 'working')).toThrow(RangeError);
  });
});
