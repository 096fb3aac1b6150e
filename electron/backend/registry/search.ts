// Registry search: every space-separated term must match the name (or a former name), its
// pinyin or initials, the credit code (prefix or part), the phone or the address; combined with
// filters. Terms of 3+ characters use the trigram index, shorter ones the index of single
// characters and pairs (the trigram tokenizer finds nothing under 3 characters).
import type { EnterpriseFilter, EnterpriseSearchResult, sortFields } from '../../../shared/enterprise';
import { addDays, todayInChina } from '../../../shared/dates';
import { normalizeCode } from '../../../shared/uscc';
import type { Sqlite } from '../db/open';
import { divisionsOfSection } from '../reference/industries';
import { ROW_COLUMNS, toRow, type RawRow } from './repo';

interface Where {
  sql: string[];
  params: unknown[];
}

/** A term as one FTS5 string literal. */
const phrase = (term: string): string => `"${term.replace(/"/g, '""')}"`;

const CODE_LIKE = /^[0-9A-Z]{2,18}$/;
const PHONE_LIKE = /^[0-9-]{3,}$/;
const LATIN = /^[a-z]+$/;

/** The SQL condition (on `e`) for one search term. */
function termCondition(raw: string, w: Where): void {
  const term = raw.toLowerCase();
  const length = [...term].length;
  const ors: string[] = [];
  const code = normalizeCode(raw);
  if (CODE_LIKE.test(code)) {
    // Codes are upper-case letters and digits only, so '~' sorts after every continuation.
    ors.push('(e.uscc >= ? AND e.uscc < ?)');
    w.params.push(code, `${code}~`);
  }
  if (length >= 3) {
    const columns = LATIN.test(term)
      ? '{name pinyin initials}'
      : PHONE_LIKE.test(term)
        ? '{name code phone address}'
        : '{name former address code phone}';
    ors.push('e.id IN (SELECT rowid FROM enterprise_text WHERE enterprise_text MATCH ?)');
    w.params.push(`${columns} : ${phrase(term)}`);
  } else {
    ors.push('e.id IN (SELECT rowid FROM enterprise_grams WHERE enterprise_grams MATCH ?)');
    w.params.push(phrase(term));
  }
  w.sql.push(`(${ors.join(' OR ')})`);
}

const inList = (column: string, values: readonly unknown[], w: Where): void => {
  if (!values.length) return;
  w.sql.push(`${column} IN (${values.map(() => '?').join(', ')})`);
  w.params.push(...values);
};

/** The WHERE clause (on `e`) for a filter; shared by the list, the count and the export. */
export function filterWhere(filter: EnterpriseFilter, today = todayInChina()): Where {
  const w: Where = { sql: [], params: [] };
  for (const term of filter.q.split(' ').filter(Boolean).slice(0, 8)) termCondition(term, w);
  if (filter.archived === 'active') w.sql.push('e.archived_at IS NULL');
  else if (filter.archived === 'archived') w.sql.push('e.archived_at IS NOT NULL');
  inList('e.township_code', filter.townshipCodes, w);
  inList('e.supervision_class', filter.supervisionClasses, w);
  inList('e.status', filter.statuses, w);
  inList('e.entity_type', filter.entityTypes, w);
  if (filter.creditClasses.length) {
    const classes = filter.creditClasses.filter((c) => c !== 'none');
    const parts: string[] = [];
    if (classes.length) {
      parts.push(`e.credit_class IN (${classes.map(() => '?').join(', ')})`);
      w.params.push(...classes);
    }
    if (filter.creditClasses.includes('none')) parts.push('e.credit_class IS NULL');
    w.sql.push(`(${parts.join(' OR ')})`);
  }
  if (filter.industry) {
    if (/^[A-T]$/.test(filter.industry)) {
      const divisions = divisionsOfSection(filter.industry);
      w.sql.push(`substr(e.industry_code, 1, 2) IN (${divisions.map(() => '?').join(', ') || "''"})`);
      w.params.push(...divisions);
    } else {
      w.sql.push('e.industry_code >= ? AND e.industry_code < ?');
      w.params.push(filter.industry, `${filter.industry}~`);
    }
  }
  for (const tag of filter.tags) {
    w.sql.push('e.id IN (SELECT enterprise_id FROM enterprise_tags WHERE tag = ?)');
    w.params.push(tag);
  }
  if (filter.productId) {
    w.sql.push('e.id IN (SELECT enterprise_id FROM enterprise_products WHERE product_id = ?)');
    w.params.push(filter.productId);
  }
  if (filter.licenceExpiringDays !== null) {
    w.sql.push('e.id IN (SELECT enterprise_id FROM enterprise_licences WHERE valid_to >= ? AND valid_to <= ?)');
    w.params.push(today, addDays(today, filter.licenceExpiringDays));
  }
  return w;
}

/** The ORDER BY clause; relevance puts exact and leading name matches first. */
function orderBy(sort: (typeof sortFields)[number], order: 'asc' | 'desc', q: string, params: unknown[]): string {
  const dir = order === 'desc' ? 'DESC' : 'ASC';
  switch (sort) {
    case 'name':
      return `e.name_pinyin ${dir}, e.id`;
    case 'establishedOn':
      return `e.established_on IS NULL, e.established_on ${dir}, e.id`;
    case 'updatedAt':
      return `e.updated_at ${dir}, e.id`;
    case 'township':
      return `e.township_code IS NULL, e.township_code ${dir}, e.name_pinyin, e.id`;
    case 'creditClass':
      return `e.credit_class IS NULL, e.credit_class ${dir}, e.name_pinyin, e.id`;
    case 'relevance': {
      const first = q.split(' ').find(Boolean);
      if (!first) return 'e.name_pinyin, e.id';
      params.push(first, first);
      return `CASE WHEN e.name = ? THEN 0 WHEN instr(e.name, ?) = 1 THEN 1 ELSE 2 END, length(e.name), e.name_pinyin, e.id`;
    }
  }
}

/** One window of the filtered, sorted registry, with the total count. */
export function searchEnterprises(
  sqlite: Sqlite,
  input: { filter: EnterpriseFilter; sort: (typeof sortFields)[number]; order: 'asc' | 'desc'; offset: number; limit: number },
): EnterpriseSearchResult {
  const t0 = performance.now();
  const w = filterWhere(input.filter);
  const where = w.sql.length ? `WHERE ${w.sql.join(' AND ')}` : '';
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM enterprises e ${where}`).get(...w.params) as { n: number }).n;
  let rows: RawRow[] = [];
  if (total > input.offset) {
    const orderParams: unknown[] = [];
    const order = orderBy(input.sort, input.order, input.filter.q, orderParams);
    rows = sqlite
      .prepare(`SELECT ${ROW_COLUMNS} FROM enterprises e ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...w.params, ...orderParams, input.limit, input.offset) as RawRow[];
  }
  return { total, rows: rows.map(toRow), tookMs: Math.round((performance.now() - t0) * 10) / 10 };
}

/** Tags in use among active enterprises, most used first. */
export function tagCounts(sqlite: Sqlite): { tag: string; count: number }[] {
  return sqlite
    .prepare(
      `SELECT t.tag, count(*) AS count FROM enterprise_tags t JOIN enterprises e ON e.id = t.enterprise_id
       WHERE e.archived_at IS NULL GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT 500`,
    )
    .all() as { tag: string; count: number }[];
}
