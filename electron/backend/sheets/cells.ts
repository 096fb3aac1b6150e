// Cell values as the import sees them: trimmed text or null, whatever the file format stored.
// Every reader (xlsx, xls, csv) funnels its values through these, so a clerk's file gives the
// same text however it was saved.

// Spaces that trim() misses or that offices paste from web pages and Word: zero-width space,
// word joiner, BOM; trim() already covers NBSP and the ideographic (全角) space.
const EDGE_SPACE = /^[\s\u200b\u2060\ufeff]+|[\s\u200b\u2060\ufeff]+$/g;

/** Text with surrounding spaces (including NBSP, 全角 and zero-width spaces) removed; null if nothing is left. */
export function cleanText(text: string): string | null {
  if (text === '') return null;
  // Most cells have nothing to trim: a letter at both ends says so without a regular expression.
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (isPlain(first) && isPlain(last)) return text;
  const t = text.replace(EDGE_SPACE, '');
  return t === '' ? null : t;
}

/** A character that is neither a space of any kind nor a zero-width mark: ASCII printable or a CJK ideograph. */
const isPlain = (c: number): boolean => (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);

/** A number written as plain decimal text, never with an exponent: what Excel shows in its General format, integers exact. */
export function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  if (Object.is(n, -0)) return '0';
  // Integers a double holds exactly (a 15-digit 注册号, a 16-digit number written by a program)
  // keep every digit.
  if (Number.isSafeInteger(n)) return String(n);
  // Everything else is shown the way Excel does: 15 significant digits. That turns binary noise
  // such as 0.30000000000000004 into 0.3, and a long code Excel already rounded into the digits
  // Excel itself shows (914306000000000000), not the double's spurious tail.
  return expandExponent(n.toPrecision(15));
}

/** Decimal text of a number in toPrecision/exponent form, without exponent and trailing fraction zeros. */
export function expandExponent(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return text;
  const [, sign = '', intPart = '', fracPart = '', expText] = m;
  const exp = expText ? Number(expText) : 0;
  let digits = intPart + fracPart;
  let point = intPart.length + exp;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits += '0'.repeat(point - digits.length);
  }
  let whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(point).replace(/0+$/, '');
  if (whole === '') whole = '0';
  const body = frac ? `${whole}.${frac}` : whole;
  return body === '0' ? '0' : sign + body;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A date cell's value as 'YYYY-MM-DD', or 'HH:mm:ss' for a time of day alone (serial below 1).
 * Spreadsheet dates carry no time zone: the libraries hand them over as UTC, so UTC getters
 * give back the day the clerk typed, whatever the machine's zone.
 */
export function dateCellText(d: Date): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  // Excel's day 0 is 1899-12-30 (after its 1900 leap-year fiction); a value on that day is a
  // time without a date.
  if (t >= Date.UTC(1899, 11, 30) && t < Date.UTC(1899, 11, 31)) {
    return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A boolean cell as the word a clerk would write. */
export const booleanText = (b: boolean): string => (b ? '是' : '否');
