// Which backups to keep: the newest 每日 backup of each of the last N days, ISO weeks and months
// that have one; manual, pre-migration and pre-restore backups for a number of days; never the
// newest backup of all.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupSettings } from '../../../shared/backup';
import { parseBackupName, type ParsedName } from './names';

/** ISO week of a YYYY-MM-DD date, as "YYYY-Www". */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The names to delete among `names` (pure; other file names are ignored). */
export function backupsToRemove(names: string[], rules: BackupSettings, now: Date): string[] {
  const parsed = names
    .map((name) => ({ name, p: parseBackupName(name) }))
    .filter((x): x is { name: string; p: ParsedName } => x.p !== null)
    .sort((a, b) => (a.p.createdAt === b.p.createdAt ? b.p.seq - a.p.seq : a.p.createdAt < b.p.createdAt ? 1 : -1));
  const keep = new Set<string>();
  if (parsed[0]) keep.add(parsed[0].name);
  const daily = parsed.filter((x) => x.p.kind === '每日');
  const keepNewestPer = (key: (p: ParsedName) => string, howMany: number) => {
    const seen = new Set<string>();
    for (const x of daily) {
      const k = key(x.p);
      if (seen.has(k)) continue;
      if (seen.size >= howMany) break;
      seen.add(k);
      keep.add(x.name);
    }
  };
  keepNewestPer((p) => p.day, rules.keepDaily);
  keepNewestPer((p) => isoWeek(p.day), rules.keepWeekly);
  keepNewestPer((p) => p.day.slice(0, 7), rules.keepMonthly);
  const cutoff = now.getTime() - rules.keepOtherDays * 86_400_000;
  for (const x of parsed) if (x.p.kind !== '每日' && Date.parse(x.p.createdAt) >= cutoff) keep.add(x.name);
  return parsed.filter((x) => !keep.has(x.name)).map((x) => x.name);
}

/** Deletes the backups in `folder` the rules no longer keep; returns their names. */
export function applyRetention(folder: string, rules: BackupSettings, now: Date): string[] {
  const remove = backupsToRemove(readdirSync(folder), rules, now);
  for (const name of remove) rmSync(join(folder, name), { force: true });
  return remove;
}
