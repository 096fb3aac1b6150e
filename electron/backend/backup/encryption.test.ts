// Encryption at rest on real files: the database is unreadable without its password, opens with
// it, starts locked in the app and the server, and its backups are encrypted too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupResult } from '../../../shared/backup';
import { callOk, clerk, dumpTables } from '../../../tests/helpers/backend';
import { tempDir } from '../../../tests/helpers/tmp';
import { openAppBackend, openBackend, type Backend, type KeyStore } from '../backend';
import { connect, isEncryptedDatabase } from '../db/open';
import { createLogger } from '../log';
import { dataPaths } from '../paths';
import { shippedMigrations } from '../../../tests/helpers/migrations';
import { restoreBackup } from './restore';
import { readManifest, verifyBackupFile } from './zip-read';

const PASSWORD = '洞庭湖-secret-2026';
const NAME = '华容县加密测试洗涤用品商行';
const SHIPPED = shippedMigrations().length;

async function filled(dataDir: string): Promise<Backend> {
  const b = openBackend(dataDir, { stderrLevel: 'silent' });
  await callOk(b, 'enterprises.create', { data: { name: NAME, address: '华容县章华镇加密路 1 号', phone: '13907301234' } });
  return b;
}

async function backupNow(b: Backend): Promise<BackupResult> {
  const { jobId } = await callOk(b, 'backups.create', {});
  const done = await b.core.jobs.wait(jobId);
  if (done.status !== 'succeeded') throw new Error(`backup ${done.status}: ${done.error?.message ?? ''}`);
  return done.result as BackupResult;
}

/** The bytes of the database inside a backup zip, extracted by a full verification. */
async function dbBytesIn(zipFile: string, key?: string): Promise<Buffer> {
  const to = tempDir();
  await verifyBackupFile(zipFile, { extractTo: to, shippedMigrations: SHIPPED, access: key === undefined ? {} : { key } });
  return readFileSync(join(to, 'qingbo.db'));
}

const containsName = (bytes: Buffer): boolean => bytes.includes(Buffer.from(NAME, 'utf8'));

class MemoryKeyStore implements KeyStore {
  kept: string | null = null;
  remembered(): boolean {
    return this.kept !== null;
  }
  save(key: string | null): void {
    this.kept = key;
  }
}

