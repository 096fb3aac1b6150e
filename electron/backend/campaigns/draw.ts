// 双随机 draws of a campaign: run over the current target list and the active inspectors,
// recorded with everything needed to re-run them, applied to the target list, and verified.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { DrawDetail, DrawInput, DrawParams, DrawSummary } from '../../../shared/campaign';
import { AppError } from '../../../shared/errors';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import type { Sqlite } from '../db/open';
import { townshipName } from '../divisions/divisions';
import { ALGORITHM, ALGORITHM_VERSION, hashOf, runDraw, sha256Hex, type DrawnEntry, type InspectorEntry, type PoolEntry } from './draw-algorithm';
import { DRAW_SUMMARY_COLUMNS, drawSummaryOf, type DrawRow, type DrawSummaryRow } from './draw-record';

const nameOfTownship = (code: string | null) => (code ? (townshipName(code) ?? code) : '未填乡镇');

function campaignRow(sqlite: Sqlite, id: number): { id: number; name: string; current_draw_id: number | null } {
  const c = sqlite.prepare('SELECT id, name, current_draw_id FROM campaigns WHERE id = ?').get(id) as
    | { id: number; name: string; current_draw_id: number | null }
    | undefined;
  if (!c) throw new AppError('NOT_FOUND', `找不到专项 ${id}`);
  return c;
}

/**
 * The pool: the campaign's targets not removed, in enterprise-id order, with credit class and
 * township — as the JSON text that is hashed and stored (SQLite's json_array writes exactly what
 * JSON.stringify would), and parsed. Building the text in SQL saves a row object per target.
 */
function currentPool(sqlite: Sqlite, campaignId: number): { json: string; pool: PoolEntry[] } {
  let json = sqlite
    .prepare(
      `SELECT json_group_array(json_array(t.enterprise_id, e.credit_class, t.township_code))
       FROM (SELECT enterprise_id, township_code FROM campaign_targets WHERE campaign_id = ? AND removed_at IS NULL ORDER BY enterprise_id) t
       JOIN enterprises e ON e.id = t.enterprise_id`,
    )
    .pluck()
    .get(campaignId) as string;
  let pool = JSON.parse(json) as PoolEntry[];
  // The aggregate keeps the subquery's order in practice; SQL does not promise it, so check.
  if (pool.some((p, i) => i > 0 && p[0] <= pool[i - 1]![0])) {
    pool = pool.sort((a, b) => a[0] - b[0]);
    json = JSON.stringify(pool);
  }
  return { json, pool };
}

function activeInspectors(sqlite: Sqlite): InspectorEntry[] {
  return sqlite.prepare('SELECT id, township_code FROM inspectors WHERE active = 1 ORDER BY id').raw().all() as InspectorEntry[];
}

