// Reading a date out of whatever a clerk's spreadsheet holds in a date column: typed dates,
// Chinese-style dates, compact 8-digit dates, date-times exported by other systems, and Excel
// serial numbers that lost their date format on the way.

export type DateCell = { ok: true; date: string } | { ok: false; reason: string };

const DAY_MS = 86_400_000;
/** Serials accepted from text: 1 = 1900-01-01 … 73050 = 2099-12-31. */
const MIN_SERIAL = 1;
const MAX_SERIAL = 73_050;
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;
// Instants written with a zone are read as Beijing time: that is the day the clerk meant.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const HINT = '请写成 2023-04-13 这样的格式';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The calendar day of an Excel serial number (whole days; a time fraction is dropped), or null
 * for serial 60, Excel's fictitious 1900-02-29. In the 1900 system serial 1 is 1900-01-01 and,
 * because Excel counts that non-existent leap day, serials from 61 on are one day ahead of a
 * plain count; in the 1904 system serial 0 is 1904-01-01.
 */
export function excelSerialToDate(serial: number, date1904 = false): string | null {
  const days = Math.floor(serial);
  if (date1904) return fromUtcMs(Date.UTC(1904, 0, 1) + days * DAY_MS);
  if (days === 60) return null;
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return fromUtcMs(base + days * DAY_MS);
}

function checkDay(y: number, m: number, d: number, original: string): DateCell {
  if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, reason: `年份超出范围（${MIN_YEAR}–${MAX_YEAR}）：${original}` };
  if (m < 1 || m > 12) return { ok: false, reason: `月份不存在：${original}` };
  if (d < 1 || d > daysInMonth(y, m)) return { ok: false, reason: `日期不存在：${iso(y, m, d)}` };
  return { ok: true, date: iso(y, m, d) };
}

// Year, month, day separated by - / . or written 年 月 日; an optional time (and zone) follows.
const SEPARATED = /^(\d{4})\s*([-/.年])\s*(\d{1,2})\s*([-/.月])\s*(\d{1,2})(?:\s*日)?(.*)$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(.*)$/;
// What may follow the date: a time of day, optionally with fractional seconds and a zone.
const TIME_TAIL = /^(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SERIAL = /^\d+(?:\.\d+)?$/;

/** Shift a date-time given with an explicit zone to the Beijing calendar day. */
function zonedDay(y: number, m: number, d: number, hh: number, mm: number, ss: number, zone: string): string {
  let offsetMs = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  const instant = Date.UTC(y, m - 1, d, hh, mm, ss) - offsetMs;
  return fromUtcMs(instant + SHANGHAI_OFFSET_MS);
}

function withTime(y: number, m: number, d: number, tail: string, original: string): DateCell {
  const t = TIME_TAIL.exec(tail);
  if (!t) return { ok: false, reason: `无法识别的日期：${original}（${HINT}）` };
  const day = checkDay(y, m, d, original);
  if (!day.ok) return day;
  const [, hh, mm, ss, zone] = t;
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) {
    return { ok: false, reason: `时间不存在：${original}` };
  }
  if (zone && hh !== undefined) {
    return { ok: true, date: zonedDay(y, m, d, Number(hh), Number(mm), Number(ss ?? 0), zone) };
  }
  return day;
}

/** The day a date cell's text names, as 'YYYY-MM-DD', or a Chinese reason it names none. */
export function parseDateCell(text: string): DateCell {
  // NFKC folds 全角 digits and punctuation (２０２３／４／１３) into ASCII.
  const s = text.normalize('NFKC').trim();
  if (s === '') return { ok: false, reason: '日期为空' };

  const sep = SEPARATED.exec(s);
  if (sep) {
    const [, y, s1, m, s2, d, tail = ''] = sep;
    const chinese = s1 === '年' || s2 === '月';
    // 2023-04/13 is a typo more likely than a date; 2023年4月13日 must be all Chinese.
    if ((chinese && (s1 !== '年' || s2 !== '月')) || (!chinese && s1 !== s2)) {
      return { ok: false, reason: `无法识别的日期：${text.trim()}（${HINT}）` };
    }
    return withTime(Number(y), Number(m), Number(d), tail, text.trim());
  }

  const compact = COMPACT.exec(s);
  if (compact) {
    const [, y, m, d, tail = ''] = compact;
    return withTime(Number(y), Number(m), Number(d), tail, text.trim());
  }

  if (SERIAL.test(s)) return fromSerialText(s);

  if (/^\d{4}\s*[-/.年]\s*\d{1,2}\s*月?$/.test(s)) return { ok: false, reason: `日期缺少日：${text.trim()}` };
  return { ok: false, reason: `无法识别的日期：${text.trim()}（${HINT}）` };
}

function fromSerialText(s: string): DateCell {
  const n = Number(s);
  const whole = Math.floor(n);
  // Four digits that read as a year are a year someone typed, not a day in 1905.
  if (/^\d{4}$/.test(s) && whole >= MIN_YEAR && whole <= MAX_YEAR) {
    return { ok: false, reason: `只有年份，缺少月和日：${s}` };
  }
  if (/^\d{6}$/.test(s)) return { ok: false, reason: `日期不完整：${s}（${HINT}）` };
  if (whole < MIN_SERIAL || whole > MAX_SERIAL) {
    return { ok: false, reason: `无法识别的日期：${s}（${HINT}）` };
  }
  const date = excelSerialToDate(whole);
  if (date === null) return { ok: false, reason: '日期不存在：1900-02-29（Excel 序号 60 是一个并不存在的日期）' };
  return { ok: true, date };
}
