// Fills a parsed template from a model: every placeholder becomes text as the notice prints it
// (dates 2026年11月30日, lists joined by 、, money in yuan), a missing value becomes a blank to fill
// by hand, `[[ … ]]` segments with a missing value drop out, and a value's line breaks start new
// paragraphs. The HTML and DOCX writers lay out the result; neither looks at the model itself.
import { isIsoDate } from '../../../../shared/dates';
import { PartyBlock, type NoticeModel } from '../../../../shared/notice';
import { chineseDate } from '../../pdf/html';
import { yuanText } from './capital';
import { PARTY_LABELS, tokenize, type Token } from './template';
import type { ParsedTemplate, TemplateBlock } from './types';

/** What a preview prints in place of the document number. */
export const PREVIEW_NUMBER = '〔预览，未编号〕';
/** A blank to fill in by hand (printed underlined): six ideographic spaces. */
export const BLANK_TEXT = '\u3000'.repeat(6);
/** An unknown service date, left for the server to write in. */
const HANDWRITTEN_DATE = '\u3000年\u3000月\u3000日';
/** A 送达回证 has room for at least this many documents (empty rows are filled in by hand). */
const MIN_SERVICE_ROWS = 3;

/** A piece of printed text: plain, a blank to fill in by hand, or the grey preview marker. */
export interface Run {
  text: string;
  style?: 'blank' | 'preview';
}

export interface ServiceTableRow {
  document: string;
  place: string | null;
  method: string | null;
  servedOn: string | null;
  server: string | null;
}

/** A block ready to lay out. */
export type FilledBlock =
  | { kind: 'title' | 'heading' | 'paragraph' | 'flush'; runs: Run[] }
  | { kind: 'number'; run: Run }
  | { kind: 'party'; rows: { label: string; value: string | null }[] }
  | { kind: 'signature'; office: string; date: string }
  | { kind: 'serviceTable'; caseName: string | null; recipient: string | null; rows: ServiceTableRow[]; remarks: string | null }
  | { kind: 'pageBreak' };

const text = (v: unknown): string | null => {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return s ? s : null;
};

/** A value on one line (the party block's lines and titles). */
const oneLine = (v: unknown): string | null => text(v)?.replace(/\s*\n\s*/g, ' ') ?? null;

/** A date as printed: ISO dates become 2026年11月30日, anything else is kept. */
export const printedDate = (v: string): string => (isIsoDate(v) ? chineseDate(v) : v);

/** One field value as printed, or null when it has none (false, 0 fen, empty text or list). */
function fieldText(key: string, v: unknown): Run | null {
  if (v === null || v === undefined) return null;
  // A yes/no field prints nothing: it is a condition, `[[{{fields.immediately}}立即]]`.
  if (typeof v === 'boolean') return v ? { text: '' } : null;
  if (typeof v === 'number') {
    if (key.endsWith('Fen')) return v > 0 ? { text: yuanText(v, key) } : null;
    return Number.isFinite(v) ? { text: String(v) } : null;
  }
  if (typeof v === 'string') {
    const s = text(v);
    return s ? { text: printedDate(s) } : null;
  }
  if (Array.isArray(v)) {
    // Lists of names print as 张三、李四; rows of a 送达回证 by their document names.
    const items = v
      .map((item: unknown) => (typeof item === 'object' && item !== null ? (item as Record<string, unknown>)['document'] : item))
      .map((item) => (typeof item === 'string' ? text(item) : typeof item === 'number' ? String(item) : null))
      .filter((s): s is string => Boolean(s));
    return items.length ? { text: items.map(printedDate).join('、') } : null;
  }
  return null;
}

/** The value at `path` as printed, or null when the model has none. */
export function valueAt(path: string, model: NoticeModel): Run | null {
  const [head, key = ''] = path.split('.', 2);
  switch (head) {
    case 'number':
      return model.number ? { text: model.number } : { text: PREVIEW_NUMBER, style: 'preview' };
    case 'date': {
      const d = text(model.date);
      return d ? { text: printedDate(d) } : null;
    }
    case 'title':
    case 'campaign':
    case 'corrects': {
      const s = text(model[head]);
      return s ? { text: s } : null;
    }
    case 'office':
    case 'party':
    case 'amounts': {
      const s = text((model[head] as Record<string, unknown>)[key]);
      return s ? { text: s } : null;
    }
    case 'fields':
      return fieldText(key, model.fields[key]);
    default:
      return null;
  }
}

const PAUSES = '。；，、：！？';

