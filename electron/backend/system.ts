// What the shell shows about this installation.
import type { SystemInfo } from '../../shared/system';
import type { RequestContext } from './context';
import type { Core } from './core';
import { migrationState } from './db/open';
import { townshipsOf } from './divisions/divisions';
import { appVersion } from './paths';
import { getOffice } from './settings/office';

/** Version, data directory, office and headline counts. */
export function systemInfo(core: Core, ctx: RequestContext): SystemInfo {
  const office = getOffice(core);
  const enterprises = (core.sqlite.prepare('SELECT count(*) AS n FROM enterprises WHERE archived_at IS NULL').get() as { n: number }).n;
  return {
    version: appVersion(),
    dataDir: core.dataDir,
    schemaVersion: migrationState(core.sqlite).applied,
    office,
    counts: { enterprises, townships: office ? townshipsOf(office.countyCode).length : 0 },
    user: ctx.actor,
  };
}
