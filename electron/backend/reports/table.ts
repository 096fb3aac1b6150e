// Lays a format over a source's rows: resolved titles and footer, the merged header grid, and the
// cells of every row as they are written (scaled, rounded, codes as labels) with the 合计 row.
// The writers (xlsx, csv), the preview and the checks all take their cells from here.
import type { HeaderCell, ReportParams } from '../../../shared/report';
import type { ReportColumn, ReportFormatDefinition } from '../../../shared/report-format';
import { todayInChina } from '../../../shared/dates';
import { evalExpr, parseExpr, type Expr } from './expr';
import type { DataRow, SourceData, Value } from './data';

export type Cell = Value | { formula: string };

export interface LaidColumn {
  def: ReportColumn;
  index: number;
  /** Header path as shown (roll-up header, unit appended). */
  path: string[];
  name: string;
  expr: Expr | null;
  total: 'sum' | 'expr' | 'label' | 'none';
  numeric: boolean;
}

export interface Layout {
  columns: LaidColumn[];
  title: string[];
  header: HeaderCell[];
  headerRows: number;
  footer: string[][];
  /** 1-based sheet row of the first header row. */
  headerTop: number;
}

export interface TableRow {
  sheetRow: number;
  total: boolean;
  cells: Cell[];
  /** What the row is about, for findings (the township, the enterprise…). */
  label: string | null;
  /** The source values (null for the 合计 row). */
  data: DataRow | null;
}

export interface Fill {
  office: string;
  county: string;
  preparer: string;
  phone: string;
  today: string;
}

const chineseDate = (d: string) => d.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

/** Replaces {office} {period} … in a text; unknown placeholders stay as written. */
export function fillText(text: string, data: Pick<SourceData, 'campaign' | 'from' | 'to'>, fill: Fill): string {
  const values: Record<string, string> = {
    office: fill.office,
    county: fill.county,
    period: data.from && data.to ? `${chineseDate(data.from)}至${chineseDate(data.to)}` : '',
    from: data.from ? chineseDate(data.from) : '',
    to: data.to ? chineseDate(data.to) : '',
    year: (data.to ?? fill.today).slice(0, 4),
    campaign: data.campaign ?? '',
    today: chineseDate(fill.today),
    preparer: fill.preparer,
    phone: fill.phone,
  };
  return text.replace(/\{([a-z]+)\}/g, (m, k: string) => values[k] ?? m);
}

/** The fill-ins of the title and footer from the office settings and the export parameters. */
export function fillOf(office: { name: string; countyName: string } | null, params: ReportParams): Fill {
  return { office: office?.name ?? '', county: office?.countyName ?? '', preparer: params.preparer ?? '', phone: params.phone ?? '', today: todayInChina() };
}

function totalMode(c: ReportColumn, i: number, cols: readonly ReportColumn[], numericFields: ReadonlySet<string>): LaidColumn['total'] {
  if (c.total) return c.total;
  if (c.expr) return 'expr';
  if (c.field && numericFields.has(c.field)) return 'sum';
  const firstText = cols.findIndex((x) => x.field !== null && !numericFields.has(x.field));
  return firstText === i ? 'label' : 'none';
}

/** The header grid: same text at the same level of adjacent columns under the same parent is one merged cell; a short path is merged down. */
export function headerGrid(paths: readonly string[][]): { cells: HeaderCell[]; rows: number } {
  const depth = Math.max(...paths.map((p) => p.length));
  const cells: HeaderCell[] = [];
  for (let level = 0; level < depth; level++) {
    for (let col = 0; col < paths.length; ) {
      const p = paths[col]!;
      if (level >= p.length) {
        col++;
        continue;
      }
      const leaf = level === p.length - 1;
      let span = 1;
      if (!leaf) {
        const prefix = p.slice(0, level + 1).join('\u0000');
        while (col + span < paths.length) {
          const q = paths[col + span]!;
          if (q.length - 1 <= level || q.slice(0, level + 1).join('\u0000') !== prefix) break;
          span++;
        }
      }
      cells.push({ text: p[level]!, row: level, col, rowSpan: leaf ? depth - level : 1, colSpan: span });
      col += span;
    }
  }
  return { cells, rows: depth };
}

/** Resolves a format for one export: columns with their compiled expressions and total modes, titles, header and footer. */
export function layOut(d: ReportFormatDefinition, data: SourceData, fill: Fill, numericFields: ReadonlySet<string>, rollup: boolean): Layout {
  const columns = d.columns.map((c, i): LaidColumn => {
    const base = [...(rollup && c.rollupHeader ? c.rollupHeader : c.header)];
    if (c.unit) base[base.length - 1] = `${base[base.length - 1]!}（${c.unit}）`;
    return {
      def: c,
      index: i,
      path: base,
      name: base.join(''),
      expr: c.expr ? parseExpr(c.expr) : null,
      total: totalMode(c, i, d.columns, numericFields),
      numeric: c.seq || c.expr !== null || (c.field !== null && numericFields.has(c.field)),
    };
  });
  const grid = headerGrid(columns.map((c) => c.path));
  return {
    columns,
    title: d.title.map((t) => fillText(t.text, data, fill)),
    header: grid.cells,
    headerRows: grid.rows,
    footer: d.footer.map((line) => line.map((t) => fillText(t, data, fill))),
    headerTop: d.title.length + 1,
  };
}