/** Adds a literal after a value without doubling its punctuation (a value ending 。 before 。). */
function pushLiteral(out: Run[], literal: string, afterValue: boolean): void {
  const prev = out[out.length - 1];
  const last = prev?.text.slice(-1) ?? '';
  if (afterValue && prev && !prev.style && last && PAUSES.includes(last) && PAUSES.includes(literal.slice(0, 1) || '-')) {
    prev.text = prev.text.slice(0, -1);
  }
  out.push({ text: literal });
}

function fillTokens(tokens: readonly Token[], model: NoticeModel, out: Run[] = []): Run[] {
  let afterValue = false;
  for (const t of tokens) {
    if (t.t === 'text') {
      pushLiteral(out, t.text, afterValue);
      afterValue = false;
    } else if (t.t === 'value') {
      out.push(valueAt(t.path, model) ?? { text: '', style: 'blank' });
      afterValue = true;
    } else {
      const inner = t.parts.filter((p) => p.t === 'value');
      if (inner.every((p) => valueAt(p.path, model) !== null)) fillTokens(t.parts, model, out);
      afterValue = false;
    }
  }
  return out;
}

/** Splits runs into lines at the line breaks inside values. */
function splitLines(runs: readonly Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const r of runs) {
    r.text.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece || r.style === 'blank') lines[lines.length - 1]!.push({ ...r, text: piece });
    });
  }
  return lines;
}

const printsSomething = (runs: readonly Run[]): boolean => runs.some((r) => r.style === 'blank' || r.text.trim());

function fillBlock(b: TemplateBlock, model: NoticeModel): FilledBlock[] {
  switch (b.kind) {
    case 'title':
    case 'heading': {
      const runs = fillTokens(tokenize(b.text, b.line), model).map((r) => ({ ...r, text: r.text.replace(/\s*\n\s*/g, ' ') }));
      return printsSomething(runs) ? [{ kind: b.kind, runs }] : [];
    }
    case 'paragraph':
    case 'flush': {
      const kind = b.kind;
      return splitLines(fillTokens(tokenize(b.text, b.line), model))
        .map((runs) => runs.map((r, i) => (i === 0 ? { ...r, text: r.text.trimStart() } : r)))
        .filter(printsSomething)
        .map((runs) => ({ kind, runs }));
    }
    case 'number':
      return [{ kind: 'number', run: valueAt('number', model)! }];
    case 'party':
      return [{ kind: 'party', rows: (Object.keys(PartyBlock.shape) as (keyof PartyBlock)[]).map((k) => ({ label: PARTY_LABELS[k], value: oneLine(model.party[k]) })) }];
    case 'signature':
      return [{ kind: 'signature', office: text(model.office.name) ?? '', date: valueAt('date', model)?.text ?? '' }];
    case 'serviceTable':
      return [serviceTable(model)];
    case 'pageBreak':
      return [{ kind: 'pageBreak' }];
  }
}

function serviceTable(model: NoticeModel): FilledBlock {
  const f = model.fields;
  const rows = (Array.isArray(f['rows']) ? (f['rows'] as unknown[]) : []).map((r): ServiceTableRow => {
    const row = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
    const servedOn = text(row['servedOn']);
    return {
      document: text(row['document']) ?? '',
      place: text(row['place']),
      method: text(row['method']),
      servedOn: servedOn ? printedDate(servedOn) : HANDWRITTEN_DATE,
      server: text(row['server']),
    };
  });
  while (rows.length < MIN_SERVICE_ROWS) rows.push({ document: '', place: null, method: null, servedOn: null, server: null });
  return { kind: 'serviceTable', caseName: text(f['caseName']), recipient: text(f['recipient']), rows, remarks: text(f['remarks']) };
}

/** The template filled from the model, block by block. */
export function fillTemplate(template: ParsedTemplate, model: NoticeModel): FilledBlock[] {
  return template.blocks.flatMap((b) => fillBlock(b, model));
}

/** Every run's text of a filled notice, for checks that nothing was lost. */
export function plainText(blocks: readonly FilledBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'number':
          return b.run.text;
        case 'party':
          return b.rows.map((r) => `${r.label}：${r.value ?? ''}`).join('\n');
        case 'signature':
          return `${b.office}\n${b.date}`;
        case 'serviceTable':
          return [b.caseName, b.recipient, ...b.rows.flatMap((r) => [r.document, r.place, r.method, r.servedOn, r.server]), b.remarks].filter(Boolean).join('\n');
        case 'pageBreak':
          return '';
        default:
          return b.runs.map((r) => r.text).join('');
      }
    })
    .join('\n');
}
