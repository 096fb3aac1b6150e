// 发文字号: one sequence per notice type per year, starting at 1, without gaps. A number is taken
// only by the transaction that stores the issued notice; the PDF carrying it is printed before
// that transaction (printing is async and cannot sit inside SQLite's), so the transaction checks
// that the number printed is still the next one and the caller prints again when it is not.
// Within one backend, issues of the same sequence also wait for each other (withSequence), so
// concurrent clerks print each number once; the check covers another process on the same file.
import { noticeTypeInfo, type NoticeType } from '../../../shared/notice';
import type { Core } from '../core';
import type { Sqlite } from '../db/open';

/** The document number as printed: 华市监责改〔2026〕1号 (no 第, no zero padding). */
export function formatNumber(officeAbbrev: string, type: NoticeType, year: number, serial: number): string {
  return `${officeAbbrev}${noticeTypeInfo[type].abbrev}〔${year}〕${serial}号`;
}

/** The next serial of the type's sequence for `year` (voided notices keep theirs, so they count). */
export function nextSerial(sqlite: Sqlite, type: NoticeType, year: number): number {
  const row = sqlite.prepare('SELECT coalesce(max(serial), 0) AS n FROM notices WHERE type = ? AND year = ?').get(type, year) as { n: number };
  return row.n + 1;
}

/** The year a notice dated `isoDate` is numbered in. */
export const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

/** Thrown inside the storing transaction when the printed number was taken meanwhile; the caller prints again. */
export class SerialTaken extends Error {
  readonly next: number;
  constructor(next: number) {
    super(`number taken; next is ${next}`);
    this.next = next;
  }
}

/** Inside the storing transaction: refuses (SerialTaken) unless `serial` is exactly the next number. */
export function claimSerial(sqlite: Sqlite, type: NoticeType, year: number, serial: number): void {
  const next = nextSerial(sqlite, type, year);
  if (next !== serial) throw new SerialTaken(next);
}

/** Keyed by the job runner: one per backend (a job's view of the core shares it). */
const queues = new WeakMap<object, Map<string, Promise<void>>>();

/** Runs `fn` after every earlier holder of the same sequence in this backend has finished. */
export async function withSequence<T>(core: Core, type: NoticeType, year: number, fn: () => Promise<T>): Promise<T> {
  let byKey = queues.get(core.jobs);
  if (!byKey) {
    byKey = new Map();
    queues.set(core.jobs, byKey);
  }
  const key = `${type}:${year}`;
  const before = byKey.get(key) ?? Promise.resolve();
  let release: () => void = () => undefined;
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = before.then(() => mine);
  byKey.set(key, tail);
  await before;
  try {
    return await fn();
  } finally {
    release();
    if (byKey.get(key) === tail) byKey.delete(key);
  }
}