const round = (v: number, decimals: number | null): number => {
  if (decimals === null) return Math.round(v * 1e6) / 1e6;
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
};

/** A number as written: scaled and rounded. */
const shown = (c: ReportColumn, v: number | null): number | null => (v === null ? null : round(v * c.scale, c.decimals));

function cellOf(col: LaidColumn, d: ReportFormatDefinition, row: DataRow, seq: number, sheetRow: number): Cell {
  const c = col.def;
  if (c.seq) return seq;
  if (c.text !== null) return c.text;
  if (c.formula !== null) return { formula: c.formula.replace(/\{r\}/g, String(sheetRow)) };
  if (col.expr) return shown(c, evalExpr(col.expr, row));
  const v = row[c.field ?? ''] ?? null;
  if (typeof v === 'number') return shown(c, v);
  if (v !== null && c.codeTable) return d.codeTables[c.codeTable]?.[v] ?? v;
  return v === '' ? null : v;
}

/** The label of a row for messages: its first text field's value. */
const rowLabel = (layout: Layout, row: DataRow): string | null => {
  const col = layout.columns.find((c) => c.def.field && !c.numeric);
  const v = col ? row[col.def.field!] : null;
  return v === null || v === undefined ? null : String(v);
};

/** Sums of the number fields over the rows, the source's own totals taking precedence. */
export function totalsOf(layout: Layout, data: SourceData, rows: Iterable<DataRow>): { shown: DataRow; summed: Record<string, number> } {
  const summed: Record<string, number> = {};
  const keys = layout.columns.flatMap((c) => (c.numeric && c.def.field ? [c.def.field] : []));
  const exprKeys = layout.columns.flatMap((c) => (c.expr ? collect(c.expr) : []));
  for (const k of [...keys, ...exprKeys]) summed[k] = 0;
  // Nothing to add up (a list like the registry): no pass over the rows.
  if (Object.keys(summed).length === 0) return { shown: { ...(data.totals ?? {}) }, summed };
  for (const r of rows) {
    for (const k of Object.keys(summed)) {
      const v = r[k];
      if (typeof v === 'number') summed[k] = summed[k]! + v;
    }
  }
  for (const k of Object.keys(summed)) summed[k] = Math.round(summed[k]! * 1e6) / 1e6;
  return { shown: { ...summed, ...(data.totals ?? {}) }, summed };
}

const collect = (e: Expr): string[] => (e.kind === 'field' ? [e.key] : e.kind === 'neg' ? collect(e.arg) : e.kind === 'bin' ? [...collect(e.left), ...collect(e.right)] : []);

/** The rows in the order the format asks (sorted, empty ones skipped). */
export function orderedRows(d: ReportFormatDefinition, layout: Layout, data: SourceData): Iterable<DataRow> {
  const numericFields = layout.columns.flatMap((c) => (c.numeric && c.def.field ? [c.def.field] : []));
  const keep = (r: DataRow) => !d.rows.skipEmpty || numericFields.some((k) => typeof r[k] === 'number' && r[k] !== 0);
  if (!d.rows.sortBy && !d.rows.skipEmpty) return data.rows();
  const key = d.rows.sortBy;
  if (!key) return { *[Symbol.iterator]() { for (const r of data.rows()) if (keep(r)) yield r; } };
  const all = [...data.rows()].filter(keep);
  return all.sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? ''), 'zh-CN', { numeric: true }));
}

/** Every written row, 合计 included where the format puts it; sheet rows numbered from below the header. */
export function* tableRows(d: ReportFormatDefinition, layout: Layout, rows: Iterable<DataRow>, totals: DataRow | null): Generator<TableRow> {
  let sheetRow = layout.headerTop + layout.headerRows - 1;
  const totalRow = (): TableRow => {
    const cells = layout.columns.map((col): Cell => {
      if (col.total === 'label') return d.rows.totalRow?.label ?? '合计';
      if (col.total === 'none' || !totals) return col.def.formula ? { formula: col.def.formula.replace(/\{r\}/g, String(sheetRow)) } : null;
      if (col.total === 'expr' && col.expr) return shown(col.def, evalExpr(col.expr, totals));
      const v = totals[col.def.field ?? ''];
      return typeof v === 'number' ? shown(col.def, v) : null;
    });
    return { sheetRow, total: true, cells, label: d.rows.totalRow?.label ?? '合计', data: null };
  };
  const position = d.rows.totalRow?.position ?? null;
  if (position === 'top') {
    sheetRow++;
    yield totalRow();
  }
  let seq = 0;
  for (const r of rows) {
    sheetRow++;
    seq++;
    yield { sheetRow, total: false, cells: layout.columns.map((c) => cellOf(c, d, r, seq, sheetRow)), label: rowLabel(layout, r), data: r };
  }
  if (position === 'bottom') {
    sheetRow++;
    yield totalRow();
  }
}
