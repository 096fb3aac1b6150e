// Between a format definition and the editor's form: header paths as one line ("检查经营主体 / 户次"),
// a column's value as a kind plus one input, code tables as "value=label" lines, footer items
// separated by "|"; and the backend's problem paths mapped back onto those fields.
import type { ReportColumnInput, ReportFormatDefinition, ReportFormatDefinitionInput } from '../../../../shared/report-format';

export type ValueKind = 'field' | 'expr' | 'text' | 'seq' | 'formula';
export const valueKindLabels: Record<ValueKind, string> = { field: '数据字段', expr: '计算式', text: '固定文字', seq: '序号', formula: 'Excel 公式' };

type Align = 'left' | 'center' | 'right';
type Total = 'sum' | 'expr' | 'label' | 'none';

export interface ColumnValues {
  header: string;
  rollupHeader: string | null;
  kind: ValueKind;
  field: string | null;
  expr: string | null;
  text: string | null;
  formula: string | null;
  numFmt: string | null;
  unit: string | null;
  scale: number;
  decimals: number | null;
  width: number;
  align: Align | null;
  wrap: boolean;
  codeTable: string | null;
  required: boolean;
  min: number | null;
  max: number | null;
  total: Total | null;
}

export interface TitleValues {
  text: string;
  height: number | null;
  fontName: string;
  fontSize: number;
  bold: boolean;
  align: Align;
}

export interface FormatValues {
  name: string;
  description: string | null;
  sheetName: string | null;
  title: TitleValues[];
  columns: ColumnValues[];
  codeTables: { name: string; entries: string }[];
  totalRow: boolean;
  totalLabel: string;
  totalPosition: 'top' | 'bottom';
  sortBy: string | null;
  skipEmpty: boolean;
  footer: { items: string }[];
  headerFont: string;
  bodyFont: string;
  fontSize: number;
  orientation: 'landscape' | 'portrait';
  paper: 'A4' | 'A3';
  repeatHeader: boolean;
  fitToWidth: boolean;
  outputType: 'xlsx' | 'csv';
  csvEncoding: 'utf8bom' | 'gbk';
  csvTitle: boolean;
  checkTotals: boolean;
}

const LEVELS = /\s*[/／]\s*/;
/** "检查经营主体 / 户次" → ['检查经营主体', '户次'] */
export const splitPath = (s: string | null | undefined): string[] => (s ?? '').split(LEVELS).map((x) => x.trim()).filter(Boolean);
export const joinPath = (p: readonly string[]): string => p.join(' / ');

const FOOTER_SEP = /\s*[|｜]\s*/;

function kindOf(c: ReportFormatDefinition['columns'][number]): ValueKind {
  if (c.seq) return 'seq';
  if (c.expr !== null) return 'expr';
  if (c.text !== null) return 'text';
  if (c.formula !== null) return 'formula';
  return 'field';
}

export const newColumn = (): ColumnValues => ({
  header: '',
  rollupHeader: null,
  kind: 'field',
  field: null,
  expr: null,
  text: null,
  formula: null,
  numFmt: null,
  unit: null,
  scale: 1,
  decimals: null,
  width: 12,
  align: null,
  wrap: true,
  codeTable: null,
  required: false,
  min: null,
  max: null,
  total: null,
});

export function fromDefinition(d: ReportFormatDefinition): FormatValues {
  return {
    name: d.name,
    description: d.description,
    sheetName: d.sheetName,
    title: d.title.map((t) => ({ text: t.text, height: t.height, fontName: t.font.name, fontSize: t.font.size, bold: t.font.bold, align: t.align })),
    columns: d.columns.map((c) => ({
      ...c,
      header: joinPath(c.header),
      rollupHeader: c.rollupHeader ? joinPath(c.rollupHeader) : null,
      kind: kindOf(c),
    })),
    codeTables: Object.entries(d.codeTables).map(([name, t]) => ({ name, entries: Object.entries(t).map(([v, l]) => `${v}=${l}`).join('\n') })),
    totalRow: d.rows.totalRow !== null,
    totalLabel: d.rows.totalRow?.label ?? '合计',
    totalPosition: d.rows.totalRow?.position ?? 'bottom',
    sortBy: d.rows.sortBy,
    skipEmpty: d.rows.skipEmpty,
    footer: d.footer.map((items) => ({ items: items.join(' | ') })),
    headerFont: d.fonts.header.name,
    bodyFont: d.fonts.body.name,
    fontSize: d.fonts.body.size,
    orientation: d.print.orientation,
    paper: d.print.paper,
    repeatHeader: d.print.repeatHeader,
    fitToWidth: d.print.fitToWidth,
    outputType: d.output.type,
    csvEncoding: d.output.csvEncoding,
    csvTitle: d.output.csvTitle,
    checkTotals: d.checks.totals,
  };
}

const text = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

function column(c: ColumnValues): ReportColumnInput {
  const kind = c.kind ?? 'field';
  return {
    header: splitPath(c.header),
    rollupHeader: splitPath(c.rollupHeader).length ? splitPath(c.rollupHeader) : null,
    field: kind === 'field' ? (c.field ?? '') : null,
    expr: kind === 'expr' ? (c.expr ?? '') : null,
    text: kind === 'text' ? (c.text ?? '') : null,
    seq: kind === 'seq',
    formula: kind === 'formula' ? (c.formula ?? '') : null,
    numFmt: text(c.numFmt),
    unit: text(c.unit),
    scale: c.scale ?? 1,
    decimals: c.decimals ?? null,
    width: c.width ?? 12,
    align: c.align ?? null,
    wrap: c.wrap ?? true,
    codeTable: text(c.codeTable),
    required: !!c.required,
    min: c.min ?? null,
    max: c.max ?? null,
    total: c.total ?? null,
  };
}

