// Reading stored draws: the row as the contract's DrawSummary.
import { DrawParams, type DrawSummary } from '../../../shared/campaign';
import type { Sqlite } from '../db/open';

/** The columns a summary needs: sizes are counted by SQLite, so the pool's text (megabytes for a whole county) is not read. */
export const DRAW_SUMMARY_COLUMNS = `d.id, d.campaign_id, d.created_at, d.actor, d.algorithm, d.algorithm_version, d.seed, d.params, d.pool_hash,
  d.inspector_pool_hash, d.result_hash, d.superseded_at, d.reason, json_array_length(d.pool) AS pool_size,
  json_array_length(d.inspector_pool) AS inspector_pool_size, json_array_length(d.result) AS drawn_count`;

/** The columns of campaign_draws every reading of a draw needs. */
interface DrawColumns {
  id: number;
  campaign_id: number;
  created_at: string;
  actor: string;
  algorithm: string;
  algorithm_version: number;
  seed: string;
  params: string;
  pool_hash: string;
  inspector_pool_hash: string;
  result_hash: string;
  superseded_at: string | null;
  reason: string | null;
}

/** A draw as listed: the stored lists are only counted. */
export interface DrawSummaryRow extends DrawColumns {
  pool_size: number;
  inspector_pool_size: number;
  drawn_count: number;
}

/** A draw with its stored lists (JSON). */
export interface DrawRow extends DrawColumns {
  pool: string;
  inspector_pool: string;
  result: string;
}

/** The summary of a stored draw. */
export function drawSummaryOf(row: DrawSummaryRow): DrawSummary {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    createdAt: row.created_at,
    actor: row.actor,
    algorithm: row.algorithm,
    algorithmVersion: row.algorithm_version,
    seed: row.seed,
    params: DrawParams.parse(JSON.parse(row.params)),
    poolSize: row.pool_size,
    poolHash: row.pool_hash,
    inspectorPoolSize: row.inspector_pool_size,
    inspectorPoolHash: row.inspector_pool_hash,
    drawnCount: row.drawn_count,
    resultHash: row.result_hash,
    superseded: row.superseded_at !== null,
    reason: row.reason,
  };
}

/** The campaign's draw in force, or null when it has none. */
export function currentDraw(sqlite: Sqlite, campaignId: number): DrawSummary | null {
  const row = sqlite
    .prepare(`SELECT ${DRAW_SUMMARY_COLUMNS} FROM campaign_draws d JOIN campaigns c ON c.current_draw_id = d.id WHERE c.id = ?`)
    .get(campaignId) as DrawSummaryRow | undefined;
  return row ? drawSummaryOf(row) : null;
}
