// Reading stored draws: the row as the contract's DrawSummary.
import { DrawParams, type DrawSummary } from '../../../shared/campaign';
import type { Sqlite } from '../db/open';

export interface DrawRow {
  id: number;
  campaign_id: number;
  created_at: string;
  actor: string;
  algorithm: string;
  algorithm_version: number;
  seed: string;
  params: string;
  pool: string;
  pool_hash: string;
  inspector_pool: string;
  inspector_pool_hash: string;
  result: string;
  result_hash: string;
  superseded_at: string | null;
  reason: string | null;
}

/** The summary of a stored draw (sizes are counted from the stored pools and result). */
export function drawSummaryOf(row: DrawRow): DrawSummary {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    createdAt: row.created_at,
    actor: row.actor,
    algorithm: row.algorithm,
    algorithmVersion: row.algorithm_version,
    seed: row.seed,
    params: DrawParams.parse(JSON.parse(row.params)),
    poolSize: (JSON.parse(row.pool) as unknown[]).length,
    poolHash: row.pool_hash,
    inspectorPoolSize: (JSON.parse(row.inspector_pool) as unknown[]).length,
    inspectorPoolHash: row.inspector_pool_hash,
    drawnCount: (JSON.parse(row.result) as unknown[]).length,
    resultHash: row.result_hash,
    superseded: row.superseded_at !== null,
    reason: row.reason,
  };
}

/** The campaign's draw in force, or null when it has none. */
export function currentDraw(sqlite: Sqlite, campaignId: number): DrawSummary | null {
  const row = sqlite
    .prepare('SELECT d.* FROM campaign_draws d JOIN campaigns c ON c.current_draw_id = d.id WHERE c.id = ?')
    .get(campaignId) as DrawRow | undefined;
  return row ? drawSummaryOf(row) : null;
}
