// Reading a campaign's target list: one page at a time, ordered by township then name, with each
// target's status and inspectors. A campaign may have 20,000 targets, so a page never joins
// every target to its enterprise unless it has to (a name search).
import type { z } from 'zod';
import type { TargetList, TargetListInput, TargetRow } from '../../../shared/campaign';
import type { Sqlite } from '../db/open';
import { townshipName } from '../divisions/divisions';
import { campaignRow } from './campaigns';
import { NOT_INSPECTED, TARGET_STATUS_CTE } from './status';

type Input = z.output<typeof TargetListInput>;

interface ListRow {
  enterprise_id: number;
  name: string;
  uscc: string | null;
  address: string | null;
  township_code: string | null;
  credit_class: string | null;
  source: 'scope' | 'manual';
  planned: number;
  responsible_unit: string | null;
  inspector_ids: string;
}

interface StatusRow {
  enterprise_id: number;
  status: TargetRow['status'];
  visits: number;
  last_on: string;
}

interface Where {
  sql: string[];
  params: unknown[];
}

const idsJson = (ids: readonly number[]): string => JSON.stringify(ids);

const COLUMNS = `t.enterprise_id, e.name, e.uscc, e.address, t.township_code, e.credit_class, t.source, t.planned, t.responsible_unit,
  t.inspector_ids`;
// CROSS JOIN keeps the campaign's targets as the outer loop (never a scan of the whole registry).
const FROM = 'FROM campaign_targets t CROSS JOIN enterprises e ON e.id = t.enterprise_id';
const ORDER = 'ORDER BY t.township_code IS NULL, t.township_code, e.name_pinyin, t.enterprise_id';

/** The status of these targets, or of all (null); targets without results are not in the map. */
function statusesOf(sqlite: Sqlite, campaignId: number, ids: number[] | null): Map<number, StatusRow> {
  const rows = sqlite
    .prepare(
      `WITH ${TARGET_STATUS_CTE} SELECT enterprise_id, status, visits, last_on FROM target_status
       ${ids ? 'WHERE enterprise_id IN (SELECT value FROM json_each(?))' : ''}`,
    )
    .all(campaignId, ...(ids ? [idsJson(ids)] : [])) as StatusRow[];
  return new Map(rows.map((r) => [r.enterprise_id, r]));
}

/** Inspectors by id, with whether they are in post. */
export function inspectorsById(sqlite: Sqlite, ids: number[]): Map<number, { name: string; certNo: string; active: boolean }> {
  const rows = sqlite
    .prepare('SELECT id, name, cert_no, active FROM inspectors WHERE id IN (SELECT value FROM json_each(?))')
    .all(idsJson([...new Set(ids)])) as { id: number; name: string; cert_no: string; active: number }[];
  return new Map(rows.map((r) => [r.id, { name: r.name, certNo: r.cert_no, active: r.active === 1 }]));
}

/** The filters that need only the target row (`t`). */
function targetWhere(input: Input, statuses: Map<number, StatusRow> | null): Where {
  const w: Where = { sql: ['t.campaign_id = ?', 't.removed_at IS NULL'], params: [input.campaignId] };
  if (input.plannedOnly) w.sql.push('t.planned = 1');
  if (input.townshipCode) {
    w.sql.push('t.township_code = ?');
    w.params.push(input.townshipCode);
  }
  if (statuses) {
    // The matching ids as one JSON parameter: the status CTE is computed once per call, not once per target.
    const ids = [...statuses.values()].filter((r) => input.status === NOT_INSPECTED || r.status === input.status).map((r) => r.enterprise_id);
    w.sql.push(`t.enterprise_id ${input.status === NOT_INSPECTED ? 'NOT IN' : 'IN'} (SELECT value FROM json_each(?))`);
    w.params.push(idsJson(ids));
  }
  return w;
}

/**
 * The townships a page reaches, and where in the first of them it starts. The list is ordered
 * by township first, so only the targets of those townships need joining and sorting by name.
 */
