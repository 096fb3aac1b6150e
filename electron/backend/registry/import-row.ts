// Turns one spreadsheet row into enterprise data: reads the words offices use for types,
// statuses and classes, dates in every shape Excel produces, township names and industry
// codes; says in Chinese what is wrong and in which column.
import { cleanText, EnterpriseInput, UNCLASSIFIED, type EnterpriseData } from '../../../shared/enterprise';
import type { ColumnMapping, ImportFieldKey } from '../../../shared/import';
import { checkCode, normalizeCode } from '../../../shared/uscc';
import type { Township } from '../../../shared/divisions';
import { parseDateCell } from '../sheets/dates';
import { industryFromText } from '../reference/industries';

export class RowProblem extends Error {
  readonly field: ImportFieldKey | null;
  constructor(field: ImportFieldKey | null, message: string) {
    super(message);
    this.field = field;
  }
}

const STATUS_WORDS: [RegExp, EnterpriseData['status']][] = [
  [/吊销/, '吊销'],
  [/注销/, '注销'],
  [/迁出|迁移/, '迁出'],
  [/停业|歇业|停产/, '停业'],
  [/存续|在业|开业|在营|正常|营业|确立|登记成立/, '存续'],
];

const TYPE_WORDS: [RegExp, EnterpriseData['entityType']][] = [
  [/个体/, '个体工商户'],
  [/合作社/, '农民专业合作社'],
  [/公司|企业|有限|独资|合伙|分支|集体|国有|股份/, '企业'],
];

const NO_CREDIT_CLASS = new RegExp(`^(${UNCLASSIFIED}|未评定|未评级|无|暂无)$`);

const CREDIT_WORDS: [RegExp, NonNullable<EnterpriseData['creditClass']>][] = [
  [/^A|低风险|^低$/, 'A'],
  [/^B|一般风险|^一般$/, 'B'],
  [/^C|较高风险|^较高$/, 'C'],
  [/^D|高风险|^高$/, 'D'],
];

