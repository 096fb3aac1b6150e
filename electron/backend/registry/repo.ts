// Reading and writing enterprise rows: the one place that knows the column names.
import { AppError } from '../../../shared/errors';
import type { Enterprise, EnterpriseData, EnterpriseRow } from '../../../shared/enterprise';
import { maskIdNumber } from '../../../shared/idcard';
import type { Sqlite } from '../db/open';
import { townshipName } from '../divisions/divisions';
import { industryByCode } from '../reference/industries';
import { SEARCH_KEYS_VERSION, searchKeys, type SearchKeys } from './search-keys';

/** The columns of a list row, for SELECTs aliased `e`. */
export const ROW_COLUMNS = `e.id, e.name, e.uscc, e.entity_type, e.legal_rep, e.phone, e.address, e.township_code,
  e.industry_code, e.status, e.supervision_class, e.credit_class, e.established_on, e.tags, e.archived_at, e.updated_at`;

export interface RawRow {
  id: number;
  name: string;
  uscc: string | null;
  entity_type: EnterpriseRow['entityType'];
  legal_rep: string | null;
  phone: string | null;
  address: string | null;
  township_code: string | null;
  industry_code: string | null;
  status: EnterpriseRow['status'];
  supervision_class: EnterpriseRow['supervisionClass'];
  credit_class: EnterpriseRow['creditClass'];
  established_on: string | null;
  tags: string;
  archived_at: string | null;
  updated_at: string;
}

interface RawFull extends RawRow {
  former_names: string;
  id_number: string | null;
  grid: string | null;
  risk_notes: string | null;
  products: string;
  code_override_reason: string | null;
  archive_reason: string | null;
  merged_into: number | null;
  created_at: string;
}

const parseList = (json: string): string[] => {
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) ? v.map(String) : [];
};

/** A list row as the contract shows it. */
export function toRow(r: RawRow): EnterpriseRow {
  return {
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    entityType: r.entity_type,
    legalRep: r.legal_rep,
    phone: r.phone,
    address: r.address,
    townshipCode: r.township_code,
    townshipName: r.township_code ? (townshipName(r.township_code) ?? null) : null,
    industryCode: r.industry_code,
    status: r.status,
    supervisionClass: r.supervision_class,
    creditClass: r.credit_class,
    establishedOn: r.established_on,
    tags: parseList(r.tags),
    archived: r.archived_at !== null,
    updatedAt: r.updated_at,
  };
}