function codeTable(entries: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of (entries ?? '').split('\n')) {
    const at = line.search(/[=＝]/);
    if (at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

/**
 * What the backend receives as `definition`: the edited fields over the definition as read, so
 * settings the editor does not show (a title row's height, footer font) are kept as they were.
 */
export function toDefinition(v: FormatValues, base: ReportFormatDefinition): ReportFormatDefinitionInput {
  return {
    ...base,
    name: v.name ?? '',
    description: text(v.description),
    sheetName: text(v.sheetName),
    title: (v.title ?? []).map((t) => ({
      text: t.text ?? '',
      height: t.height ?? null,
      font: { name: t.fontName || '宋体', size: t.fontSize ?? 11, bold: !!t.bold },
      align: t.align ?? 'center',
    })),
    columns: (v.columns ?? []).map(column),
    codeTables: Object.fromEntries((v.codeTables ?? []).filter((t) => text(t.name)).map((t) => [t.name.trim(), codeTable(t.entries)])),
    rows: {
      totalRow: v.totalRow ? { label: text(v.totalLabel) ?? '合计', position: v.totalPosition ?? 'bottom' } : null,
      sortBy: text(v.sortBy),
      skipEmpty: !!v.skipEmpty,
    },
    footer: (v.footer ?? []).map((l) => (l.items ?? '').split(FOOTER_SEP).filter((x) => x.trim())).filter((l) => l.length),
    fonts: {
      header: { ...base.fonts.header, name: v.headerFont || base.fonts.header.name },
      body: { ...base.fonts.body, name: v.bodyFont || base.fonts.body.name, size: v.fontSize ?? base.fonts.body.size },
      footer: { ...base.fonts.footer, name: v.bodyFont || base.fonts.footer.name },
    },
    print: { orientation: v.orientation, paper: v.paper, repeatHeader: !!v.repeatHeader, fitToWidth: !!v.fitToWidth },
    output: { ...base.output, type: v.outputType, csvEncoding: v.csvEncoding, csvTitle: !!v.csvTitle },
    checks: { ...base.checks, totals: !!v.checkTotals },
  };
}

const VALUE_FIELD: Record<ValueKind, keyof ColumnValues> = { field: 'field', expr: 'expr', text: 'text', seq: 'kind', formula: 'formula' };
const TOP: Record<string, (string | number)[]> = {
  name: ['name'],
  description: ['description'],
  sheetName: ['sheetName'],
  'rows.sortBy': ['sortBy'],
  'rows.totalRow.label': ['totalLabel'],
};

/**
 * Where a backend problem belongs in the form: `definition.columns.2.field` → that column's value
 * input. null for problems about the whole format, shown above the form.
 */
export function formPath(field: string, values: FormatValues): (string | number)[] | null {
  const rest = field.replace(/^(definition|report)\.?/, '');
  if (TOP[rest]) return TOP[rest];
  const parts = rest.split('.').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [list, index, name] = parts;
  if (typeof index !== 'number') return null;
  if (list === 'columns') {
    const col = values.columns?.[index];
    if (!col) return null;
    if (name === 'header' || name === 'rollupHeader') return ['columns', index, name];
    if (name === 'field' || name === 'expr' || name === 'text' || name === 'formula' || name === 'seq' || name === undefined) return ['columns', index, VALUE_FIELD[col.kind]];
    return typeof name === 'string' && name in col ? ['columns', index, name] : ['columns', index, 'header'];
  }
  if (list === 'title') return ['title', index, 'text'];
  if (list === 'footer') return ['footer', index, 'items'];
  return null;
}

export interface HeaderCellDraft {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * The merged header the columns make: adjacent columns with the same path down to a level share a
 * cell; a path shorter than the deepest one is merged down. The unit goes after the last text.
 */
export function headerCells(columns: { header: string[]; unit: string | null }[]): { cells: HeaderCellDraft[]; depth: number } {
  const paths = columns.map((c) => {
    const p = c.header.length ? [...c.header] : [''];
    if (c.unit) p[p.length - 1] = `${p[p.length - 1]}（${c.unit}）`;
    return p;
  });
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const cells: HeaderCellDraft[] = [];
  for (let level = 0; level < depth; level++) {
    for (let col = 0; col < paths.length; ) {
      const p = paths[col]!;
      if (p.length <= level) {
        col++;
        continue;
      }
      const key = p.slice(0, level + 1).join('\u0000');
      const last = level === p.length - 1;
      let span = 1;
      // Only inner levels merge across columns; a column's own last text stays its own cell.
      while (!last && col + span < paths.length) {
        const q = paths[col + span]!;
        if (q.length <= level + 1 || q.slice(0, level + 1).join('\u0000') !== key) break;
        span++;
      }
      cells.push({ text: p[level]!, row: level, col, rowSpan: last ? depth - level : 1, colSpan: span });
      col += span;
    }
  }
  return { cells, depth };
}
