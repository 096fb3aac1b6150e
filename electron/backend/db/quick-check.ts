// SQLite's quick_check: every page of the file readable and every b-tree well formed.
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

/** Runs `PRAGMA quick_check`; throws INTEGRITY naming what is damaged (the connection stays open). */
export function assertQuickCheck(sqlite: Database.Database): void {
  let rows: { quick_check: string }[];
  try {
    rows = sqlite.pragma('quick_check') as { quick_check: string }[];
  } catch (err) {
    throw new AppError('INTEGRITY', `数据库文件已损坏，无法读取（${(err as Error).message}）。请从最近的备份恢复。`);
  }
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
    throw new AppError('INTEGRITY', `数据库完整性检查未通过：${rows.slice(0, 3).map((r) => r.quick_check).join('；')}。请从最近的备份恢复。`, {
      problems: rows.map((r) => r.quick_check),
    });
  }
}
