// The database schema (drizzle). Every change here needs a drizzle-kit migration: `npm run db:generate`.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    /** JSON array of earlier names (曾用名). */
    formerNames: text('former_names').notNull().default('[]'),
    /** 统一社会信用代码 (18) or 注册号 (15), normalised; null for stalls without one. */
    uscc: text('uscc'),
    /** Why a code that fails its check was accepted anyway. */
    codeOverrideReason: text('code_override_reason'),
    entityType: text('entity_type', { enum: ['企业', '个体工商户', '农民专业合作社', '其他'] }).notNull(),
    legalRep: text('legal_rep'),
    /** 证件号码 of the legal representative or operator: personal data, shown masked. */
    idNumber: text('id_number'),
    phone: text('phone'),
    address: text('address'),
    townshipCode: text('township_code'),
    grid: text('grid'),
    industryCode: text('industry_code'),
    status: text('status', { enum: ['存续', '停业', '注销', '吊销', '迁出'] }).notNull().default('存续'),
    supervisionClass: text('supervision_class', { enum: ['严管', '专管', '普通'] }).notNull().default('普通'),
    creditClass: text('credit_class', { enum: ['A', 'B', 'C', 'D'] }),
    establishedOn: text('established_on'),
    riskNotes: text('risk_notes'),
    /** JSON arrays, mirrored into enterprise_tags / enterprise_products (by registry/repo.ts) for filtering. */
    tags: text('tags').notNull().default('[]'),
    products: text('products').notNull().default('[]'),
    archivedAt: text('archived_at'),
    archiveReason: text('archive_reason'),
    /** Set when this record was merged into another (it is then archived). */
    mergedInto: integer('merged_into'),
    /** Search keys computed by registry/search-keys.ts; `search_version` says with which rules. */
    namePinyin: text('name_pinyin').notNull().default(''),
    nameInitials: text('name_initials').notNull().default(''),
    searchGrams: text('search_grams').notNull().default(''),
    nameKey: text('name_key').notNull().default(''),
    searchVersion: integer('search_version').notNull().default(0),
    createdAt: text('created_at').notNull().default(nowIso),
    updatedAt: text('updated_at').notNull().default(nowIso),
  },
  (t) => [
    uniqueIndex('enterprises_uscc_uq').on(t.uscc),
    index('enterprises_township_idx').on(t.townshipCode),
    index('enterprises_phone_idx').on(t.phone),
    index('enterprises_name_key_idx').on(t.nameKey),
    index('enterprises_pinyin_idx').on(t.namePinyin),
    index('enterprises_archived_idx').on(t.archivedAt),
    index('enterprises_industry_idx').on(t.industryCode),
    index('enterprises_updated_idx').on(t.updatedAt),
    index('enterprises_search_version_idx').on(t.searchVersion),
  ],
);

/** Tags of an enterprise, one row each (kept by registry/repo.ts from enterprises.tags). */
export const enterpriseTags = sqliteTable(
  'enterprise_tags',
  {
    enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tag, t.enterpriseId] }), index('enterprise_tags_enterprise_idx').on(t.enterpriseId)],
);

/** Key industrial products an enterprise makes or sells (kept by registry/repo.ts from enterprises.products). */
export const enterpriseProducts = sqliteTable(
  'enterprise_products',
  {
    enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
    productId: text('product_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.enterpriseId] }), index('enterprise_products_enterprise_idx').on(t.enterpriseId)],
);

/** 生产许可证, CCC and other licences, with their validity. */
export const enterpriseLicences = sqliteTable(
  'enterprise_licences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
    kind: text('kind', { enum: ['生产许可证', 'CCC', '其他'] }).notNull(),
    number: text('number').notNull(),
    scope: text('scope'),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
  },
  (t) => [index('enterprise_licences_enterprise_idx').on(t.enterpriseId), index('enterprise_licences_valid_to_idx').on(t.validTo)],
);

/** Pairs a clerk has looked at and declared not to be duplicates (low id first). */
export const duplicateDismissals = sqliteTable(
  'duplicate_dismissals',
  {
    aId: integer('a_id').notNull().references(() => enterprises.id),
    bId: integer('b_id').notNull().references(() => enterprises.id),
    reason: text('reason').notNull(),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.aId, t.bId] })],
);

/** 重点工业产品目录: shipped entries (builtin) plus the office's own; editable. */
export const referenceProducts = sqliteTable('reference_products', {
  id: text('id').primaryKey(),
  category: text('category').notNull(),
  name: text('name').notNull(),
  builtin: integer('builtin', { mode: 'boolean' }).notNull().default(false),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
});

