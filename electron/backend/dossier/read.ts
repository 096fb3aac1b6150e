// Reading an enterprise's file: its records newest first, their attachments and deadlines, the
// open deadlines and a summary. A few indexed queries, whatever the size of the county.
import { todayInChina } from '../../../shared/dates';
import type { Attachment, Deadline, Dossier, DossierRecord, RecordKind } from '../../../shared/dossier';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../db/open';
import { getEnterprise } from '../registry/repo';
import { DEADLINE_COLUMNS, toDeadline, type DeadlineRow } from './deadlines';

interface RecordRow {
  id: number;
  enterprise_id: number;
  kind: RecordKind;
  occurred_on: string;
  summary: string;
  data: string;
  source_id: number | null;
  enterprise_archived: number;
  voided_at: string | null;
  void_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

const RECORD_COLUMNS = `id, enterprise_id, kind, occurred_on, summary, data, source_id, enterprise_archived, voided_at, void_reason,
  created_by, created_at, updated_at`;

const DEADLINE_FROM = 'FROM deadlines d JOIN enterprises e ON e.id = d.enterprise_id JOIN dossier_records r ON r.id = d.record_id';

/** Records as the contract shows them, with their attachments and deadlines (three queries for any number). */
function hydrate(sqlite: Sqlite, rows: RecordRow[], today: string): DossierRecord[] {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const marks = ids.map(() => '?').join(',');
  const files = new Map<number, Attachment[]>();
  for (const f of sqlite
    .prepare(`SELECT record_id, sha256, name, mime, size FROM record_files WHERE record_id IN (${marks}) ORDER BY record_id, position`)
    .all(...ids) as (Attachment & { record_id: number })[]) {
    const list = files.get(f.record_id) ?? [];
    list.push({ sha256: f.sha256, name: f.name, mime: f.mime, size: f.size });
    files.set(f.record_id, list);
  }
  const deadlines = new Map<number, Deadline[]>();
  for (const d of sqlite.prepare(`SELECT ${DEADLINE_COLUMNS} ${DEADLINE_FROM} WHERE d.record_id IN (${marks}) ORDER BY d.due_on`).all(...ids) as DeadlineRow[]) {
    const list = deadlines.get(d.record_id) ?? [];
    list.push(toDeadline(d, today));
    deadlines.set(d.record_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    enterpriseId: r.enterprise_id,
    kind: r.kind,
    occurredOn: r.occurred_on,
    summary: r.summary,
    data: JSON.parse(r.data) as Record<string, unknown>,
    attachments: files.get(r.id) ?? [],
    sourceId: r.source_id,
    enterpriseArchived: r.enterprise_archived === 1,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deadlines: deadlines.get(r.id) ?? [],
  }));
}

/** One record with its attachments and deadlines. */
export function getRecord(sqlite: Sqlite, id: number, today = todayInChina()): DossierRecord {
  const row = sqlite.prepare(`SELECT ${RECORD_COLUMNS} FROM dossier_records WHERE id = ?`).get(id) as RecordRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到记录 ${id}`);
  return hydrate(sqlite, [row], today)[0]!;
}

export interface DossierQuery {
  enterpriseId: number;
  kinds: RecordKind[];
  year: number | null;
  includeVoided: boolean;
  offset: number;
  limit: number;
}

/** An enterprise's file: a page of its records newest first (filtered by kind and year), open deadlines, summary. */
export function getDossier(sqlite: Sqlite, q: DossierQuery, today = todayInChina()): Dossier {
  getEnterprise(sqlite, q.enterpriseId); // NOT_FOUND for an unknown enterprise
  const where = ['enterprise_id = @id'];
  if (!q.includeVoided) where.push('voided_at IS NULL');
  if (q.kinds.length) where.push(`kind IN (${q.kinds.map((_, i) => `@k${i}`).join(',')})`);
  if (q.year !== null) where.push('occurred_on BETWEEN @from AND @to');
  const params: Record<string, unknown> = { id: q.enterpriseId, from: `${q.year}-01-01`, to: `${q.year}-12-31`, limit: q.limit, offset: q.offset };
  q.kinds.forEach((k, i) => (params[`k${i}`] = k));
  const w = where.join(' AND ');
  const rows = sqlite
    .prepare(`SELECT ${RECORD_COLUMNS} FROM dossier_records WHERE ${w} ORDER BY occurred_on DESC, id DESC LIMIT @limit OFFSET @offset`)
    .all(params) as RecordRow[];
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM dossier_records WHERE ${w}`).get(params) as { n: number }).n;

  const open = (
    sqlite
      // Without the hint SQLite walks the county's open deadlines in due order (deadlines_due_idx) to skip a sort of a few rows.
      .prepare(`SELECT ${DEADLINE_COLUMNS} FROM deadlines d INDEXED BY deadlines_enterprise_idx JOIN enterprises e ON e.id = d.enterprise_id JOIN dossier_records r ON r.id = d.record_id WHERE d.enterprise_id = ? AND d.status = 'open' ORDER BY d.due_on`)
      .all(q.enterpriseId) as DeadlineRow[]
  )
    .map((d) => toDeadline(d, today))
    // An objection window that has run out is over, not overdue.
    .filter((d) => d.kind !== 'objection' || d.daysLeft >= 0);

  const active = 'enterprise_id = ? AND voided_at IS NULL';
  const byKind = sqlite.prepare(`SELECT kind, count(*) AS count FROM dossier_records WHERE ${active} GROUP BY kind ORDER BY count DESC`).all(q.enterpriseId) as {
    kind: RecordKind;
    count: number;
  }[];
  const inspectionsByYear = sqlite
    .prepare(
      `SELECT CAST(substr(occurred_on, 1, 4) AS INTEGER) AS year, count(*) AS count FROM dossier_records
       WHERE ${active} AND kind IN ('inspection', 'specialInspection') GROUP BY year ORDER BY year DESC`,
    )
    .all(q.enterpriseId) as { year: number; count: number }[];
  const sampling = sqlite
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(json_extract(data, '$.result') = '合格'), 0) AS qualified FROM dossier_records
       WHERE ${active} AND kind = 'sampling'`,
    )
    .get(q.enterpriseId) as { total: number; qualified: number };
  const openRectifications = (
    sqlite
      .prepare(`SELECT count(*) AS n FROM dossier_records WHERE ${active} AND kind = 'rectification' AND json_extract(data, '$.recheckOn') IS NULL`)
      .get(q.enterpriseId) as { n: number }
  ).n;
  const years = (
    sqlite
      .prepare(`SELECT DISTINCT CAST(substr(occurred_on, 1, 4) AS INTEGER) AS y FROM dossier_records WHERE ${active} ORDER BY y DESC`)
      .all(q.enterpriseId) as { y: number }[]
  ).map((r) => r.y);

  return {
    total,
    records: hydrate(sqlite, rows, today),
    openDeadlines: open,
    summary: {
      inspectionsByYear,
      sampling,
      openRectifications,
      openDeadlines: open.length,
      overdue: open.filter((d) => d.daysLeft < 0).length,
      byKind,
      years,
    },
  };
}
