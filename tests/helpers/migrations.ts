// Builds a database as an older version of the app left it: only the first `count` migrations
// applied, recorded the way drizzle records them, so that opening it runs the rest for real.
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsDir } from '../../electron/backend/paths';

export function shippedMigrations() {
  return readMigrationFiles({ migrationsFolder: migrationsDir() });
}

/** Creates `file` with the first `count` migrations applied; returns the open connection. */
export function databaseAtMigration(file: string, count: number): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
  const record = db.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)');
  db.transaction(() => {
    for (const m of shippedMigrations().slice(0, count)) {
      for (const stmt of m.sql) if (stmt.trim()) db.exec(stmt);
      record.run(m.hash, m.folderMillis);
    }
  })();
  return db;
}
