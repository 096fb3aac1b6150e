// The start-up checks beyond SQLite's quick_check (which db/open.ts runs): every file the
// database refers to is present in the file store with its recorded size. Hashing every file at
// each start would take too long on a large store; `qingbo check` does the full hash check.
import { statSync } from 'node:fs';
import type { IntegrityItem } from '../../../shared/backup';
import type { Sqlite } from '../db/open';
import type { FileStore } from '../files/store';

export interface PresenceResult {
  checked: number;
  missing: string[];
  wrongSize: string[];
}

/** Checks presence and size (not content) of every indexed file. */
export function checkFilePresence(sqlite: Sqlite, files: FileStore): PresenceResult {
  const rows = sqlite.prepare('SELECT sha256, size FROM files').all() as { sha256: string; size: number }[];
  const missing: string[] = [];
  const wrongSize: string[] = [];
  for (const r of rows) {
    let size: number;
    try {
      size = statSync(files.pathOf(r.sha256)).size;
    } catch {
      missing.push(r.sha256);
      continue;
    }
    if (size !== r.size) wrongSize.push(r.sha256);
  }
  return { checked: rows.length, missing, wrongSize };
}

/** The report line for the file store at start-up. */
export function filePresenceItem(r: PresenceResult): IntegrityItem {
  const ok = r.missing.length === 0 && r.wrongSize.length === 0;
  const problems = [
    r.missing.length ? `缺少 ${r.missing.length} 个文件（例如 ${r.missing[0]!.slice(0, 12)}…）` : '',
    r.wrongSize.length ? `${r.wrongSize.length} 个文件大小与记录不符（例如 ${r.wrongSize[0]!.slice(0, 12)}…）` : '',
  ].filter(Boolean);
  return { name: '文件库', ok, detail: ok ? `${r.checked} 个文件齐全` : problems.join('，') };
}
