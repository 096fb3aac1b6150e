// Writes a laid-out table as CSV for systems that import CSV: header paths flattened into one
// row, UTF-8 with BOM or GBK as the format says. Text that a spreadsheet would read as a formula
// (= + - @ at the start) gets a leading apostrophe; only `formula` columns write formulas.
import iconv from 'iconv-lite';
import type { BuiltTable } from './build';
import type { Cell, TableRow } from './table';

const DANGEROUS = /^[=+\-@\t\r]/;

const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const textOf = (c: Cell): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  if (typeof c === 'string') return quote(DANGEROUS.test(c) ? `'${c}` : c);
  return quote(`=${c.formula}`);
};

/** The CSV bytes and the number of data rows. */
export function reportCsv(t: BuiltTable, onTableRow?: (r: TableRow) => void): { bytes: Buffer; rows: number } {
  const d = t.format.definition;
  const lines: string[] = [];
  const n = t.layout.columns.length;
  const pad = (first: string) => [quote(first), ...Array<string>(n - 1).fill('')].join(',');
  if (d.output.csvTitle) for (const title of t.layout.title) lines.push(pad(title));
  lines.push(t.layout.columns.map((c) => textOf(c.path.join(d.output.csvHeaderJoin))).join(','));
  let rows = 0;
  for (const r of t.rows()) {
    onTableRow?.(r);
    lines.push(r.cells.map(textOf).join(','));
    if (!r.total) rows++;
  }
  if (d.output.csvTitle) for (const line of t.layout.footer) lines.push(pad(line.join('　')));
  const text = `${lines.join('\r\n')}\r\n`;
  const bytes = d.output.csvEncoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return { bytes, rows };
}
