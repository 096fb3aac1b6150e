// Backups written, read back, refused and restored, on real SQLite files, real zips and a real file store.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { createWriteStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callOk, dumpRestored, dumpTables, lastAudit, testBackend } from '../../../tests/helpers/backend';
import { png } from '../../../tests/helpers/files';
import { databaseAtMigration, shippedMigrations } from '../../../tests/helpers/migrations';
import { tempDir } from '../../../tests/helpers/tmp';
import { openAppBackend, openBackend, type Backend } from '../backend';
import { trustedContext } from '../context';
import { createBackup } from './create';
import { startDailyBackupIfDue } from './daily';
import { backupsToRemove, isoWeek } from './retention';
import { restoreBackup } from './restore';
import { readManifest, verifyBackupFile } from './zip-read';
import { createLogger } from '../log';
import type { BackupResult } from '../../../shared/backup';
import { defaultBackupSettings } from '../../../shared/backup';

const SHIPPED = shippedMigrations().length;

async function withData(b: Backend): Promise<void> {
  const { jobId } = await callOk(b, 'demo.generate', { enterprises: 12, recordsPerEnterprise: 2 });
  expect((await b.core.jobs.wait(jobId)).status).toBe('succeeded');
  const e = (await callOk(b, 'enterprises.search', { limit: 1 })).rows[0]!;
  const photo = await b.core.files.putBytes(png(40, 30, [200, 10, 10]), '现场照片.png', 'image/png');
  await callOk(b, 'dossier.create', { enterpriseId: e.id, kind: 'note', occurredOn: '2026-03-02', data: { text: '附照片' }, attachments: [photo] });
}

async function backupNow(b: Backend, input: { folder?: string } = {}): Promise<BackupResult> {
  const { jobId } = await callOk(b, 'backups.create', input);
  const done = await b.core.jobs.wait(jobId);
  if (done.status !== 'succeeded') throw new Error(`backup ${done.status}: ${done.error?.message ?? ''}`);
  return done.result as BackupResult;
}

function storeHashes(dataDir: string): string[] {
  const root = join(dataDir, 'files');
  const out: string[] = [];
  for (const d of readdirSync(root)) {
    if (d.startsWith('.')) continue;
    for (const f of readdirSync(join(root, d))) out.push(`${d}/${f}:${createHash('sha256').update(readFileSync(join(root, d, f))).digest('hex')}`);
  }
  return out.sort();
}

function dumpFile(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return dumpTables(db);
  } finally {
    db.close();
  }
}

const verifyOpts = { shippedMigrations: SHIPPED };

