// The periods a tally is asked for: 本周 (weeks start on Monday), 本月, 自开始以来, or any range.
import { addDays, todayInChina } from '../../../../shared/dates';

export type PeriodKind = 'week' | 'month' | 'all' | 'custom';

export interface Period {
  from: string;
  to: string;
}

/** Monday of the week `date` is in. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

function lastOfMonth(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The dates of a period as of `today`; a campaign's whole period runs from its start to today. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, startsOn: string, today = todayInChina()): Period {
  switch (kind) {
    case 'week': {
      const from = mondayOf(today);
      return { from, to: addDays(from, 6) };
    }
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: lastOfMonth(today) };
    case 'all':
      return { from: startsOn, to: today < startsOn ? startsOn : today };
  }
}

/** 2026-04-13 → 2026年4月13日 (as the printed title writes dates). */
export const chineseDate = (d: string): string => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