/** 一企一档: one row per thing the office did with an enterprise; never deleted, voided with a reason. */
export const dossierRecords = sqliteTable(
  'dossier_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
    /** shared/dossier.ts recordKinds. */
    kind: text('kind').notNull(),
    occurredOn: text('occurred_on').notNull(),
    /** The timeline line, computed on save. */
    summary: text('summary').notNull(),
    /** The kind's fields as JSON, validated by shared/dossier.ts recordFields. */
    data: text('data').notNull(),
    /** The record that opened this one (an unqualified sampling for its rectification). */
    sourceId: integer('source_id'),
    /** Copied from the enterprise so that counts by township need no join. */
    townshipCode: text('township_code'),
    /** The enterprise was archived when the record was made (allowed, shown flagged). */
    enterpriseArchived: integer('enterprise_archived', { mode: 'boolean' }).notNull().default(false),
    voidedAt: text('voided_at'),
    voidReason: text('void_reason'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('dossier_records_enterprise_idx').on(t.enterpriseId, t.occurredOn, t.id),
    index('dossier_records_kind_idx').on(t.kind, t.occurredOn),
    index('dossier_records_source_idx').on(t.sourceId),
  ],
);

/** Files attached to a record (the bytes are in the file store, once, whatever the record). */
export const recordFiles = sqliteTable(
  'record_files',
  {
    recordId: integer('record_id').notNull().references(() => dossierRecords.id),
    sha256: text('sha256').notNull().references(() => files.sha256),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.sha256] }), index('record_files_sha_idx').on(t.sha256)],
);

/** Deadlines opened by records (objection window, order to correct, 复查, reply), recomputed on every save of their record. */
export const deadlines = sqliteTable(
  'deadlines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordId: integer('record_id').notNull().references(() => dossierRecords.id),
    enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
    /** shared/dossier.ts deadlineKinds. */
    kind: text('kind').notNull(),
    startOn: text('start_on').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['open', 'done', 'cancelled'] }).notNull(),
    doneOn: text('done_on'),
    /** JSON array of Chinese warnings (e.g. a holiday calendar year not yet shipped). */
    warnings: text('warnings').notNull().default('[]'),
    townshipCode: text('township_code'),
  },
  (t) => [
    index('deadlines_due_idx').on(t.status, t.dueOn),
    // The home page's overdue list: objection windows stay open after they lapse and are not work left undone.
    index('deadlines_overdue_idx').on(t.dueOn).where(sql`status = 'open' AND kind != 'objection'`),
    index('deadlines_record_idx').on(t.recordId),
    index('deadlines_enterprise_idx').on(t.enterpriseId, t.status),
  ],
);

/** 专项检查模板: the shipped ones (builtin, read-only) and the office's own copies. */
export const campaignTemplates = sqliteTable('campaign_templates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  builtin: integer('builtin', { mode: 'boolean' }).notNull().default(false),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  version: integer('version').notNull().default(1),
  /** shared/campaign.ts TemplateDefinition as JSON. */
  definition: text('definition').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** 执法人员: the pool inspectors are drawn from. */
export const inspectors = sqliteTable(
  'inspectors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    /** The township office (市场监管所) the inspector belongs to; null for the county bureau. */
    townshipCode: text('township_code'),
    /** 执法证号. */
    certNo: text('cert_no').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('inspectors_cert_no_idx').on(t.certNo)],
);

/** 专项整治: a campaign with a frozen copy of its template. */
export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  docRef: text('doc_ref'),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  status: text('status').notNull(),
  templateId: text('template_id').notNull(),
  templateVersion: integer('template_version').notNull(),
  /** TemplateDefinition JSON as it was at creation. */
  template: text('template').notNull(),
  /** Parameter values by key (JSON). */
  parameters: text('parameters').notNull(),
  /** CampaignScope JSON. */
  scope: text('scope').notNull(),
  /** The draw in force; null when every target is to be inspected. */
  currentDrawId: integer('current_draw_id'),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** A campaign's target list; a removed target keeps its row (removed_at) so history stays. */