/** Draws targets and inspector pairs, records the draw, and makes the drawn targets the ones to inspect. */
export function drawTargets(core: Core, ctx: RequestContext, input: z.output<typeof DrawInput>): DrawDetail {
  return write(core, ctx, 'campaigns.draw', (scope) => {
    const sqlite = core.sqlite;
    const campaign = campaignRow(sqlite, input.campaignId);
    const reason = input.reason?.trim() || null;
    if (campaign.current_draw_id !== null) {
      if (!reason) throw new AppError('VALIDATION', '本专项已经抽取过，重新抽取须填写原因', { field: 'reason' });
      const results = sqlite.prepare('SELECT count(*) AS n FROM campaign_results WHERE campaign_id = ? AND voided = 0').get(campaign.id) as { n: number };
      if (results.n > 0) {
        throw new AppError('CONFLICT', `本专项已录入 ${results.n} 条检查结果，不能再重新抽取；如需复核，请使用“复核（重新运行）”`);
      }
    }
    const { json: poolJson, pool } = currentPool(sqlite, campaign.id);
    const inspectors = activeInspectors(sqlite);
    const seed = input.seed ?? randomBytes(16).toString('hex');
    const drawn = runDraw({ seed, params: input.params, pool, inspectors, townshipName: nameOfTownship });
    const now = new Date().toISOString();
    const id = Number(
      sqlite
        .prepare(
          `INSERT INTO campaign_draws (campaign_id, created_at, actor, algorithm, algorithm_version, seed, params, pool, pool_hash,
             inspector_pool, inspector_pool_hash, result, result_hash, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(campaign.id, now, ctx.actor, ALGORITHM, ALGORITHM_VERSION, seed, JSON.stringify(input.params), poolJson,
          sha256Hex(poolJson), JSON.stringify(inspectors), hashOf(inspectors), JSON.stringify(drawn), hashOf(drawn), reason).lastInsertRowid,
    );
    if (campaign.current_draw_id !== null) sqlite.prepare('UPDATE campaign_draws SET superseded_at = ? WHERE id = ?').run(now, campaign.current_draw_id);
    sqlite.prepare('UPDATE campaigns SET current_draw_id = ?, updated_at = ? WHERE id = ?').run(id, now, campaign.id);
    // Only rows whose flag changes are written: on a 200,000-target list that is the difference
    // between rewriting every row and its index entry, and writing the drawn few.
    sqlite.prepare('UPDATE campaign_targets SET planned = 0 WHERE campaign_id = ? AND planned = 1').run(campaign.id);
    // One keyed UPDATE per drawn target: an UPDATE … FROM json_each(…) lets SQLite loop over the
    // whole list for every drawn target (minutes at 180,000 × 5,400).
    const mark = sqlite.prepare('UPDATE campaign_targets SET planned = 1, inspector_ids = ? WHERE campaign_id = ? AND enterprise_id = ?');
    for (const [enterpriseId, a, b] of drawn) mark.run(JSON.stringify([a, b]), campaign.id, enterpriseId);
    scope.audit({
      entity: 'campaign',
      entityId: campaign.id,
      after: { drawId: id, algorithm: ALGORITHM, version: ALGORITHM_VERSION, seed, params: input.params, pool: pool.length, drawn: drawn.length },
      reason,
    });
    return drawDetail(sqlite, id);
  });
}

function drawRow(sqlite: Sqlite, id: number): DrawRow {
  const row = sqlite.prepare('SELECT * FROM campaign_draws WHERE id = ?').get(id) as DrawRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到抽取记录 ${id}`);
  return row;
}

/** Every draw of a campaign, newest first (superseded ones included, with their reasons). */
export function listDraws(sqlite: Sqlite, campaignId: number): DrawSummary[] {
  campaignRow(sqlite, campaignId);
  const rows = sqlite.prepare(`SELECT ${DRAW_SUMMARY_COLUMNS} FROM campaign_draws d WHERE d.campaign_id = ? ORDER BY d.id DESC`).all(campaignId) as DrawSummaryRow[];
  return rows.map(drawSummaryOf);
}

/** A draw with its drawn targets in draw order, names and inspectors resolved. */
export function drawDetail(sqlite: Sqlite, id: number): DrawDetail {
  const row = sqlite.prepare(`SELECT ${DRAW_SUMMARY_COLUMNS}, d.result FROM campaign_draws d WHERE d.id = ?`).get(id) as (DrawSummaryRow & { result: string }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到抽取记录 ${id}`);
  const drawn = JSON.parse(row.result) as DrawnEntry[];
  const enterprises = new Map(
    (
      sqlite
        .prepare(
          `SELECT e.id, e.name, e.uscc, e.credit_class, e.township_code FROM enterprises e WHERE e.id IN (SELECT value ->> 0 FROM json_each(?))`,
        )
        .all(row.result) as { id: number; name: string; uscc: string | null; credit_class: string | null; township_code: string | null }[]
    ).map((e) => [e.id, e]),
  );
  const inspectors = new Map(
    (sqlite.prepare('SELECT id, name, cert_no FROM inspectors').all() as { id: number; name: string; cert_no: string }[]).map((i) => [i.id, i]),
  );
  const inspector = (iid: number) => {
    const i = inspectors.get(iid);
    return { id: iid, name: i?.name ?? `（编号 ${iid}）`, certNo: i?.cert_no ?? '' };
  };
  return {
    draw: drawSummaryOf(row),
    targets: drawn.map(([eid, a, b], i) => {
      const e = enterprises.get(eid);
      return {
        position: i + 1,
        enterpriseId: eid,
        name: e?.name ?? `（编号 ${eid}）`,
        uscc: e?.uscc ?? null,
        townshipName: e?.township_code ? nameOfTownship(e.township_code) : null,
        creditClass: e?.credit_class ?? null,
        inspectors: [inspector(a), inspector(b)],
      };
    }),
  };
}

/** Re-runs a recorded draw from its stored pool, inspectors, seed and parameters and compares. */
export function verifyDraw(sqlite: Sqlite, id: number): { poolMatches: boolean; inspectorPoolMatches: boolean; resultMatches: boolean; message: string } {
  const row = drawRow(sqlite, id);
  const pool = JSON.parse(row.pool) as PoolEntry[];
  const inspectors = JSON.parse(row.inspector_pool) as InspectorEntry[];
  const poolMatches = hashOf(pool) === row.pool_hash;
  const inspectorPoolMatches = hashOf(inspectors) === row.inspector_pool_hash;
  if (row.algorithm !== ALGORITHM || row.algorithm_version !== ALGORITHM_VERSION) {
    return {
      poolMatches,
      inspectorPoolMatches,
      resultMatches: false,
      message: `这次抽取使用的算法是 ${row.algorithm} 第 ${row.algorithm_version} 版，本软件只能重新运行 ${ALGORITHM} 第 ${ALGORITHM_VERSION} 版`,
    };
  }
  let rerun: DrawnEntry[];
  try {
    rerun = runDraw({ seed: row.seed, params: JSON.parse(row.params) as DrawParams, pool, inspectors });
  } catch (e) {
    return { poolMatches, inspectorPoolMatches, resultMatches: false, message: `重新运行失败：${(e as Error).message}` };
  }
  const resultMatches = hashOf(rerun) === row.result_hash && JSON.stringify(rerun) === row.result;
  const currentPoolSame = sha256Hex(currentPool(sqlite, row.campaign_id).json) === row.pool_hash;
  const parts: string[] = [];
  if (!poolMatches) parts.push('记录的检查对象库与其哈希值不符，记录可能被改动');
  if (!inspectorPoolMatches) parts.push('记录的执法人员库与其哈希值不符，记录可能被改动');
  parts.push(
    resultMatches
      ? `用记录的种子 ${row.seed} 重新运行，得到与记录完全相同的 ${rerun.length} 户及执法人员配对`
      : '用记录的种子重新运行，得到的名单与记录不同，抽取记录可能被改动',
  );
  if (!currentPoolSame) parts.push('（提示：检查对象名录在抽取后有变动，复核使用的是抽取时记录的名录）');
  return { poolMatches, inspectorPoolMatches, resultMatches, message: parts.join('；') };
}
