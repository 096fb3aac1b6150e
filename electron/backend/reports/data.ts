// The shape every data source hands to the table builder: rows of field values (re-iterable, so a
// large registry is read twice from SQLite instead of held in memory), the source's own totals
// when it has them, and what the title and footer placeholders need.
import { OfficeSettings } from '../../../shared/office';
import type { Sqlite } from '../db/open';
import { countyByCode } from '../divisions/divisions';
import { readSetting } from '../settings/store';

export type Value = string | number | null;
export type DataRow = Record<string, Value>;

export interface SourceData {
  /** Each call iterates the rows from the start. */
  rows: () => Iterable<DataRow>;
  count: number;
  /** Totals the source computed itself (a campaign's tally), compared with the sum of the rows; null: none. */
  totals: Record<string, number> | null;
  /** Totals that legitimately differ from the sum of rows (户 counted once across townships). */
  distinctTotals: string[];
  campaign: string | null;
  from: string | null;
  to: string | null;
}

/** The office settings with the county's short name (华容县), or null when 本单位设置 is not filled in yet. */
export function officeOf(sqlite: Sqlite): OfficeSettings | null {
  const parsed = OfficeSettings.safeParse(readSetting(sqlite, 'office'));
  if (!parsed.success) return null;
  return { ...parsed.data, countyName: countyByCode(parsed.data.countyCode)?.name ?? parsed.data.countyName };
}

/** A source over rows already in memory. */
export function listData(rows: DataRow[], rest: Omit<SourceData, 'rows' | 'count'>): SourceData {
  return { rows: () => rows, count: rows.length, ...rest };
}