function pageTownships(groups: { code: string | null; n: number }[], offset: number, limit: number) {
  const codes: (string | null)[] = [];
  let start = 0;
  let localOffset = 0;
  for (const g of groups) {
    if (start + g.n > offset) {
      if (!codes.length) localOffset = offset - start;
      codes.push(g.code);
      if (start + g.n >= offset + limit) break;
    }
    start += g.n;
  }
  return { codes, localOffset };
}

function townshipPage(sqlite: Sqlite, w: Where, input: Input): { total: number; rows: ListRow[] } {
  const groups = (
    sqlite
      .prepare(`SELECT t.township_code AS code, count(*) AS n FROM campaign_targets t WHERE ${w.sql.join(' AND ')} GROUP BY t.township_code`)
      .all(...w.params) as { code: string | null; n: number }[]
  ).sort((a, b) => (a.code === b.code ? 0 : a.code === null ? 1 : b.code === null ? -1 : a.code < b.code ? -1 : 1));
  const total = groups.reduce((sum, g) => sum + g.n, 0);
  if (total <= input.offset) return { total, rows: [] };
  const page = pageTownships(groups, input.offset, input.limit);
  const named = page.codes.filter((c): c is string => c !== null);
  const towns = [
    ...(named.length ? [`t.township_code IN (${named.map(() => '?').join(', ')})`] : []),
    ...(page.codes.includes(null) ? ['t.township_code IS NULL'] : []),
  ].join(' OR ');
  const rows = sqlite
    .prepare(`SELECT ${COLUMNS} ${FROM} WHERE ${w.sql.join(' AND ')} AND (${towns}) ${ORDER} LIMIT ? OFFSET ?`)
    .all(...w.params, ...named, input.limit, page.localOffset) as ListRow[];
  return { total, rows };
}

/** Every term must be in the name or the credit code: one pass over the campaign's targets, counted as it goes. */
function searchPage(sqlite: Sqlite, w: Where, terms: string[], input: Input): { total: number; rows: ListRow[] } {
  const sql = [...w.sql];
  const params = [...w.params];
  for (const term of terms) {
    sql.push('(instr(e.name, ?) > 0 OR instr(e.uscc, ?) > 0)');
    params.push(term, term.toUpperCase());
  }
  const where = sql.join(' AND ');
  const rows = sqlite
    .prepare(`SELECT count(*) OVER () AS total, ${COLUMNS} ${FROM} WHERE ${where} ${ORDER} LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as (ListRow & { total: number })[];
  if (rows.length || input.offset === 0) return { total: rows[0]?.total ?? 0, rows };
  const total = (sqlite.prepare(`SELECT count(*) AS n ${FROM} WHERE ${where}`).get(...params) as { n: number }).n;
  return { total, rows: [] };
}

/** One page of the target list (by township, then name) with each target's status and inspectors, and the filtered total. */
export function listTargets(sqlite: Sqlite, input: Input): TargetList {
  campaignRow(sqlite, input.campaignId);
  const all = input.status ? statusesOf(sqlite, input.campaignId, null) : null;
  const w = targetWhere(input, all);
  const terms = input.q.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const { total, rows } = terms.length ? searchPage(sqlite, w, terms, input) : townshipPage(sqlite, w, input);
  const statuses = all ?? statusesOf(sqlite, input.campaignId, rows.map((r) => r.enterprise_id));
  const inspectors = inspectorsById(sqlite, rows.flatMap((r) => JSON.parse(r.inspector_ids) as number[]));
  return {
    total,
    rows: rows.map((r) => {
      const status = statuses.get(r.enterprise_id);
      return {
        enterpriseId: r.enterprise_id,
        name: r.name,
        uscc: r.uscc,
        address: r.address,
        townshipCode: r.township_code,
        townshipName: r.township_code ? (townshipName(r.township_code) ?? null) : null,
        creditClass: r.credit_class,
        source: r.source,
        planned: r.planned === 1,
        responsibleUnit: r.responsible_unit,
        inspectors: (JSON.parse(r.inspector_ids) as number[]).flatMap((id) => {
          const i = inspectors.get(id);
          return i ? [{ id, name: i.name, certNo: i.certNo }] : [];
        }),
        status: status?.status ?? NOT_INSPECTED,
        visits: status?.visits ?? 0,
        lastInspectedOn: status?.last_on ?? null,
      };
    }),
  };
}
