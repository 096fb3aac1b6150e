// The database password kept for this computer's account: encrypted with Electron's safeStorage
// (DPAPI on Windows, the keychain on macOS, libsecret on Linux) in a file outside the data
// directory, so a copied data folder or backup never carries it.
import { safeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyStore } from '../backend/backend';

export class SafeKeyStore implements KeyStore {
  constructor(private readonly file: string) {}

  /** The kept password, or undefined when none is kept or it cannot be decrypted on this account. */
  load(): string | undefined {
    if (!existsSync(this.file) || !safeStorage.isEncryptionAvailable()) return undefined;
    try {
      return safeStorage.decryptString(readFileSync(this.file));
    } catch {
      return undefined;
    }
  }

  remembered(): boolean {
    return existsSync(this.file);
  }

  save(key: string | null): void {
    if (key === null || !safeStorage.isEncryptionAvailable()) {
      rmSync(this.file, { force: true });
      return;
    }
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, safeStorage.encryptString(key), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
