// Settings are JSON values by key in the settings table; each caller validates its own value.
import type { Sqlite } from '../db/open';

/** The stored JSON value of `key`, or undefined when it was never saved. */
export function readSetting(sqlite: Sqlite, key: string): unknown {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

/** Stores `value` under `key` (inside the caller's write transaction, with its audit row). */
export function writeSetting(sqlite: Sqlite, key: string, value: unknown): void {
  sqlite
    .prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(key, JSON.stringify(value), new Date().toISOString());
}
