// Backups of an office's data (database and file store) and the start-up integrity report.
import { z } from 'zod';

export const backupKinds = ['每日', '手动', '迁移前', '恢复前'] as const;
export const BackupKind = z.enum(backupKinds);
export type BackupKind = z.infer<typeof BackupKind>;

/** qingbo-备份-YYYYMMDD-HHmmss-<kind>[-n].zip (time of day in China). */
export const BACKUP_NAME_RE = /^qingbo-备份-(\d{8})-(\d{6})-(每日|手动|迁移前|恢复前)(?:-(\d{1,3}))?\.zip$/;

export const BackupName = z.string().regex(BACKUP_NAME_RE, { error: '不是清波备份文件的名称（qingbo-备份-日期-时间-类型.zip）' }).describe('备份文件');

export const BACKUP_FORMAT = 'qingbo-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const ManifestEntry = z.object({ path: z.string(), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const BackupCounts = z.object({ enterprises: z.number().int(), records: z.number().int(), files: z.number().int() });

export const BackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  appVersion: z.string(),
  /** Migrations applied to the database in the backup. */
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  kind: BackupKind,
  /** Only the database (before a migration: the file store is not changed by migrations). */
  databaseOnly: z.boolean(),
  office: z.object({ name: z.string(), countyName: z.string() }).nullable(),
  counts: BackupCounts,
  /** The database in the backup is encrypted with the database password it had then. */
  encrypted: z.boolean().default(false),
  entries: z.array(ManifestEntry),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export const BackupInfo = z.object({
  name: z.string(),
  folder: z.string(),
  kind: BackupKind,
  createdAt: z.string(),
  size: z.number().int(),
  appVersion: z.string().nullable(),
  schemaVersion: z.number().int().nullable(),
  databaseOnly: z.boolean(),
  counts: BackupCounts.nullable(),
  encrypted: z.boolean(),
  /** Why the file cannot be used (unreadable manifest, newer version…), or null. */
  problem: z.string().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupSettings = z.object({
  /** Absolute path of the folder backups are written to; null: backups/ in the data directory. */
  folder: z.string().trim().min(1).max(500).nullable().describe('备份文件夹'),
  keepDaily: z.number().int().min(1).max(60).describe('保留每日备份（天）'),
  keepWeekly: z.number().int().min(0).max(52).describe('保留每周备份（周）'),
  keepMonthly: z.number().int().min(0).max(120).describe('保留每月备份（月）'),
  keepOtherDays: z.number().int().min(1).max(3650).describe('手动、迁移前、恢复前备份保留天数'),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const defaultBackupSettings: BackupSettings = { folder: null, keepDaily: 7, keepWeekly: 4, keepMonthly: 12, keepOtherDays: 90 };

export const BackupSettingsView = BackupSettings.extend({
  defaultFolder: z.string(),
  /** Where the next backup goes (the chosen folder, or the default one). */
  activeFolder: z.string(),
  freeBytes: z.number().nullable(),
});
export type BackupSettingsView = z.infer<typeof BackupSettingsView>;

export const BackupCreateInput = z
  .object({ folder: z.string().trim().min(1).max(500).optional().describe('备份文件夹') })
  .strict();

export const BackupResult = z.object({
  name: z.string(),
  folder: z.string(),
  size: z.number().int(),
  counts: BackupCounts,
  writeMs: z.number(),
  verifyMs: z.number(),
  /** Older backups removed by the retention rule. */
  removed: z.array(z.string()),
});
export type BackupResult = z.infer<typeof BackupResult>;

export const BackupNameInput = z.object({ name: BackupName }).strict();

export const BackupVerifyResult = z.object({ name: z.string(), ok: z.boolean(), problem: z.string().nullable(), ms: z.number() });
export type BackupVerifyResult = z.infer<typeof BackupVerifyResult>;

export const RestoreResult = z.object({
  restored: z.string(),
  /** The 恢复前 backup made of the data replaced, or null when it could not be read (then see setAsideFolder). */
  previousBackup: z.string().nullable(),
  /** Where the replaced database and files were moved, when they were kept as they were. */
  setAsideFolder: z.string().nullable(),
  migrated: z.boolean(),
  ms: z.number(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

export const IntegrityItem = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() });
export type IntegrityItem = z.infer<typeof IntegrityItem>;

export const IntegrityReport = z.object({
  ok: z.boolean(),
  /**
   * rescue: the data failed the checks and only the restore is offered; locked: the database is
   * encrypted and waits for its password.
   */
  mode: z.enum(['normal', 'rescue', 'locked']),
  dataDir: z.string(),
  items: z.array(IntegrityItem),
  ms: z.number(),
  /** In rescue mode: the backups found, newest first, and the newest that passed verification. */
  backups: z.array(BackupInfo),
  latestGood: z.string().nullable(),
  /** When locked: the desktop app can keep the password for this computer's account. */
  canRememberKey: z.boolean(),
});
export type IntegrityReport = z.infer<typeof IntegrityReport>;

/** The database password: what SQLite3 Multiple Ciphers derives the key from. */
export const DbPassword = z.string().min(8, { error: '数据库密码至少 8 位' }).max(128, { error: '数据库密码最多 128 位' }).describe('数据库密码');

export const UnlockInput = z
  .object({
    password: z.string().min(1, { error: '请输入数据库密码' }).max(128).describe('数据库密码'),
    /** Keep the password for this computer's account (the desktop app only). */
    remember: z.boolean().default(false),
  })
  .strict();

export const EncryptionStatus = z.object({
  encrypted: z.boolean(),
  /** The cipher in use (SQLite3 Multiple Ciphers' name), or null when not encrypted. */
  cipher: z.string().nullable(),
  /** The desktop app keeps the password for this computer's account. */
  remembered: z.boolean(),
  canRememberKey: z.boolean(),
  /** Stored files (photos, scans) are not encrypted by this setting: said on the page. */
  filesEncrypted: z.literal(false),
});
export type EncryptionStatus = z.infer<typeof EncryptionStatus>;

export const EncryptionSetInput = z
  .object({
    /** The current password (required when the database is encrypted now). */
    current: z.string().max(128).nullable().describe('当前数据库密码'),
    /** The new password, or null to store the database unencrypted again. */
    next: DbPassword.nullable(),
    remember: z.boolean().default(false),
  })
  .strict();
