// 统一社会信用代码 (GB 32100-2015) and the older 15-digit 注册号 (GS15-2006).
// A failed check is a strong warning the clerk may override with a reason: some genuine early
// pilot codes fail it. So these functions report problems; they never throw.

/** The 31 symbols of GB 32100; a symbol's value is its index. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_TABLE = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Trim, full-width → half-width, drop inner spaces, upper case. */
export function normalizeCode(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x3000) continue;
    out += cp >= 0xff01 && cp <= 0xff5e ? String.fromCodePoint(cp - 0xfee0) : ch;
  }
  return out.replace(/\s+/g, '').toUpperCase();
}

/** The 18th character for the first 17 characters (which must be in the alphabet). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) throw new RangeError(`not a USCC symbol at ${i}`);
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? '0';
}

/** The 9th character of an organisation code (GB 11714) for its first 8 characters. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = ORG_TABLE.indexOf(first8[i] ?? '');
    if (v < 0) throw new RangeError(`not an org-code symbol at ${i}`);
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** ISO 7064 MOD 11,10 check digit over the first 14 digits of a 注册号. */
export function regNoCheckDigit(first14: string): string {
  let p = 10;
  for (const ch of first14) {
    let s = (p + Number(ch)) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}

export type CodeProblemKind = 'length' | 'alphabet' | 'structure' | 'org_check' | 'check';

export interface CodeProblem {
  kind: CodeProblemKind;
  message: string;
  /** For check failures: the character the position should hold. */
  expected?: string;
}

export interface CodeCheck {
  normalized: string;
  type: 'uscc' | 'regno' | 'unknown';
  /** Structure problems cannot be overridden; check-character problems can (with a reason). */
  problems: CodeProblem[];
  overridable: boolean;
}

const REG_ORGAN_CODES = '123456789ANY';

/** Checks a 统一社会信用代码 or a 15-digit 注册号 after normalising it. */
export function checkCode(raw: string): CodeCheck {
  const code = normalizeCode(raw);
  if (/^\d{15}$/.test(code)) {
    const expected = regNoCheckDigit(code.slice(0, 14));
    const problems: CodeProblem[] =
      expected === code[14]
        ? []
        : [{ kind: 'check', expected, message: `注册号第 15 位校验码错误，应为 ${expected}` }];
    return { normalized: code, type: 'regno', problems, overridable: true };
  }
  if (code.length !== 18) {
    return {
      normalized: code,
      type: 'unknown',
      problems: [{ kind: 'length', message: `统一社会信用代码应为 18 位（注册号为 15 位数字），现为 ${code.length} 位` }],
      overridable: false,
    };
  }
  const bad = [...code].findIndex((ch) => !USCC_ALPHABET.includes(ch));
  if (bad >= 0) {
    return {
      normalized: code,
      type: 'uscc',
      problems: [{ kind: 'alphabet', message: `第 ${bad + 1} 位「${code[bad]}」不是信用代码允许的字符（不含 I、O、S、V、Z）` }],
      overridable: false,
    };
  }
  const problems: CodeProblem[] = [];
  if (!REG_ORGAN_CODES.includes(code[0] ?? '')) {
    problems.push({ kind: 'structure', message: `第 1 位登记管理部门码「${code[0]}」无效` });
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    problems.push({ kind: 'structure', message: '第 3–8 位应为登记机关的 6 位行政区划代码' });
  }
  if (problems.length) return { normalized: code, type: 'uscc', problems, overridable: false };

  const orgExpected = orgCodeCheckChar(code.slice(8, 16));
  if (orgExpected !== code[16]) {
    problems.push({
      kind: 'org_check',
      expected: orgExpected,
      message: `第 17 位（组织机构代码校验码）错误，应为 ${orgExpected}`,
    });
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17]) {
    problems.push({ kind: 'check', expected, message: `第 18 位校验码错误，应为 ${expected}` });
  }
  return { normalized: code, type: 'uscc', problems, overridable: true };
}

/** Builds a valid code from its parts: organ+category (e.g. '92'), 6-digit region, 8-char body. */
export function composeUscc(organCategory: string, region: string, body8: string): string {
  const first16 = `${organCategory}${region}${body8}`;
  const first17 = first16 + orgCodeCheckChar(body8);
  return first17 + usccCheckChar(first17);
}
