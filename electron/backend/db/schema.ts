// The database schema (drizzle). Every change here needs a drizzle-kit migration: `npm run db:generate`.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** Key/value settings; values are JSON validated by shared/ schemas. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull().default(nowIso),
});

/** Who changed what, when; hash-chained so later alteration is detectable. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    method: text('method').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    reason: text('reason'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId), index('audit_at_idx').on(t.at)],
);

/** Long work: one row per job; progress itself is kept in memory while the job runs. */
export const jobs = sqliteTable('jobs', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  actor: text('actor').notNull(),
  status: text('status', { enum: ['running', 'succeeded', 'failed', 'cancelled', 'interrupted'] }).notNull(),
  progress: integer('progress_permille').notNull().default(0),
  message: text('message').notNull().default(''),
  input: text('input', { mode: 'json' }),
  result: text('result', { mode: 'json' }),
  error: text('error', { mode: 'json' }),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
});

/** The content-addressed file store's index: the bytes live in files/<aa>/<sha256>. */
export const files = sqliteTable('files', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mime: text('mime').notNull(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull().default(nowIso),
});

/** 市场主体. Never hard-deleted: `archived_at` marks an archived enterprise. */
export const enterprises = sqliteTable(
  'enterprises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** 统一社会信用代码 (18) or 注册号 (15), normalised; null for stalls without one. */
    uscc: text('uscc'),
    entityType: text('entity_type', { enum: ['企业', '个体工商户', '农民专业合作社', '其他'] }).notNull(),
    legalRep: text('legal_rep'),
    phone: text('phone'),
    address: text('address'),
    townshipCode: text('township_code'),
    industryCode: text('industry_code'),
    status: text('status', { enum: ['存续', '停业', '注销', '吊销', '迁出'] }).notNull().default('存续'),
    supervisionClass: text('supervision_class', { enum: ['严管', '专管', '普通'] }).notNull().default('普通'),
    creditClass: text('credit_class', { enum: ['A', 'B', 'C', 'D'] }),
    establishedOn: text('established_on'),
    archivedAt: text('archived_at'),
    createdAt: text('created_at').notNull().default(nowIso),
    updatedAt: text('updated_at').notNull().default(nowIso),
  },
  (t) => [
    uniqueIndex('enterprises_uscc_uq').on(t.uscc),
    index('enterprises_township_idx').on(t.townshipCode),
    index('enterprises_phone_idx').on(t.phone),
  ],
);