/** The raw row including the personal fields, or NOT_FOUND. */
function rawFull(sqlite: Sqlite, id: number): RawFull {
  const r = sqlite.prepare('SELECT * FROM enterprises e WHERE e.id = ?').get(id) as RawFull | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的企业`, { id });
  return r;
}

/** The whole record (ID number masked), with its licences, products and merge target. */
export function getEnterprise(sqlite: Sqlite, id: number): Enterprise {
  const r = rawFull(sqlite, id);
  const licences = sqlite
    .prepare('SELECT id, kind, number, scope, valid_from AS validFrom, valid_to AS validTo FROM enterprise_licences WHERE enterprise_id = ? ORDER BY id')
    .all(id) as Enterprise['licences'];
  const products = sqlite
    .prepare(
      `SELECT p.product_id AS id, coalesce(r.name, p.product_id) AS name FROM enterprise_products p
       LEFT JOIN reference_products r ON r.id = p.product_id WHERE p.enterprise_id = ? ORDER BY p.product_id`,
    )
    .all(id) as Enterprise['products'];
  const merged = r.merged_into
    ? (sqlite.prepare('SELECT id, name FROM enterprises WHERE id = ?').get(r.merged_into) as { id: number; name: string } | undefined)
    : undefined;
  return {
    ...toRow(r),
    formerNames: parseList(r.former_names),
    idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null,
    grid: r.grid,
    industryName: r.industry_code ? (industryByCode(r.industry_code)?.name ?? null) : null,
    riskNotes: r.risk_notes,
    products,
    licences,
    codeOverrideReason: r.code_override_reason,
    archivedAt: r.archived_at,
    archiveReason: r.archive_reason,
    mergedInto: merged ?? null,
    createdAt: r.created_at,
  };
}

/** The editable data of a stored enterprise (the shape forms and imports write), ID number in full. */
export function getData(sqlite: Sqlite, id: number): EnterpriseData {
  const r = rawFull(sqlite, id);
  const e = getEnterprise(sqlite, id);
  return {
    name: r.name,
    formerNames: e.formerNames,
    uscc: r.uscc,
    entityType: r.entity_type,
    legalRep: r.legal_rep,
    idNumber: r.id_number,
    phone: r.phone,
    address: r.address,
    townshipCode: r.township_code,
    grid: r.grid,
    industryCode: r.industry_code,
    status: r.status,
    supervisionClass: r.supervision_class,
    creditClass: r.credit_class,
    establishedOn: r.established_on,
    riskNotes: r.risk_notes,
    tags: e.tags,
    products: e.products.map((p) => p.id),
    licences: e.licences.map(({ id: _id, ...l }) => l),
  };
}

/** The full ID number, for the one place allowed to show it. */
export function idNumberOf(sqlite: Sqlite, id: number): string | null {
  return rawFull(sqlite, id).id_number;
}

const COLUMNS = [
  'name', 'former_names', 'uscc', 'code_override_reason', 'entity_type', 'legal_rep', 'id_number', 'phone', 'address',
  'township_code', 'grid', 'industry_code', 'status', 'supervision_class', 'credit_class', 'established_on', 'risk_notes',
  'tags', 'products', 'name_pinyin', 'name_initials', 'search_grams', 'name_key', 'search_version', 'updated_at',
] as const;

/** The column values of `data` in COLUMNS order, search keys included. */
export function columnValues(data: EnterpriseData, codeOverrideReason: string | null, now: string, keys = searchKeys(data.name, data.formerNames)): unknown[] {
  return [
    data.name, JSON.stringify(data.formerNames), data.uscc, codeOverrideReason, data.entityType, data.legalRep, data.idNumber,
    data.phone, data.address, data.townshipCode, data.grid, data.industryCode, data.status, data.supervisionClass,
    data.creditClass, data.establishedOn, data.riskNotes, JSON.stringify(data.tags), JSON.stringify(data.products),
    keys.namePinyin, keys.nameInitials, keys.searchGrams, keys.nameKey, SEARCH_KEYS_VERSION, now,
  ];
}

/**
 * The search indexes and the tag/product mirrors of enterprise rows. They are written here, not
 * by triggers: FTS5 flushes its pending terms at every statement savepoint, and any statement that
 * fires a trigger opens one, which made a 100k-row import three times slower. Every write of an
 * enterprise goes through enterpriseWriter or reindex(); rows inserted any other way keep
 * search_version = 0 and are indexed by the re-keying at the next start-up.
 */
function searchIndexer(sqlite: Sqlite) {
  const insertText = sqlite.prepare(
    'INSERT INTO enterprise_text (rowid, name, former, address, code, phone, pinyin, initials, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertGrams = sqlite.prepare('INSERT INTO enterprise_grams (rowid, grams, state) VALUES (?, ?, ?)');
  // The same index rows as `index` writes, copied from the stored rows of a JSON array of ids in
  // one statement. Only for many rows: INSERT … SELECT opens a statement savepoint, at which FTS5
  // writes out the terms it holds in memory, which for one row at a time doubles the work.
  const state = "CASE WHEN archived_at IS NULL THEN 'active' ELSE 'archived' END";
  const listed = 'id IN (SELECT value FROM json_each(?))';
  const copyText = sqlite.prepare(
    `INSERT INTO enterprise_text (rowid, name, former, address, code, phone, pinyin, initials, state)
     SELECT id, name, former_names, address, uscc, phone, name_pinyin, name_initials, ${state} FROM enterprises WHERE ${listed}`,
  );
  const copyGrams = sqlite.prepare(`INSERT INTO enterprise_grams (rowid, grams, state) SELECT id, search_grams, ${state} FROM enterprises WHERE ${listed}`);
  const deleteText = sqlite.prepare('DELETE FROM enterprise_text WHERE rowid = ?');
  const deleteGrams = sqlite.prepare('DELETE FROM enterprise_grams WHERE rowid = ?');
  const deleteTags = sqlite.prepare('DELETE FROM enterprise_tags WHERE enterprise_id = ?');
  const insertTag = sqlite.prepare('INSERT OR IGNORE INTO enterprise_tags (enterprise_id, tag) VALUES (?, ?)');
  const deleteProducts = sqlite.prepare('DELETE FROM enterprise_products WHERE enterprise_id = ?');
  const insertProduct = sqlite.prepare('INSERT OR IGNORE INTO enterprise_products (enterprise_id, product_id) VALUES (?, ?)');
  return {
    /** Writes the text indexes of a row (after `unindex` when it had some). */
    index(id: number, v: IndexedValues): void {
      const state = v.archived ? 'archived' : 'active';
      insertText.run(id, v.name, v.formerNames, v.address, v.uscc, v.phone, v.namePinyin, v.nameInitials, state);
      insertGrams.run(id, v.searchGrams, state);
    },
    /** Writes the text indexes of many stored rows in one pass (rows without any yet). */
    indexStored(ids: readonly number[]): void {
      const list = JSON.stringify(ids);
      copyText.run(list);
      copyGrams.run(list);
    },
    unindex(id: number): void {
      deleteText.run(id);
      deleteGrams.run(id);
    },
    /**
     * Has FTS5 merge index segments only once 16 of a size have piled up instead of 4, until the
     * returned function restores the setting. FTS5 keeps it in the table's config, so it is part
     * of the transaction.
     */
    mergeLazily(): () => void {
      const setAutomerge = (table: string, segments: number) =>
        sqlite.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', ${Math.trunc(segments)})`);
      const tables = ['enterprise_text', 'enterprise_grams'].map((table) => ({
        table,
        // FTS5's default when the config does not name it.
        before: (sqlite.prepare(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).pluck().get() as number | undefined) ?? 4,
      }));
      for (const { table } of tables) setAutomerge(table, 16);
      return () => {
        for (const { table, before } of tables) setAutomerge(table, before);
      };
    },
    /** Replaces the tag and product mirrors of a row. */
    mirror(id: number, tags: readonly string[], products: readonly string[], replace: boolean): void {
      if (replace) {
        deleteTags.run(id);
        deleteProducts.run(id);
      }
      for (const t of tags) insertTag.run(id, t);
      for (const p of products) insertProduct.run(id, p);
    },
  };
}