describe('backups', () => {
  it('writes a verified backup that restores to identical data and files on a fresh data directory', async () => {
    const b = testBackend();
    await withData(b);
    const before = dumpTables(b.core.sqlite);
    const r = await backupNow(b);
    expect(r.name).toMatch(/^qingbo-备份-\d{8}-\d{6}-手动\.zip$/);
    expect(readdirSync(r.folder).filter((n) => n.startsWith('.'))).toEqual([]);
    const m = await verifyBackupFile(join(r.folder, r.name), verifyOpts);
    expect(m.counts.enterprises).toBe(12);
    expect(m.entries.filter((e) => e.path.startsWith('files/')).length).toBe(m.counts.files);
    expect(m.counts.files).toBeGreaterThan(1);
    const listed = await callOk(b, 'backups.list', {});
    expect(listed.map((x) => [x.name, x.problem])).toEqual([[r.name, null]]);

    const fresh = tempDir();
    const restored = await restoreBackup(join(r.folder, r.name), {
      dataDir: fresh, log: createLogger(null, 'silent'), shippedMigrations: SHIPPED, current: null, release: () => undefined,
    });
    expect(restored.previousBackup).toBeNull();
    expect(dumpFile(join(fresh, 'qingbo.db'))).toBe(before);
    expect(storeHashes(fresh)).toEqual(storeHashes(b.dataDir));
  });

  it('refuses a truncated backup, a damaged entry and a backup from a newer version, with the reason', async () => {
    const b = testBackend();
    await withData(b);
    const r = await backupNow(b);
    const file = join(r.folder, r.name);
    const m = await readManifest(file);

    const truncated = join(r.folder, 'qingbo-备份-20250101-080000-手动.zip');
    writeFileSync(truncated, readFileSync(file));
    truncateSync(truncated, Math.floor(statSync(file).size * 0.6));
    await expect(verifyBackupFile(truncated, verifyOpts)).rejects.toThrow(/已损坏，不能使用：文件不完整/);
    const refused = await b.api.call('backups.restore', { name: 'qingbo-备份-20250101-080000-手动.zip' }, trustedContext());
    expect(refused).toMatchObject({ ok: false, error: { code: 'INTEGRITY' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/截断/);
    const list = await callOk(b, 'backups.list', {});
    expect(list.find((x) => x.name.startsWith('qingbo-备份-20250101'))?.problem).toMatch(/不完整/);

    // Rewrite the zip with entries of our choosing: a newer app, a newer schema, a changed byte.
    const rezip = async (name: string, manifest: object, db: Buffer) => {
      const out = join(r.folder, name);
      const zip = new ZipFile();
      zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json');
      zip.addBuffer(db, 'qingbo.db');
      zip.end();
      await new Promise<void>((res, rej) => zip.outputStream.pipe(createWriteStream(out)).on('close', res).on('error', rej));
      return out;
    };
    const dbBytes = readFileSync(b.core.dbFile);
    const dbEntry = { path: 'qingbo.db', size: dbBytes.length, sha256: createHash('sha256').update(dbBytes).digest('hex') };
    const base = { ...m, entries: [dbEntry], databaseOnly: true };
    await expect(verifyBackupFile(await rezip('qingbo-备份-20250102-080000-手动.zip', { ...base, appVersion: '99.0.0' }, dbBytes), verifyOpts)).rejects.toThrow(
      /由较新的清波 99\.0\.0 制作.*请先升级清波/,
    );
    await expect(verifyBackupFile(await rezip('qingbo-备份-20250103-080000-手动.zip', { ...base, schemaVersion: SHIPPED + 1 }, dbBytes), verifyOpts)).rejects.toThrow(
      new RegExp(`数据库结构（第 ${SHIPPED + 1} 版）比本程序支持的（第 ${SHIPPED} 版）新`),
    );
    const flipped = Buffer.from(dbBytes);
    flipped[flipped.length - 100] = (flipped[flipped.length - 100] ?? 0) ^ 0xff;
    await expect(verifyBackupFile(await rezip('qingbo-备份-20250104-080000-手动.zip', base, flipped), verifyOpts)).rejects.toThrow(/数据库的内容与清单不符/);
    await expect(verifyBackupFile(await rezip('qingbo-备份-20250105-080000-手动.zip', { hello: 1 }, dbBytes), verifyOpts)).rejects.toThrow(/不是清波的备份文件/);
    // Nothing was changed by the refusals.
    expect(existsSync(b.core.dbFile)).toBe(true);
    expect((await callOk(b, 'system.info', {})).counts.enterprises).toBe(12);
  });

  it('fails cleanly on a full disk: no backup under a real name, no temporary file left, data unchanged', async () => {
    const b = testBackend();
    await withData(b);
    const before = dumpTables(b.core.sqlite);
    const folder = tempDir();
    // The zip may not grow past 64 KB, as if the disk had no more room.
    b.core.sqlite.exec('BEGIN');
    b.core.sqlite.prepare('SELECT 1 FROM files').get();
    const attempt = createBackup({ kind: '手动', folder, files: b.core.files, sqlite: b.core.sqlite, maxBytes: 64 * 1024 });
    await expect(attempt).rejects.toThrow(/所在磁盘已满，备份没有完成/);
    b.core.sqlite.exec('COMMIT');
    expect(readdirSync(folder)).toEqual([]);
    expect(dumpTables(b.core.sqlite)).toBe(before);
    // And with room again the same backup succeeds.
    const ok = await createBackup({ kind: '手动', folder, files: b.core.files, sqlite: b.core.sqlite });
    expect(readdirSync(folder)).toEqual([ok.name]);
  });

  it('refuses a backup folder that does not exist or cannot be written, in Chinese', async () => {
    const b = testBackend();
    const missing = await b.api.call('backups.saveSettings', { ...defaultBackupSettings, folder: '/no/such/usb' }, trustedContext());
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(missing.ok ? '' : missing.error.message).toMatch(/备份文件夹「\/no\/such\/usb」不存在/);
    const relative = await b.api.call('backups.saveSettings', { ...defaultBackupSettings, folder: 'backups' }, trustedContext());
    expect(relative.ok ? '' : relative.error.message).toMatch(/请填写完整路径/);
    const usb = tempDir();
    const saved = await callOk(b, 'backups.saveSettings', { ...defaultBackupSettings, folder: usb, keepDaily: 3 });
    expect(saved).toMatchObject({ folder: usb, activeFolder: usb, keepDaily: 3 });
    expect(readdirSync(usb)).toEqual([]);
  });

  it('keeps 7 daily, 4 weekly and 12 monthly backups, others for 90 days, and always the newest', () => {
    const names: string[] = [];
    const start = Date.UTC(2025, 0, 1, 1);
    for (let d = 0; d < 400; d++) {
      const s = new Date(start + d * 86_400_000 + 8 * 3600_000).toISOString();
      names.push(`qingbo-备份-${s.slice(0, 10).replace(/-/g, '')}-090000-每日.zip`);
    }
    names.push('qingbo-备份-20250301-100000-手动.zip', 'qingbo-备份-20260120-100000-手动.zip', 'notes.txt');
    const now = new Date(Date.UTC(2026, 1, 5, 12));
    const removed = new Set(backupsToRemove(names, defaultBackupSettings, now));
    const kept = names.filter((n) => !removed.has(n) && n.endsWith('每日.zip'));
    // 7 days + the newest of 4 weeks and 12 months (some of them coincide).
    expect(kept.slice(-7)).toEqual(names.filter((n) => n.endsWith('每日.zip')).slice(-7));
    expect(kept.length).toBeGreaterThanOrEqual(7 + 12 - 2);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(removed.has('qingbo-备份-20250301-100000-手动.zip')).toBe(true);
    expect(removed.has('qingbo-备份-20260120-100000-手动.zip')).toBe(false);
    expect(removed.has('notes.txt')).toBe(false);
    expect(backupsToRemove(['qingbo-备份-20200101-090000-手动.zip'], defaultBackupSettings, now)).toEqual([]);
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });

  it('backs the database up before migrating an older one, and that backup restores', async () => {
    const dataDir = tempDir();
    const old = databaseAtMigration(join(dataDir, 'qingbo.db'), SHIPPED - 1);
    old.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('office', ?, '2026-01-01T00:00:00Z')").run(
      JSON.stringify({ name: '旧版县局', countyCode: '430623', countyName: '湖南省岳阳市华容县', docAbbrev: '华市监' }),
    );
    old.close();
    const b = openBackend(dataDir, { stderrLevel: 'silent' });
    await b.close();
    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^qingbo-备份-\d{8}-\d{6}-迁移前\.zip$/);
    const m = await verifyBackupFile(join(dataDir, 'backups', backups[0]!), verifyOpts);
    expect(m).toMatchObject({ kind: '迁移前', databaseOnly: true, schemaVersion: SHIPPED - 1, office: { name: '旧版县局' } });
    // Opening again does not back up again (nothing left to migrate).
    const again = openBackend(dataDir, { stderrLevel: 'silent' });
    await again.close();
    expect(readdirSync(join(dataDir, 'backups'))).toHaveLength(1);
  });

  it('starts in rescue mode on a damaged database, offers the newest good backup, and restores it in place', async () => {
    const dataDir = tempDir();
    const b = openBackend(dataDir, { stderrLevel: 'silent' });
    await withData(b);
    // The backup's own audit row is written after its snapshot.
    const before = dumpRestored(b.core.sqlite);
    const good = await backupNow(b);
    const files = storeHashes(dataDir);
    await b.close();
    // A newer backup that is damaged: the newest good one is the older.
    const bad = join(good.folder, 'qingbo-备份-29990101-080000-手动.zip');
    writeFileSync(bad, readFileSync(join(good.folder, good.name)).subarray(0, 2000));
    // Damage the database: overwrite pages in the middle of the file.
    const dbFile = join(dataDir, 'qingbo.db');
    const bytes = readFileSync(dbFile);
    bytes.fill(0x5a, 8192, 8192 + 4096 * 6);
    writeFileSync(dbFile, bytes);

    const rescue = openAppBackend(dataDir, { stderrLevel: 'silent' });
    try {
      expect(rescue.rescue).toBe(true);
      const report = await callOk(rescue, 'system.integrity', {});
      expect(report).toMatchObject({ ok: false, mode: 'rescue', latestGood: good.name });
      expect(report.items[0]?.detail).toMatch(/请从最近的备份恢复/);
      expect(report.backups.map((x) => x.name)).toEqual([bad.split('/').pop(), good.name]);
      const refused = await rescue.api.call('enterprises.search', {}, trustedContext());
      expect(refused).toMatchObject({ ok: false, error: { code: 'INTEGRITY' } });
      const remote = await rescue.api.call('backups.restore', { name: good.name }, { ...trustedContext(), transport: 'remote', remoteAddress: '192.168.1.20' });
      expect(remote).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      const restored = await callOk(rescue, 'backups.restore', { name: good.name });
      expect(restored.previousBackup).toBeNull();
      expect(restored.setAsideFolder).toMatch(/backups\/恢复前-/);
      expect(existsSync(join(restored.setAsideFolder!, 'qingbo.db'))).toBe(true);
      expect(rescue.rescue).toBe(false);
      // The restored data, and a record in it of the restore (its audit chain intact).
      expect(dumpRestored(rescue.core.sqlite)).toBe(before);
      expect(lastAudit(rescue.core.sqlite)).toMatchObject({ method: 'backups.restore', entity: 'backup', entity_id: good.name, after: { restored: good.name } });
      expect((await callOk(rescue, 'audit.verify', {})).ok).toBe(true);
      expect(storeHashes(dataDir)).toEqual(files);
      expect((await callOk(rescue, 'system.integrity', {})).mode).toBe('normal');
      expect((await callOk(rescue, 'system.info', {})).counts.enterprises).toBe(12);
    } finally {
      await rescue.close();
    }
  });

  it('starts in rescue mode when a stored file is cut short, and a restore of healthy data first backs it up', async () => {
    const dataDir = tempDir();
    const b = openBackend(dataDir, { stderrLevel: 'silent' });
    await withData(b);
    const first = await backupNow(b);
    const sha = (b.core.sqlite.prepare('SELECT sha256 FROM files LIMIT 1').get() as { sha256: string }).sha256;
    const path = b.core.files.pathOf(sha);
    await b.close();
    const saved = readFileSync(path);
    writeFileSync(path, saved.subarray(0, 10));
    const rescue = openAppBackend(dataDir, { stderrLevel: 'silent' });
    expect(rescue.rescue).toBe(true);
    const report = await callOk(rescue, 'system.integrity', {});
    expect(report.items.find((i) => i.name === '文件库')).toMatchObject({ ok: false, detail: expect.stringMatching(/1 个文件大小与记录不符/) });
    await rescue.close();
    writeFileSync(path, saved);

    const normal = openAppBackend(dataDir, { stderrLevel: 'silent' });
    try {
      expect(normal.rescue).toBe(false);
      const r = await callOk(normal, 'backups.restore', { name: first.name });
      expect(r.previousBackup).toMatch(/恢复前\.zip$/);
      expect(r.setAsideFolder).toBeNull();
      const names = (await callOk(normal, 'backups.list', {})).map((x) => x.kind);
      expect(names).toContain('恢复前');
    } finally {
      await normal.close();
    }
  });

  it('starts in rescue mode when a row points to a row that does not exist', async () => {
    const dataDir = tempDir();
    const b = openBackend(dataDir, { stderrLevel: 'silent' });
    await withData(b);
    const sha = (b.core.sqlite.prepare('SELECT sha256 FROM files LIMIT 1').get() as { sha256: string }).sha256;
    b.core.sqlite.pragma('foreign_keys = OFF');
    b.core.sqlite.prepare("INSERT INTO record_files (record_id, sha256, name, mime, size, position) VALUES (999999, ?, 'x.png', 'image/png', 1, 0)").run(sha);
    await b.close();
    const rescue = openAppBackend(dataDir, { stderrLevel: 'silent' });
    try {
      expect(rescue.rescue).toBe(true);
      const report = await callOk(rescue, 'system.integrity', {});
      expect(report.items[0]).toMatchObject({ name: '外键关联', ok: false, detail: expect.stringMatching(/1 处记录指向不存在的记录（例如表 record_files/) });
      expect(report.latestGood).toBeNull();
    } finally {
      await rescue.close();
    }
  });

  it('makes the daily backup once a day, and not for an empty data directory', async () => {
    const b = testBackend();
    expect(startDailyBackupIfDue(b.core)).toBeNull();
    await withData(b);
    const job = startDailyBackupIfDue(b.core);
    expect(job).not.toBeNull();
    expect((await b.core.jobs.wait(job!.id)).status).toBe('succeeded');
    expect(startDailyBackupIfDue(b.core)).toBeNull();
    // Tomorrow it is due again.
    expect(startDailyBackupIfDue(b.core, new Date(Date.now() + 86_400_000))?.kind).toBe('backups.create');
    await b.core.jobs.close();
    const list = await callOk(b, 'backups.list', {});
    expect(list.map((x) => x.kind)).toEqual(['每日']);
  });
});