describe('encryption at rest', () => {
  it('encrypts the file, opens only with the password, and decrypts it again', async () => {
    const dir = tempDir();
    const b = await filled(dir);
    const file = dataPaths(dir).db;
    const plainBackup = await backupNow(b);
    expect(isEncryptedDatabase(file)).toBe(false);

    const status = await callOk(b, 'system.setEncryption', { current: null, next: PASSWORD, remember: false });
    expect(status).toMatchObject({ encrypted: true, filesEncrypted: false });
    expect(status.cipher).toBeTruthy();
    expect(isEncryptedDatabase(file)).toBe(true);
    // The backend keeps working on the re-keyed file, and jobs open it with the new key.
    const encryptedBackup = await backupNow(b);
    const before = dumpTables(b.core.sqlite);
    await b.close();
    expect(containsName(readFileSync(file))).toBe(false);
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

    // The backup made after encrypting is encrypted; the one made before stays as it was.
    const encZip = join(encryptedBackup.folder, encryptedBackup.name);
    const plainZip = join(plainBackup.folder, plainBackup.name);
    expect(containsName(await dbBytesIn(encZip, PASSWORD))).toBe(false);
    expect(containsName(await dbBytesIn(plainZip))).toBe(true);
    expect((await readManifest(encZip)).encrypted).toBe(true);
    expect((await readManifest(plainZip)).encrypted).toBe(false);

    // Without the password, or with a wrong one, nothing opens: a clear message, not SQLite's.
    expect(() => openBackend(dir, { stderrLevel: 'silent' })).toThrow(/已加密，需要数据库密码/);
    expect(() => openBackend(dir, { stderrLevel: 'silent', key: 'wrong-password' })).toThrow(/数据库密码不对/);
    expect(() => connect(file)).toThrow(/已加密/);
    await expect(verifyBackupFile(encZip, { shippedMigrations: SHIPPED })).rejects.toThrow(/已加密，需要数据库密码/);
    await expect(verifyBackupFile(encZip, { shippedMigrations: SHIPPED, access: { key: 'wrong-password' } })).rejects.toThrow(/与给出的数据库密码不符/);

    // With it, the same data; the password can be changed, then encryption turned off.
    const again = openBackend(dir, { stderrLevel: 'silent', key: PASSWORD });
    expect(dumpTables(again.core.sqlite)).toBe(before);
    const wrong = await again.api.call('system.setEncryption', { current: 'not-it-at-all', next: 'another-password', remember: false }, clerk);
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'VALIDATION', details: { field: 'current' } });
    await callOk(again, 'system.setEncryption', { current: PASSWORD, next: 'another-password', remember: false });
    await again.close();
    expect(() => openBackend(dir, { stderrLevel: 'silent', key: PASSWORD })).toThrow(/数据库密码不对/);
    const third = openBackend(dir, { stderrLevel: 'silent', key: 'another-password' });
    const off = await callOk(third, 'system.setEncryption', { current: 'another-password', next: null, remember: false });
    expect(off.encrypted).toBe(false);
    const audit = third.core.sqlite.prepare("SELECT after FROM audit_log WHERE method = 'system.setEncryption' ORDER BY id").all() as { after: string }[];
    expect(audit.map((r) => JSON.parse(r.after) as unknown)).toEqual([
      { encrypted: true, passwordChanged: false },
      { encrypted: true, passwordChanged: true },
      { encrypted: false, passwordChanged: false },
    ]);
    expect(audit.some((r) => r.after.includes(PASSWORD))).toBe(false);
    expect(dumpTables(third.core.sqlite).includes(NAME)).toBe(true);
    await third.close();
    expect(isEncryptedDatabase(file)).toBe(false);
    expect(containsName(readFileSync(file))).toBe(true);
  });

  it('starts locked without the password, answers only the unlock, and opens fully with it', async () => {
    const dir = tempDir();
    const b = await filled(dir);
    await callOk(b, 'system.setEncryption', { current: null, next: PASSWORD, remember: false });
    await b.close();

    const keys = new MemoryKeyStore();
    const app = openAppBackend(dir, { stderrLevel: 'silent', keyStore: keys });
    try {
      expect(app.locked).toBe(true);
      const report = await callOk(app, 'system.integrity', {});
      expect(report).toMatchObject({ mode: 'locked', canRememberKey: true, dataDir: '' });
      const refused = await app.api.call('enterprises.search', { filter: { q: NAME } }, clerk);
      expect(refused.ok ? null : refused.error.code).toBe('LOCKED');
      const wrong = await app.api.call('system.unlock', { password: 'not-the-password', remember: true }, clerk);
      expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'VALIDATION', message: '数据库密码不对，请重新输入' });
      expect(keys.kept).toBeNull();
      await callOk(app, 'system.unlock', { password: PASSWORD, remember: true });
      expect(app.locked).toBe(false);
      expect(keys.kept).toBe(PASSWORD);
      expect((await callOk(app, 'system.integrity', {})).mode).toBe('normal');
      expect((await callOk(app, 'enterprises.search', { filter: { q: NAME } })).total).toBe(1);
      // Jobs and backups after unlocking use the key.
      const r = await backupNow(app);
      expect(containsName(await dbBytesIn(join(r.folder, r.name), PASSWORD))).toBe(false);
      expect((await callOk(app, 'backups.verify', { name: r.name })).ok).toBe(true);
      const twice = await app.api.call('system.unlock', { password: PASSWORD, remember: false }, clerk);
      expect(twice.ok ? null : twice.error.code).toBe('CONFLICT');
    } finally {
      await app.close();
    }

    // A kept password opens it at start; a wrong kept one leaves it locked, saying so.
    const kept = openAppBackend(dir, { stderrLevel: 'silent', key: PASSWORD });
    expect(kept.locked).toBe(false);
    await kept.close();
    const stale = openAppBackend(dir, { stderrLevel: 'silent', key: 'an-old-password' });
    expect(stale.locked).toBe(true);
    expect((await callOk(stale, 'system.integrity', {})).items[0]?.detail).toContain('不对');
    await stale.close();
  });

  it('restores an encrypted backup on a fresh data directory with the password, and refuses it without', async () => {
    const dir = tempDir();
    const b = await filled(dir);
    await callOk(b, 'system.setEncryption', { current: null, next: PASSWORD, remember: false });
    const before = dumpTables(b.core.sqlite);
    const r = await backupNow(b);
    await b.close();
    const zip = join(r.folder, r.name);
    const log = createLogger(null, 'silent');

    const refusedDir = tempDir();
    await expect(restoreBackup(zip, { dataDir: refusedDir, log, shippedMigrations: SHIPPED, current: null, release: () => undefined })).rejects.toThrow(
      /已加密，需要数据库密码/,
    );
    expect(isEncryptedDatabase(dataPaths(refusedDir).db)).toBe(false);

    const fresh = tempDir();
    await restoreBackup(zip, { dataDir: fresh, log, shippedMigrations: SHIPPED, access: { key: PASSWORD }, current: null, release: () => undefined });
    expect(isEncryptedDatabase(dataPaths(fresh).db)).toBe(true);
    const restored = openBackend(fresh, { stderrLevel: 'silent', key: PASSWORD });
    expect(dumpTables(restored.core.sqlite)).toBe(before);
    await restored.close();
  });
});
