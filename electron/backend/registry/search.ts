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

const CODE_LIKE = /^(?=.*\d)[0-9A-Z]{2,18}$/;
const PHONE_LIKE = /^[0-9-]{3,}$/;
const LATIN = /^[a-z]+$/;

interface TermMatch {
  /** Which index answers it, and the MATCH expression for it. */
  table: 'enterprise_text' | 'enterprise_grams';
  match: string;
  /** A credit-code prefix also matched through the code index. */
  codePrefix: string | null;
}

/** How one search term is looked up. */
function termMatch(raw: string): TermMatch {
  const term = raw.toLowerCase();
  const code = normalizeCode(raw);
  const codePrefix = CODE_LIKE.test(code) ? code : null;
  if ([...term].length >= 3) {
    const columns = LATIN.test(term)
      ? '{name pinyin initials}'
      : PHONE_LIKE.test(term)
        ? '{name code phone address}'
        : '{name former address code phone}';
    return { table: 'enterprise_text', match: `${columns} : ${phrase(term)}`, codePrefix };
  }
  return { table: 'enterprise_grams', match: `grams : ${phrase(term)}`, codePrefix };
}

/** A whole credit code or 注册号: looked up in the code index alone. */
const WHOLE_CODE = /^([0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}|\d{15})$/;

/** The SQL condition (on `e`) for one search term: one set of ids, so the planner never falls back to a scan. */
function termCondition(raw: string, w: Where): void {
  const code = normalizeCode(raw);
  if (WHOLE_CODE.test(code)) {
    w.sql.push('e.uscc = ?');
    w.params.push(code);
    return;
  }
  const t = termMatch(raw);
  const parts = [`SELECT rowid FROM ${t.table} WHERE ${t.table} MATCH ?`];
  w.params.push(t.match);
  if (t.codePrefix) {
    // Codes are upper-case letters and digits only, so '~' sorts after every continuation.
    parts.push('SELECT id FROM enterprises WHERE uscc >= ? AND uscc < ?');
    w.params.push(t.codePrefix, `${t.codePrefix}~`);
  }
  w.sql.push(`e.id IN (${parts.join(' UNION ')})`);
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
  // The unary + keeps the planner from choosing the archived_at index over the sort order's index.
  if (filter.archived === 'active') w.sql.push('+e.archived_at IS NULL');
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

/** The ORDER BY clause (its parameters are pushed onto `params`); relevance puts exact and leading name matches first. */
export function orderBy(sort: (typeof sortFields)[number], order: 'asc' | 'desc', q: string, params: unknown[]): string {
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

const DENSE = 2000;

/** True when the filter is one search term among active enterprises and nothing else. */
function onlyOneTerm(filter: EnterpriseFilter): boolean {
  const { q, archived, townshipCodes, supervisionClasses, creditClasses, statuses, entityTypes, industry, tags, productId, licenceExpiringDays } = filter;
  return (
    q.split(' ').filter(Boolean).length === 1 && archived === 'active' && !townshipCodes.length && !supervisionClasses.length &&
    !creditClasses.length && !statuses.length && !entityTypes.length && !industry && !tags.length && !productId && licenceExpiringDays === null
  );
}

/**
 * A very common term (the county's name, 有限公司) matches most of the registry. Counting and
 * ranking that many rows costs hundreds of milliseconds, so such a term is counted inside the
 * search index and listed in registration order instead. Null when the plan does not apply.
 */
function denseSearch(sqlite: Sqlite, input: { filter: EnterpriseFilter; sort: string; offset: number; limit: number }): Omit<EnterpriseSearchResult, 'tookMs'> | null {
  if (input.sort !== 'relevance' || !onlyOneTerm(input.filter)) return null;
  const t = termMatch(input.filter.q.trim());
  if (t.codePrefix) return null;
  const match = `(${t.match}) AND state : ${t.table === 'enterprise_text' ? '"active"' : 'active'}`;
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM ${t.table} WHERE ${t.table} MATCH ?`).get(match) as { n: number }).n;
  if (total <= DENSE) return null;
  const rows = sqlite
    .prepare(
      `SELECT ${ROW_COLUMNS} FROM ${t.table} f JOIN enterprises e ON e.id = f.rowid
       WHERE ${t.table} MATCH ? ORDER BY f.rowid LIMIT ? OFFSET ?`,
    )
    .all(match, input.limit, input.offset) as RawRow[];
  return { total, rows: rows.map(toRow) };
}

/** One window of the filtered, sorted registry, with the total count. */
export function searchEnterprises(
  sqlite: Sqlite,
  input: { filter: EnterpriseFilter; sort: (typeof sortFields)[number]; order: 'asc' | 'desc'; offset: number; limit: number },
): EnterpriseSearchResult {
  const t0 = performance.now();
  const took = () => Math.round((performance.now() - t0) * 10) / 10;
  const dense = denseSearch(sqlite, input);
  if (dense) return { ...dense, tookMs: took() };
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
  return { total, rows: rows.map(toRow), tookMs: took() };
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