interface IndexedValues {
  name: string;
  formerNames: string;
  address: string | null;
  uscc: string | null;
  phone: string | null;
  namePinyin: string | null;
  nameInitials: string | null;
  searchGrams: string | null;
  archived: boolean;
}

const indexers = new WeakMap<Sqlite, ReturnType<typeof searchIndexer>>();
function indexerOf(sqlite: Sqlite) {
  let i = indexers.get(sqlite);
  if (!i) indexers.set(sqlite, (i = searchIndexer(sqlite)));
  return i;
}

/** Rewrites the search indexes and mirrors of one enterprise from its stored row (after archiving, merging, re-keying). */
export function reindex(sqlite: Sqlite, id: number): void {
  const r = sqlite
    .prepare(
      `SELECT name, former_names, address, uscc, phone, name_pinyin, name_initials, search_grams, archived_at, tags, products
       FROM enterprises WHERE id = ?`,
    )
    .get(id) as
    | (Pick<RawFull, 'name' | 'former_names' | 'address' | 'uscc' | 'phone' | 'archived_at' | 'tags' | 'products'> & {
        name_pinyin: string | null;
        name_initials: string | null;
        search_grams: string | null;
      })
    | undefined;
  if (!r) return;
  const ix = indexerOf(sqlite);
  ix.unindex(id);
  ix.index(id, {
    name: r.name,
    formerNames: r.former_names,
    address: r.address,
    uscc: r.uscc,
    phone: r.phone,
    namePinyin: r.name_pinyin,
    nameInitials: r.name_initials,
    searchGrams: r.search_grams,
    archived: r.archived_at !== null,
  });
  ix.mirror(id, parseList(r.tags), parseList(r.products), true);
}

