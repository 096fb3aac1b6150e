import { describe, expect, it } from 'vitest';
import { callOk, testBackend } from '../../../tests/helpers/backend';
import type { Backend } from '../backend';
import { AUDIT_HEAD_KEY, auditHash, GENESIS_HASH, verifyAuditChain, type AuditRow } from './audit';

async function threeWrites(): Promise<Backend> {
  const b = testBackend();
  for (const abbrev of ['华市监', '华容市监', '华县市监']) {
    await callOk(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: abbrev });
  }
  return b;
}

const verify = (b: Backend) => callOk(b, 'audit.verify', {});
const lastRow = (b: Backend) => b.core.sqlite.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as AuditRow;

const lastRowBefore = (b: Backend, id: number) => b.core.sqlite.prepare('SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1').pluck().get(id) as string;

/** Appends a row the way someone who knows the hash rule but bypasses the program would. */
function forgeRow(b: Backend, correctHash: boolean): number {
  const prev = lastRow(b);
  const row = { at: new Date().toISOString(), actor: '张干事', method: 'settings.saveOffice', entity: 'settings', entity_id: 'office', before: null, after: '{"name":"假单位"}', reason: null };
  const hash = correctHash ? auditHash(prev.hash, row) : 'f'.repeat(64);
  return Number(
    b.core.sqlite
      .prepare('INSERT INTO audit_log (at, actor, method, entity, entity_id, before, after, reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(row.at, row.actor, row.method, row.entity, row.entity_id, row.before, row.after, row.reason, prev.hash, hash).lastInsertRowid,
  );
}

describe('the audit chain', () => {
  it('verifies an untouched chain, records its head with every write, and names the first altered row', async () => {
    const b = await threeWrites();
    expect(await verify(b)).toMatchObject({ ok: true, rows: 3, firstBrokenId: null, reason: '3 条操作记录，未被改动' });
    const head = JSON.parse(b.core.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(AUDIT_HEAD_KEY) as string) as unknown;
    expect(head).toEqual({ id: 3, hash: lastRow(b).hash });
    b.core.sqlite.prepare("UPDATE audit_log SET actor = '别人' WHERE id = 2").run();
    expect(await verify(b)).toMatchObject({ ok: false, firstBrokenId: 2, problem: 'altered', reason: '第 2 条操作记录的内容被改动过' });
  });

  it('notices a row deleted in the middle at the row after it', async () => {
    const b = await threeWrites();
    b.core.sqlite.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(await verify(b)).toMatchObject({ ok: false, firstBrokenId: 3, problem: 'relinked', reason: expect.stringContaining('链在第 3 条断开') as string });
  });

  it('notices a row inserted before others, and a middle row rewritten with a recomputed hash', async () => {
    const b = await threeWrites();
    const rows = b.core.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
    // Rewrite row 2 and recompute its own hash: row 3 no longer links to it.
    const changed = { ...rows[1]!, actor: '别人' };
    b.core.sqlite.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE id = 2').run(changed.actor, auditHash(rows[0]!.hash, changed));
    expect(await verify(b)).toMatchObject({ ok: false, firstBrokenId: 3, problem: 'relinked' });

    // A row slipped in before the first one (id 0) does not link to the start of the chain.
    const c = await threeWrites();
    c.core.sqlite
      .prepare("INSERT INTO audit_log (id, at, actor, method, entity, prev_hash, hash) VALUES (0, '2020-01-01T00:00:00.000Z', '某人', 'x', 'settings', ?, ?)")
      .run('1'.repeat(64), '2'.repeat(64));
    expect(await verify(c)).toMatchObject({ ok: false, firstBrokenId: 0, problem: 'relinked' });
  });

  it('notices a row appended outside the program, whether or not its hash was forged correctly', async () => {
    const b = await threeWrites();
    const wrong = forgeRow(b, false);
    expect(await verify(b)).toMatchObject({ ok: false, firstBrokenId: wrong, problem: 'altered' });

    const c = await threeWrites();
    const forged = forgeRow(c, true);
    expect(await verify(c)).toMatchObject({ ok: false, firstBrokenId: forged, problem: 'appended', reason: `第 ${forged} 条起有 1 条记录不是由清波写入的（在登记的最后一条之后）` });
  });

  it('notices deleted last rows through the recorded head, and a rewritten last row', async () => {
    const b = await threeWrites();
    b.core.sqlite.prepare('DELETE FROM audit_log WHERE id >= 2').run();
    expect(await verify(b)).toMatchObject({ ok: false, firstBrokenId: 2, problem: 'truncated', reason: '最后 2 条被删除（应到第 3 条，现只到第 1 条）' });

    const c = await threeWrites();
    const rows = c.core.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
    const changed = { ...rows[2]!, actor: '别人' };
    c.core.sqlite.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE id = 3').run(changed.actor, auditHash(rows[1]!.hash, changed));
    expect(await verify(c)).toMatchObject({ ok: false, firstBrokenId: 3, problem: 'rewritten' });

    // Without the head (data written before it was recorded) the chain alone cannot tell.
    const d = await threeWrites();
    d.core.sqlite.prepare('DELETE FROM audit_log WHERE id = 3').run();
    d.core.sqlite.prepare('DELETE FROM settings WHERE key = ?').run(AUDIT_HEAD_KEY);
    expect(await verify(d)).toMatchObject({ ok: true, rows: 2, head: null, reason: expect.stringContaining('尚未登记最后一条') as string });
    expect(verifyAuditChain(d.core.sqlite).firstBrokenId).toBeNull();
  });

  it('chains rows appended together as if appended one by one, and records the last as the head', async () => {
    const b = await threeWrites();
    const { appendAuditRows } = await import('./audit');
    b.core.sqlite.transaction(() => {
      appendAuditRows(b.core.sqlite, '张干事', 'enterprises.import', [1, 2, 3].map((n) => ({ entity: 'enterprise', entityId: n, after: { name: `企业${n}` } })));
      appendAuditRows(b.core.sqlite, '张干事', 'enterprises.import', []);
    })();
    expect(await verify(b)).toMatchObject({ ok: true, rows: 6 });
    const rows = b.core.sqlite.prepare('SELECT * FROM audit_log WHERE id > 3 ORDER BY id').all() as AuditRow[];
    expect(rows.map((r) => r.entity_id)).toEqual(['1', '2', '3']);
    rows.forEach((r, i) => expect(r.prev_hash).toBe(i === 0 ? lastRowBefore(b, 4) : rows[i - 1]!.hash));
    const head = JSON.parse(b.core.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(AUDIT_HEAD_KEY) as string) as unknown;
    expect(head).toEqual({ id: 6, hash: rows[2]!.hash });
  });

  it('is refused outside a transaction', async () => {
    const b = testBackend();
    const { appendAudit } = await import('./audit');
    expect(() => appendAudit(b.core.sqlite, 'x', 'm', { entity: 'e' })).toThrow('inside the write transaction');
    expect(GENESIS_HASH).toHaveLength(64);
  });
});

describe('searching the audit trail', () => {
  it('filters by actor, method or domain, object, Shanghai days and text, newest first, page by page', async () => {
    const b = await threeWrites();
    const insert = b.core.sqlite.prepare('INSERT INTO audit_log (at, actor, method, entity, entity_id, before, after, reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    // 2026-03-01 23:30 in Shanghai is 15:30 UTC: still 1 March there; 16:30 UTC is 2 March.
    insert.run('2026-03-01T15:30:00.000Z', '李四', 'enterprises.update', 'enterprise', '7', '{"name":"旧名"}', '{"name":"含\\"引号\\"的名称"}', '更正名称 100%', 'x', 'x');
    insert.run('2026-03-01T16:30:00.000Z', '李四', 'enterprises.create', 'enterprise', '8', null, '{"name":"华容县清波商行"}', null, 'x', 'x');
    insert.run('2026-03-02T01:00:00.000Z', '王五', 'dossier.create', 'dossier_record', '9', null, '{"summary":"现场检查"}', null, 'x', 'x');
    const search = (f: object) => callOk(b, 'audit.search', f);
    const ids = async (f: object) => (await search(f)).entries.map((e) => e.id);

    expect(await ids({ actor: '李四' })).toEqual([5, 4]);
    expect(await ids({ method: 'enterprises.' })).toEqual([5, 4]);
    expect(await ids({ method: 'enterprises.create' })).toEqual([5]);
    expect(await ids({ entity: 'enterprise', entityId: '7' })).toEqual([4]);
    expect(await ids({ from: '2026-03-01', to: '2026-03-01' })).toEqual([4]);
    expect(await ids({ from: '2026-03-02', to: '2026-03-02' })).toEqual([6, 5]);
    expect(await ids({ q: '清波商行' })).toEqual([5]);
    expect(await ids({ q: '"引号"' })).toEqual([4]);
    expect(await ids({ q: '100%' })).toEqual([4]);
    expect(await ids({ q: '100_' })).toEqual([]);
    expect(await ids({ q: '9' })).toEqual([6]);
    const first = await search({ limit: 2 });
    expect(first).toMatchObject({ hasMore: true, total: 6, totalCapped: false });
    expect(first.entries.map((e) => e.id)).toEqual([6, 5]);
    expect(first.entries[0]).toMatchObject({ actor: '王五', reason: null, after: { summary: '现场检查' } });
    const last = await search({ limit: 2, offset: 4 });
    expect(last).toMatchObject({ hasMore: false, total: 6 });
    expect(last.entries.map((e) => e.id)).toEqual([2, 1]);
    expect((await search({ actor: '李四' })).entries[1]).toMatchObject({ reason: '更正名称 100%', before: { name: '旧名' } });
  });
});
