// Backup file names: qingbo-备份-YYYYMMDD-HHmmss-<kind>.zip, time of day in China (UTC+8), so the
// same backup has the same name on every computer.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_NAME_RE, type BackupKind } from '../../../shared/backup';

const CHINA_OFFSET_MS = 8 * 3600_000;

/** YYYYMMDD-HHmmss of `at` in China. */
export function chinaStamp(at: Date): string {
  const s = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 10)}-${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}`;
}

/** A name for a new backup in `folder` that no file there has yet. */
export function newBackupName(folder: string, kind: BackupKind, at: Date): string {
  const base = `qingbo-备份-${chinaStamp(at)}-${kind}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.zip` : `${base}-${n}.zip`;
    if (!existsSync(join(folder, name))) return name;
  }
}

export interface ParsedName {
  kind: BackupKind;
  /** The instant in the name (UTC ISO). */
  createdAt: string;
  /** YYYY-MM-DD in China. */
  day: string;
  seq: number;
}

/** Reads kind and time from a backup's name, or null for any other file. */
export function parseBackupName(name: string): ParsedName | null {
  const m = BACKUP_NAME_RE.exec(name);
  if (!m) return null;
  const [d, t] = [m[1]!, m[2]!];
  const day = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  const ms = Date.parse(`${day}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z`) - CHINA_OFFSET_MS;
  if (Number.isNaN(ms)) return null;
  return { kind: m[3] as BackupKind, createdAt: new Date(ms).toISOString(), day, seq: Number(m[4] ?? 1) };
}

/** Temporary files of a backup being written start with this (never listed, removed when stale). */
export const TEMP_PREFIX = '.qingbo-备份-';
