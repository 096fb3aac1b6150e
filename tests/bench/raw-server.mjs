// Baseline for startup.server_ready_ms: the least any server over an office's database has to do
// before it can answer (open it in WAL mode, PRAGMA quick_check, listen, count the enterprises
// per request as system.info does), with no product code loaded.
// Usage: node tests/bench/raw-server.mjs <qingbo.db> <port>
import Database from 'better-sqlite3';
import { createServer } from 'node:http';

const [file, port] = process.argv.slice(2);
if (!file || !port) {
  console.error('usage: node raw-server.mjs <qingbo.db> <port>');
  process.exit(2);
}

const sqlite = new Database(file);
sqlite.pragma('journal_mode = WAL');
const check = sqlite.pragma('quick_check', { simple: true });
if (check !== 'ok') {
  console.error(`quick_check: ${check}`);
  process.exit(1);
}
const count = sqlite.prepare('SELECT count(*) AS n FROM enterprises');

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/system.info' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
    res.writeHead(404).end();
    return;
  }
  // Read the body as the product does before answering.
  req.resume();
  req.on('end', () => {
    const { n } = count.get();
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok: true, value: { counts: { enterprises: n } } }));
  });
});

server.listen(Number(port), '127.0.0.1', () => console.log(`raw server ready: http://127.0.0.1:${port}/`));

process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => sqlite.close());
});
