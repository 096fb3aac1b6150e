// The notice template language (see NoticeTemplateText in shared/notice.ts): one block per line,
// `{{path}}` placeholders, `[[ … ]]` segments printed only when all their placeholders have a
// value. A template is checked completely when it is parsed, so a broken one is refused when it is
// saved, naming the line, and never half-prints.
import type { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import { noticeFields, noticeTypeInfo, PartyBlock, type NoticeType } from '../../../../shared/notice';
import { fieldLabel } from '../../../../shared/validation';
import type { ParsedTemplate, TemplateBlock } from './types';

/** A piece of a template line: literal text, a placeholder, or an optional segment. */
export type Token = { t: 'text'; text: string } | { t: 'value'; path: string } | { t: 'optional'; parts: Token[] };

const MODEL_PLACEHOLDERS: readonly { path: string; label: string }[] = [
  { path: 'title', label: '文书名称' },
  { path: 'number', label: '文号（预览时为“预览，未编号”）' },
  { path: 'date', label: '文书日期' },
  { path: 'campaign', label: '所属专项' },
  { path: 'corrects', label: '被更正文书的文号' },
  { path: 'office.name', label: '本机关名称' },
  { path: 'office.abbrev', label: '本机关简称' },
  { path: 'office.county', label: '县（市、区）' },
];

/** The party block's labels, as printed by @当事人 and offered to the editor. */
export const PARTY_LABELS: Record<keyof PartyBlock, string> = {
  name: '当事人',
  licenceName: '主体资格证照名称',
  code: '统一社会信用代码（注册号）',
  address: '住所（住址）',
  legalRep: '法定代表人（负责人、经营者）',
  idNumber: '身份证（其他有效证件）号码',
  phone: '联系电话',
};

/** Amounts of a 行政处罚决定书, filled by noticeAmounts() (capital.ts). */
export const AMOUNT_LABELS = {
  fineYuan: '罚款金额（元）',
  fineCapital: '罚款金额（大写）',
  confiscationYuan: '没收违法所得金额（元）',
  confiscationCapital: '没收违法所得金额（大写）',
  totalYuan: '罚没款合计（元）',
  totalCapital: '罚没款合计（大写）',
} as const;

const AMOUNT_TYPES: readonly NoticeType[] = ['penaltyDecision'];

/** A field's label, with how it prints where that is not obvious (money in yuan, yes/no as a condition). */
function fieldHelp(schema: z.ZodObject, key: string): string {
  const label = fieldLabel(schema, [key]) ?? key;
  if (key.endsWith('Fen')) return `${label.replace(/（分）$/, '')}（打印为元，如 1250.50）`;
  // A yes/no field is one whose empty value parses to a boolean (its default).
  const empty = (schema.shape[key] as z.ZodType).safeParse(undefined);
  if (empty.success && typeof empty.data === 'boolean') return `${label}（是/否：本身不打印，用作条件，如 [[{{fields.${key}}}立即]]）`;
  return label;
}

/** Every placeholder a template of `type` may use, with its Chinese label (for the editor's help). */
export function placeholdersFor(type: NoticeType): { path: string; label: string }[] {
  const schema = noticeFields[type] as unknown as z.ZodObject;
  const fields = Object.keys(schema.shape).map((key) => ({ path: `fields.${key}`, label: fieldHelp(schema, key) }));
  const party = (Object.keys(PartyBlock.shape) as (keyof PartyBlock)[]).map((key) => ({ path: `party.${key}`, label: PARTY_LABELS[key] }));
  const amounts = AMOUNT_TYPES.includes(type) ? Object.entries(AMOUNT_LABELS).map(([key, label]) => ({ path: `amounts.${key}`, label })) : [];
  return [...MODEL_PLACEHOLDERS, ...party, ...fields, ...amounts];
}

const known = new Map<NoticeType, Set<string>>();
const knownPaths = (type: NoticeType): Set<string> => {
  let paths = known.get(type);
  if (!paths) known.set(type, (paths = new Set(placeholdersFor(type).map((p) => p.path))));
  return paths;
};

const refuse = (line: number, message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError('VALIDATION', `模板第 ${line} 行：${message}`, { field: 'text', line, ...details });

/** Splits one line into tokens; throws VALIDATION for an unclosed or stray brace, or a nested `[[`. */
export function tokenize(text: string, line: number): Token[] {
  const top: Token[] = [];
  let optional: Token[] | null = null;
  let i = 0;
  let literal = '';
  const flush = () => {
    if (literal) (optional ?? top).push({ t: 'text', text: literal });
    literal = '';
  };
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    if (two === '{{') {
      const end = text.indexOf('}}', i + 2);
      const nextOpen = text.indexOf('{{', i + 2);
      if (end < 0 || (nextOpen >= 0 && nextOpen < end)) throw refuse(line, '「{{」没有对应的「}}」，占位符要写成 {{名称}}。');
      flush();
      (optional ?? top).push({ t: 'value', path: text.slice(i + 2, end).trim() });
      i = end + 2;
    } else if (two === '}}') {
      throw refuse(line, '多余的「}}」：前面没有对应的「{{」。');
    } else if (two === '[[') {
      if (optional) throw refuse(line, '「[[ ]]」不能套在另一个「[[ ]]」里面。');
      flush();
      optional = [];
      i += 2;
    } else if (two === ']]') {
      if (!optional) throw refuse(line, '多余的「]]」：前面没有对应的「[[」。');
      flush();
      top.push({ t: 'optional', parts: optional });
      optional = null;
      i += 2;
    } else {
      literal += text[i];
      i++;
    }
  }
  if (optional) throw refuse(line, '「[[」没有对应的「]]」，可选内容要写成 [[ … ]]。');
  flush();
  return top;
}

/** The placeholder paths of a token list, in order. */
export function tokenPaths(tokens: readonly Token[]): string[] {
  return tokens.flatMap((t) => (t.t === 'value' ? [t.path] : t.t === 'optional' ? tokenPaths(t.parts) : []));
}

const DIRECTIVES = {
  文号: 'number',
  当事人: 'party',
  落款: 'signature',
  送达表: 'serviceTable',
  分页: 'pageBreak',
} as const;
const DIRECTIVE_LIST = '@文号、@当事人、@顶格、@落款、@送达表、@分页';

function directive(type: NoticeType, body: string, line: number): TemplateBlock {
  const m = /^(\S+)\s*(.*)$/.exec(body) ?? ['', body, ''];
  const name = m[1] ?? '';
  const rest = (m[2] ?? '').trim();
  // 顶格: a line without the paragraph indent (the addressee, a form's labels); the rest is its text.
  if (name === '顶格') {
    if (!rest) throw refuse(line, '「@顶格」后面要写这一行的文字，例如 @顶格 {{party.name}}：', { directive: '@顶格' });
    return { kind: 'flush', text: rest, line };
  }
  const kind = DIRECTIVES[name as keyof typeof DIRECTIVES];
  if (!kind) throw refuse(line, `未知的指令「@${name}」。可用的指令有 ${DIRECTIVE_LIST}。`, { directive: `@${name}` });
  if (rest) throw refuse(line, `「@${name}」这一行不能再写其他文字（多出了「${rest.slice(0, 20)}」）。`, { directive: `@${name}` });
  if (kind === 'serviceTable' && type !== 'serviceReceipt') {
    throw refuse(line, `「@送达表」只能用于送达回证，不能用于${noticeTypeInfo[type].title}。`, { directive: '@送达表' });
  }
  return { kind, line };
}

// Leading spaces (normal and full-width) are dropped: the layout indents body paragraphs by two
// characters itself, so a clerk's habit of typing two spaces first would indent them twice.
const LEADING = /^[\s\u3000]+/;

function block(type: NoticeType, raw: string, line: number): TemplateBlock | null {
  const text = raw.replace(LEADING, '').trimEnd();
  if (!text) return null;
  const first = text[0];
  if (first === '@' || first === '＠') return directive(type, text.slice(1), line);
  const heading = /^([#＃]+)\s*(.*)$/.exec(text);
  if (heading) {
    const level = heading[1]!.length;
    const body = heading[2] ?? '';
    if (level > 2) throw refuse(line, '只有「# 标题」和「## 小标题」两级，不能用三个或更多的 #。');
    if (!body) throw refuse(line, level === 1 ? '「#」后面要写标题文字。' : '「##」后面要写小标题文字。');
    return { kind: level === 1 ? 'title' : 'heading', text: body, line };
  }
  return { kind: 'paragraph', text, line };
}

/** Parses and checks a template of `type`; throws VALIDATION naming the line and the unknown placeholder. */
export function parseTemplate(type: NoticeType, text: string): ParsedTemplate {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: TemplateBlock[] = [];
  const placeholders: string[] = [];
  const paths = knownPaths(type);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const b = block(type, raw, line);
    if (!b) return;
    if ('text' in b) {
      for (const path of tokenPaths(tokenize(b.text, line))) {
        if (!paths.has(path)) {
          throw refuse(line, `未知的占位符「{{${path}}}」。请检查拼写，或从“可用占位符”中选择${noticeTypeInfo[type].title}能用的名称。`, { placeholder: path });
        }
        if (!placeholders.includes(path)) placeholders.push(path);
      }
    }
    blocks.push(b);
  });
  if (!blocks.length) throw new AppError('VALIDATION', '模板没有任何内容：至少要有一行标题或正文。', { field: 'text' });
  return { type, blocks, placeholders };
}