/** The entity type a USCC says (position 2 under registration organ 9), if any. */
function typeFromCode(code: string | null): EnterpriseData['entityType'] | null {
  if (!code || code.length !== 18 || code[0] !== '9') return null;
  return ({ '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } as const)[code[1] as '1' | '2' | '3'] ?? null;
}

export interface RowContext {
  townships: Township[];
  mapping: ColumnMapping;
}

export interface ParsedRow {
  data: EnterpriseData;
  /** The fields that came from the file (the others keep their stored values on update). */
  present: Set<keyof EnterpriseData>;
  warnings: { field: ImportFieldKey; message: string }[];
}

/** The one township of the county whose full name (章华镇, 城关街道) the address contains, if exactly one. */
export function townshipInAddress(address: string, townships: readonly Township[]): Township | null {
  const named = townships.filter((t) => t.name.length >= 2 && address.includes(t.name));
  return named.length === 1 ? named[0]! : null;
}

const split = (text: string): string[] => text.split(/[,，、;；|/\n]+/).map(cleanText).filter(Boolean);

/** Reads one data row; throws RowProblem naming the field when the row cannot be imported. */
export function parseRow(cells: readonly (string | null)[], ctx: RowContext): ParsedRow {
  const get = (field: ImportFieldKey): string | null => {
    const col = ctx.mapping[field];
    if (col === undefined) return null;
    const v = cells[col];
    return v === null || v === undefined ? null : cleanText(v) || null;
  };
  const warnings: ParsedRow['warnings'] = [];
  const present = new Set<keyof EnterpriseData>();
  const raw: Record<string, unknown> = {};
  const put = (key: keyof EnterpriseData, value: unknown) => {
    raw[key] = value;
    present.add(key);
  };

  const name = get('name');
  if (!name) throw new RowProblem('name', '企业名称为空');
  put('name', name);

  const code = get('uscc');
  if (code && !/^(无|暂无|-+|\/)$/.test(code)) {
    const check = checkCode(code);
    if (check.problems.length) {
      // An 18-digit code typed into a number cell keeps only 15 significant digits.
      const numeric = /^\d{16,}$/.test(code) && /000$/.test(code) ? '。该单元格被 Excel 当成了数字，末几位已丢失：请把这一列设为“文本”后重新填写' : '';
      throw new RowProblem('uscc', `${check.problems.map((p) => p.message).join('；')}（原值：${code}）${numeric}`);
    }
    put('uscc', normalizeCode(code));
  }

  const typeText = get('entityType');
  if (typeText) {
    const t = TYPE_WORDS.find(([re]) => re.test(typeText))?.[1];
    put('entityType', t ?? '其他');
  } else {
    const t = typeFromCode((raw.uscc as string | undefined) ?? null) ?? (/合作社$/.test(name) ? '农民专业合作社' : null);
    if (t) put('entityType', t);
  }

  for (const field of ['legalRep', 'phone', 'address', 'grid', 'riskNotes'] as const) {
    const v = get(field);
    if (v) put(field, v);
  }
  const idNumber = get('idNumber');
  // A masked number (an export of ours, 430623********0010) says nothing new: keep what is stored.
  if (idNumber && !idNumber.includes('*')) put('idNumber', idNumber.toUpperCase());

  const townText = get('township');
  if (townText) {
    const t =
      ctx.townships.find((x) => x.code === townText || x.name === townText) ??
      ctx.townships.find((x) => townText.includes(x.name) || x.name.startsWith(townText.replace(/(镇|乡|街道|办事处)$/, '')));
    if (t) put('townshipCode', t.code);
    else warnings.push({ field: 'township', message: `本县没有名为「${townText}」的乡镇（街道），此项未导入` });
  } else if (typeof raw.address === 'string') {
    // No township column: a new enterprise takes the one its address names. Not marked present,
    // so an existing enterprise keeps the township it has.
    const t = townshipInAddress(raw.address, ctx.townships);
    if (t) raw.townshipCode = t.code;
  }

  const industryText = get('industry');
  if (industryText) {
    const node = industryFromText(industryText);
    if (node && node.level > 1) put('industryCode', node.code);
    else warnings.push({ field: 'industry', message: `无法识别行业「${industryText}」（应为 GB/T 4754-2017 的代码或名称），此项未导入` });
  }

  const statusText = get('status');
  if (statusText) {
    const s = STATUS_WORDS.find(([re]) => re.test(statusText))?.[1];
    if (!s) throw new RowProblem('status', `无法识别登记状态「${statusText}」，应为 存续（在业）、停业、注销、吊销 或 迁出`);
    put('status', s);
  }

  const dateText = get('establishedOn');
  if (dateText) {
    const d = parseDateCell(dateText);
    if (!d.ok) throw new RowProblem('establishedOn', d.reason);
    put('establishedOn', d.date);
  }

  const sup = get('supervisionClass');
  if (sup) {
    const s = (['严管', '专管', '普通'] as const).find((x) => sup.includes(x) || sup === x[0]);
    if (!s) throw new RowProblem('supervisionClass', `无法识别监管类别「${sup}」，应为 严管、专管 或 普通`);
    put('supervisionClass', s);
  }

  const credit = get('creditClass');
  // 未分类 (as the list and the export write it) says no more than an empty cell.
  if (credit && !NO_CREDIT_CLASS.test(credit)) {
    const c = CREDIT_WORDS.find(([re]) => re.test(credit.toUpperCase()))?.[1];
    if (!c) throw new RowProblem('creditClass', `无法识别信用风险分类「${credit}」，应为 A、B、C 或 D`);
    put('creditClass', c);
  }

  const former = get('formerNames');
  if (former) put('formerNames', split(former).filter((f) => f !== name));
  const tags = get('tags');
  if (tags) put('tags', split(tags));

  const parsed = EnterpriseInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? 'name') as ImportFieldKey;
    const value = raw[key];
    // The value as the file has it, so the clerk need not look for it (not an ID number: personal data).
    const quoted = typeof value === 'string' && key !== 'idNumber' && issue.path.length === 1 ? `（原值：${value.slice(0, 60)}）` : '';
    throw new RowProblem(key in ctx.mapping ? key : null, `${issue.message}${issue.path.length > 1 ? `（第 ${Number(issue.path[1]) + 1} 项）` : ''}${quoted}`);
  }
  return { data: parsed.data, present, warnings };
}