/**
 * Prepared statements for writing enterprises on one connection. With `deferIndex`, the text
 * indexes wait for indexPending() (use bulkEnterpriseWriter).
 */
export function enterpriseWriter(sqlite: Sqlite, options: { deferIndex?: boolean } = {}) {
  const insert = sqlite.prepare(
    `INSERT INTO enterprises (${COLUMNS.join(', ')}, created_at) VALUES (${COLUMNS.map(() => '?').join(', ')}, ?)`,
  );
  const update = sqlite.prepare(`UPDATE enterprises SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
  const archivedAt = sqlite.prepare('SELECT archived_at FROM enterprises WHERE id = ?').pluck();
  const deleteLicences = sqlite.prepare('DELETE FROM enterprise_licences WHERE enterprise_id = ?');
  const insertLicence = sqlite.prepare(
    'INSERT INTO enterprise_licences (enterprise_id, kind, number, scope, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const ix = indexerOf(sqlite);
  // Rows written whose text indexes are still to be written (deferIndex).
  const pending = new Set<number>();
  const writeLicences = (id: number, data: EnterpriseData) => {
    deleteLicences.run(id);
    for (const l of data.licences) insertLicence.run(id, l.kind, l.number, l.scope, l.validFrom, l.validTo);
  };
  const indexed = (data: EnterpriseData, keys: SearchKeys, archived: boolean): IndexedValues => ({
    name: data.name,
    formerNames: JSON.stringify(data.formerNames),
    address: data.address,
    uscc: data.uscc,
    phone: data.phone,
    namePinyin: keys.namePinyin,
    nameInitials: keys.nameInitials,
    searchGrams: keys.searchGrams,
    archived,
  });
  return {
    /**
     * Inserts a new enterprise (indexes included) and returns its id. `keys` are the search keys
     * of data.name and data.formerNames when the caller has them already.
     */
    insert(data: EnterpriseData, codeOverrideReason: string | null, now: string, keys = searchKeys(data.name, data.formerNames)): number {
      const id = Number(insert.run(...columnValues(data, codeOverrideReason, now, keys), now).lastInsertRowid);
      if (options.deferIndex) pending.add(id);
      else ix.index(id, indexed(data, keys, false));
      ix.mirror(id, data.tags, data.products, false);
      if (data.licences.length) writeLicences(id, data);
      return id;
    },
    /** Replaces an enterprise's data (licences and indexes included). */
    update(id: number, data: EnterpriseData, codeOverrideReason: string | null, now: string): void {
      const keys = searchKeys(data.name, data.formerNames);
      update.run(...columnValues(data, codeOverrideReason, now, keys), id);
      // A row still waiting for its indexes has none to remove.
      if (!pending.has(id)) ix.unindex(id);
      if (options.deferIndex) pending.add(id);
      else ix.index(id, indexed(data, keys, archivedAt.get(id) !== null));
      ix.mirror(id, data.tags, data.products, true);
      writeLicences(id, data);
    },
    /** Rows written whose text indexes wait for `indexPending()`. */
    pendingIndex(): number {
      return pending.size;
    },
    /** Writes the text indexes of every row written since the last call, in one pass. */
    indexPending(): void {
      if (pending.size === 0) return;
      ix.indexStored([...pending]);
      pending.clear();
    },
  };
}

/**
 * An enterpriseWriter for a bulk import in one transaction. The text indexes of written rows are
 * written by `indexPending()` many rows at a time (one statement over thousands of rows costs far
 * less than one per row), and FTS5 merges its index segments less eagerly until `finish()` (a
 * fifth less indexing work; later writes merge the segments as usual). Call indexPending() every
 * few thousand rows and finish() before the transaction commits.
 */
export function bulkEnterpriseWriter(sqlite: Sqlite) {
  const writer = enterpriseWriter(sqlite, { deferIndex: true });
  const restoreMerging = indexerOf(sqlite).mergeLazily();
  return {
    ...writer,
    /** Writes the indexes still pending and restores FTS5's merging. */
    finish(): void {
      writer.indexPending();
      restoreMerging();
    },
  };
}