export const campaignTargets = sqliteTable(
  'campaign_targets',
  {
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
    /** Copied from the enterprise when added, so progress by township needs no join. */
    townshipCode: text('township_code'),
    source: text('source', { enum: ['scope', 'manual'] }).notNull(),
    /** To be inspected: drawn in the current draw, or every target when there is no draw. */
    planned: integer('planned', { mode: 'boolean' }).notNull().default(true),
    responsibleUnit: text('responsible_unit'),
    /** JSON array of inspector ids. */
    inspectorIds: text('inspector_ids').notNull().default('[]'),
    addedAt: text('added_at').notNull(),
    removedAt: text('removed_at'),
    removedReason: text('removed_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.enterpriseId] }),
    index('campaign_targets_list_idx').on(t.campaignId, t.removedAt, t.planned, t.townshipCode),
    // The draw reads the whole list in enterprise order with township and removal: from this index alone.
    index('campaign_targets_pool_idx').on(t.campaignId, t.enterpriseId, t.removedAt, t.townshipCode),
    index('campaign_targets_enterprise_idx').on(t.enterpriseId),
  ],
);

/** 双随机 draws: the pool, seed, algorithm and result, so anyone can re-run and compare. */
export const campaignDraws = sqliteTable(
  'campaign_draws',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    createdAt: text('created_at').notNull(),
    actor: text('actor').notNull(),
    algorithm: text('algorithm').notNull(),
    algorithmVersion: integer('algorithm_version').notNull(),
    seed: text('seed').notNull(),
    /** DrawParams JSON. */
    params: text('params').notNull(),
    /** JSON: the pool as [enterpriseId, creditClass] pairs in id order. */
    pool: text('pool').notNull(),
    poolHash: text('pool_hash').notNull(),
    /** JSON: the inspector pool as [inspectorId, townshipCode] pairs in id order. */
    inspectorPool: text('inspector_pool').notNull(),
    inspectorPoolHash: text('inspector_pool_hash').notNull(),
    /** JSON: [enterpriseId, inspectorId, inspectorId] in draw order. */
    result: text('result').notNull(),
    resultHash: text('result_hash').notNull(),
    supersededAt: text('superseded_at'),
    /** Why this draw replaced the one before. */
    reason: text('reason'),
  },
  (t) => [index('campaign_draws_campaign_idx').on(t.campaignId)],
);

/** Changes to the target list after a draw, each with its reason (shown with the draw). */
export const campaignTargetChanges = sqliteTable(
  'campaign_target_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
    change: text('change').notNull(),
    reason: text('reason').notNull(),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('campaign_target_changes_campaign_idx').on(t.campaignId, t.id)],
);

/** Field results: one row per visit, each with its 专项检查 record in the dossier. */
export const campaignResults = sqliteTable(
  'campaign_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
    recordId: integer('record_id').notNull().references(() => dossierRecords.id),
    rectificationId: integer('rectification_id').references(() => dossierRecords.id),
    inspectedOn: text('inspected_on').notNull(),
    townshipCode: text('township_code'),
    hasProblem: integer('has_problem', { mode: 'boolean' }).notNull(),
    /** Mirrors the dossier record's voided state: a voided result counts nowhere. */
    voided: integer('voided', { mode: 'boolean' }).notNull().default(false),
    inspectorIds: text('inspector_ids').notNull(),
    /** JSON: answers by item key, quantities by key, problem item keys. */
    answers: text('answers').notNull(),
    quantities: text('quantities').notNull(),
    problemItems: text('problem_items').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('campaign_results_campaign_idx').on(t.campaignId, t.inspectedOn),
    // Covers every progress and tally pass over a campaign's results (latest visit per target,
    // weekly counts, totals) so they never touch the table rows.
    index('campaign_results_target_idx').on(t.campaignId, t.enterpriseId, t.inspectedOn, t.id, t.voided, t.hasProblem, t.rectificationId, t.townshipCode),
    uniqueIndex('campaign_results_record_idx').on(t.recordId),
  ],
);

/** Each result's quantities as rows, for tallies by township and period in one indexed pass.
 *  Values are hundredths (kg and 元 have two decimals) so sums are exact. */
export const campaignResultValues = sqliteTable(
  'campaign_result_values',
  {
    resultId: integer('result_id').notNull().references(() => campaignResults.id),
    campaignId: integer('campaign_id').notNull(),
    inspectedOn: text('inspected_on').notNull(),
    townshipCode: text('township_code'),
    key: text('key').notNull(),
    hundredths: integer('hundredths').notNull(),
    voided: integer('voided', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.resultId, t.key] }),
    index('campaign_result_values_tally_idx').on(t.campaignId, t.inspectedOn, t.townshipCode, t.key, t.hundredths, t.voided),
  ],
);

/**
 * 执法文书 as issued: numbered without gaps per type and year (unique), frozen (the PDF and DOCX
 * bytes are in the file store under these hashes), voided but never deleted.
 */
