// Baseline for registry.import_100k: ExcelJS's streaming reader into prepared inserts, one
// transaction, no checks, no search keys — the least an xlsx import can cost.
// Usage: node raw-import.mjs FILE.xlsx OUT.db
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';

const [file, dbFile] = process.argv.slice(2);
const db = new Database(dbFile);
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE t (name TEXT, uscc TEXT UNIQUE, type TEXT, rep TEXT, phone TEXT, address TEXT, town TEXT, status TEXT, est TEXT, industry TEXT, cls TEXT, credit TEXT, grid TEXT, tags TEXT)');
const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
const text = (v) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
db.exec('BEGIN');
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore' });
let n = 0;
for await (const ws of reader) {
  for await (const row of ws) {
    if (row.number <= 2) continue;
    const v = row.values;
    insert.run(...Array.from({ length: 14 }, (_, i) => text(v[i + 1])));
    n++;
  }
  break;
}
db.exec('COMMIT');
db.close();
process.stdout.write(JSON.stringify({ rows: n }));
