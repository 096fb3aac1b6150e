// The tie between a campaign result and its 专项检查 record in the dossier: a voided record stops
// counting in the campaign, and the record is edited only through the campaign.
import type { Sqlite } from '../db/open';

/** Marks the campaign result of a voided dossier record (and its quantities) as voided; no-op for other records. */
export function markResultVoided(sqlite: Sqlite, recordId: number): void {
  const r = sqlite.prepare('SELECT id FROM campaign_results WHERE record_id = ?').get(recordId) as { id: number } | undefined;
  if (!r) return;
  sqlite.prepare('UPDATE campaign_results SET voided = 1 WHERE id = ?').run(r.id);
  sqlite.prepare('UPDATE campaign_result_values SET voided = 1 WHERE result_id = ?').run(r.id);
}

/** The name of the campaign whose result this record is, or null. */
export function campaignOfRecord(sqlite: Sqlite, recordId: number): string | null {
  const r = sqlite
    .prepare('SELECT c.name FROM campaign_results r JOIN campaigns c ON c.id = r.campaign_id WHERE r.record_id = ?')
    .get(recordId) as { name: string } | undefined;
  return r?.name ?? null;
}