export const notices = sqliteTable(
  'notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** shared/notice.ts noticeTypes. */
    type: text('type').notNull(),
    enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
    /** The party's name as printed on the notice. */
    enterpriseName: text('enterprise_name').notNull(),
    /** The dossier record the notice was filled from, if any. */
    recordId: integer('record_id').references(() => dossierRecords.id),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    /** The 文书 record in the enterprise's dossier holding the frozen copy. */
    dossierRecordId: integer('dossier_record_id').notNull().references(() => dossierRecords.id),
    year: integer('year').notNull(),
    serial: integer('serial').notNull(),
    /** 发文字号 as printed: 华市监责改〔2026〕1号. */
    number: text('number').notNull(),
    /** The completed fields (JSON), validated by shared/notice.ts noticeFields. */
    fields: text('fields').notNull(),
    /** The NoticeModel the template was filled from (JSON), so what was printed can be explained. */
    model: text('model').notNull(),
    templateSha256: text('template_sha256').notNull(),
    pdfSha256: text('pdf_sha256').notNull().references(() => files.sha256),
    docxSha256: text('docx_sha256').notNull().references(() => files.sha256),
    issuedOn: text('issued_on').notNull(),
    issuedAt: text('issued_at').notNull(),
    issuedBy: text('issued_by').notNull(),
    voidedAt: text('voided_at'),
    voidReason: text('void_reason'),
    /** The notice this one corrects (更正). */
    correctsId: integer('corrects_id'),
    /** 送达 (shared/notice.ts NoticeService) as JSON, once recorded. */
    service: text('service'),
  },
  (t) => [
    uniqueIndex('notices_number_uq').on(t.type, t.year, t.serial),
    index('notices_enterprise_idx').on(t.enterpriseId, t.issuedOn),
    index('notices_issued_idx').on(t.issuedOn, t.id),
    index('notices_campaign_idx').on(t.campaignId),
    index('notices_corrects_idx').on(t.correctsId),
  ],
);

/** 用户: who may use the office's data, with one role each (shared/accounts.ts). Never deleted, only deactivated. */
export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The login name, unique regardless of case. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** shared/accounts.ts roles. */
    role: text('role').notNull(),
    /** scrypt$N$r$p$salt$hash (base64). */
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Failed logins since the last success; reaching the limit sets locked_until. */
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    /** Set when an administrator sets the password: the user must choose a new one at next login. */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    lastLoginAt: text('last_login_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('accounts_username_uq').on(sql`lower(${t.username})`)],
);

/** Login sessions: only the SHA-256 of the token is kept. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    createdAt: text('created_at').notNull(),
    /** Sliding: moved forward on use, up to the absolute limit from created_at. */
    expiresAt: text('expires_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** 'desktop' | 'browser', and the remote address for the browser. */
    client: text('client').notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** 报表格式: the shipped provincial/city formats (builtin, read-only) and the office's own. */
export const reportFormats = sqliteTable('report_formats', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  builtin: integer('builtin', { mode: 'boolean' }).notNull().default(false),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  version: integer('version').notNull().default(1),
  /** shared/report-format.ts ReportFormat as JSON. */
  definition: text('definition').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** 报送记录: every table exported, kept byte for byte in the file store. */
export const reportExports = sqliteTable(
  'report_exports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    formatId: text('format_id').notNull(),
    formatName: text('format_name').notNull(),
    formatVersion: integer('format_version').notNull(),
    /** SHA-256 of the format definition used, so a later edit of the format does not blur what was sent. */
    formatSha256: text('format_sha256').notNull(),
    /** The export parameters (campaign, period, output type…) as JSON. */
    parameters: text('parameters').notNull(),
    /** 'xlsx' | 'csv' */
    fileType: text('file_type').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull().references(() => files.sha256),
    size: integer('size').notNull(),
    rowCount: integer('row_count').notNull(),
    /** The check findings the user confirmed before exporting anyway (JSON array), or '[]'. */
    findings: text('findings').notNull(),
    /** True when the table sums county packages (city roll-up). */
    rollup: integer('rollup', { mode: 'boolean' }).notNull().default(false),
    exportedBy: text('exported_by').notNull(),
    exportedAt: text('exported_at').notNull(),
  },
  (t) => [index('report_exports_at_idx').on(t.exportedAt), index('report_exports_format_idx').on(t.formatId, t.exportedAt)],
);

/** Exchange packages: exported by this county, or imported by a city office from its counties. */
export const reportPackages = sqliteTable(
  'report_packages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'exported' | 'imported' */
    direction: text('direction').notNull(),
    /** The sending office's county division code and name, from the manifest. */
    officeCode: text('office_code').notNull(),
    officeName: text('office_name').notNull(),
    /** SHA-256 of the manifest: the package's identity (a second import of it is refused). */
    manifestSha256: text('manifest_sha256').notNull(),
    /** The manifest (JSON). */
    manifest: text('manifest').notNull(),
    /** The package file itself, kept in the file store. */
    sha256: text('sha256').notNull().references(() => files.sha256),
    fileName: text('file_name').notNull(),
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    /** Imported packages set aside by the city (a newer one from the same county replaces it). */
    withdrawnAt: text('withdrawn_at'),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('report_packages_manifest_uq').on(t.direction, t.manifestSha256), index('report_packages_office_idx').on(t.officeCode)],
);
