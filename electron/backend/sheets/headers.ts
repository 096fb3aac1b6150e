// Finding the header row of an office's spreadsheet and which column holds which field. Files
// start with title lines ("华容县市场主体名录", "填报单位：…"), mark required columns with * or
// "（必填）", and name the same column a dozen ways; the alias lists live with each domain.

/** Rows looked at for the header. */
export const HEADER_SCAN_ROWS = 20;

const EXACT = 3000;
const PART = 2000;
const SUFFIX = 1000;

/** A header cell reduced to what identifies it: 全角→半角, no spaces, no * marks, no colon at the end. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\*/g, '')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}

/** The same without bracketed notes: 名称(必填) → 名称, 成立日期【格式:2020-01-01】 → 成立日期. */
const withoutNotes = (normalised: string): string => normalised.replace(/\([^)]*\)|\[[^\]]*]|【[^】]*】|<[^>]*>/g, '');

interface Alias {
  full: string;
  bare: string;
}

function prepare<K extends string>(aliases: Record<K, readonly string[]>): [K, Alias[]][] {
  return (Object.keys(aliases) as K[]).map((field) => [
    field,
    aliases[field].map((a) => {
      const full = normaliseHeader(a);
      return { full, bare: withoutNotes(full) };
    }),
  ]);
}

/**
 * How well a header cell names a field: exact (with or without bracketed notes) beats one part of
 * "企业名称/字号" which beats a name ending in an alias (经营者联系电话 → 联系电话). Among exact
 * matches the leftmost column wins; among partial ones the longer alias. Ending, not containing:
 * in Chinese the head noun comes last, so 网格员 is not a 网格 and 原企业名称 is not a 企业名称.
 * Zero means no match.
 */
function score(cell: string, aliases: readonly Alias[]): { score: number; exact: boolean } {
  const full = normaliseHeader(cell);
  if (full === '') return { score: 0, exact: false };
  const bare = withoutNotes(full);
  const parts = bare.split(/[/、|或]/).filter(Boolean);
  let best = 0;
  let exact = false;
  for (const a of aliases) {
    if (a.bare === '') continue;
    if (full === a.full || bare === a.bare) {
      best = Math.max(best, EXACT);
      exact = true;
    } else if (parts.length > 1 && parts.includes(a.bare)) {
      best = Math.max(best, PART + a.bare.length);
    } else if (bare.length > a.bare.length && bare.endsWith(a.bare) && a.bare.length >= 2) {
      best = Math.max(best, SUFFIX + a.bare.length);
    }
  }
  return { score: best, exact };
}

interface RowMatch<K extends string> {
  mapping: Partial<Record<K, number>>;
  count: number;
  exact: number;
}

function matchRow<K extends string>(cells: readonly (string | null)[], fields: [K, Alias[]][]): RowMatch<K> {
  const candidates: { field: K; fieldOrder: number; column: number; score: number; exact: boolean }[] = [];
  cells.forEach((cell, column) => {
    if (!cell) return;
    fields.forEach(([field, aliases], fieldOrder) => {
      const s = score(cell, aliases);
      if (s.score > 0) candidates.push({ field, fieldOrder, column, ...s });
    });
  });
  // Best pairs first; on a tie the leftmost column, then the field listed first.
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || a.fieldOrder - b.fieldOrder);
  const mapping: Partial<Record<K, number>> = {};
  const usedColumns = new Set<number>();
  let count = 0;
  let exact = 0;
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || usedColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    usedColumns.add(c.column);
    count++;
    if (c.exact) exact++;
  }
  return { mapping, count, exact };
}

/**
 * The header row among the first 20 rows (index into `rows`) and the column (0-based) of each
 * field it recognises: the row recognising the most fields, at least two of them including
 * `requiredField`; null if no row does. Each field gets at most one column and each column at
 * most one field.
 */
export function detectHeader<K extends string>(
  rows: readonly (readonly (string | null)[])[],
  aliases: Record<K, readonly string[]>,
  requiredField: K | 'name' = 'name',
): { headerIndex: number; mapping: Partial<Record<K, number>> } | null {
  const fields = prepare(aliases);
  let best: (RowMatch<K> & { index: number }) | null = null;
  const scanned = rows.slice(0, HEADER_SCAN_ROWS);
  for (let index = 0; index < scanned.length; index++) {
    const m = matchRow(scanned[index] ?? [], fields);
    if (m.count < 2 || m.mapping[requiredField as K] === undefined) continue;
    if (!best || m.count > best.count || (m.count === best.count && m.exact > best.exact)) best = { ...m, index };
  }
  return best ? { headerIndex: best.index, mapping: best.mapping } : null;
}
