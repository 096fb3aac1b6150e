// The daily backup: at the first start of a day (China time), in the background, unless a
// 每日 backup of today exists already or there is nothing to back up yet.
import { readdirSync } from 'node:fs';
import { todayInChina } from '../../../shared/dates';
import type { JobInfo } from '../../../shared/jobs';
import { SYSTEM_ACTOR, trustedContext } from '../context';
import type { Core } from '../core';
import { dataPaths } from '../paths';
import { parseBackupName } from './names';
import { activeFolder, assertWritableFolder, readBackupSettings } from './settings';
import { startBackupJob } from './service';

function hasDailyOf(folder: string, day: string): boolean {
  try {
    return readdirSync(folder).some((n) => {
      const p = parseBackupName(n);
      return p?.kind === '每日' && p.day === day;
    });
  } catch {
    return false;
  }
}

/** Starts today's 每日 backup job when due; returns it, or null when not due. */
export function startDailyBackupIfDue(core: Core, now = new Date()): JobInfo | null {
  const hasData = core.sqlite.prepare("SELECT EXISTS (SELECT 1 FROM enterprises) OR EXISTS (SELECT 1 FROM settings WHERE key = 'office') AS yes").get() as { yes: number };
  if (!hasData.yes) return null;
  const settings = readBackupSettings(core.sqlite);
  let folder = activeFolder(core.dataDir, settings);
  const own = dataPaths(core.dataDir).backups;
  const today = todayInChina(now);
  if (hasDailyOf(folder, today)) return null;
  try {
    assertWritableFolder(folder, folder === own);
  } catch (err) {
    // The chosen folder (a removable disk) is not there today: keep the day's backup in the data directory.
    core.log.warn('backup folder unavailable, daily backup goes to the data directory', { folder, error: (err as Error).message });
    if (hasDailyOf(own, today)) return null;
    folder = own;
  }
  return startBackupJob(core, trustedContext(SYSTEM_ACTOR), '每日', folder === activeFolder(core.dataDir, settings) ? undefined : folder);
}
