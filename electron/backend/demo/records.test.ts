// The demo county's files: every record is one the write path would have stored, byte for byte,
// and the due list has work in it whatever day the demo is made.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../shared/dates';
import { recordFields, recordKinds, type RecordKind } from '../../../shared/dossier';
import type { EnterpriseData } from '../../../shared/enterprise';
import { isWorkday } from '../../../shared/workdays';
import { callOk, testBackend } from '../../../tests/helpers/backend';
import { openBackend, type Backend } from '../backend';
import { dueList } from '../dossier/deadlines';
import { holidayCalendar } from '../reference/holidays';
import { generateDemoRecords } from './records';

interface Row {
  id: number;
  enterprise_id: number;
  kind: RecordKind;
  occurred_on: string;
  summary: string;
  data: string;
  source_id: number | null;
  township_code: string | null;
}

interface DeadlineRow {
  record_id: number;
  kind: string;
  start_on: string;
  due_on: string;
  status: string;
  done_on: string | null;
  warnings: string;
}

async function generate(b: Backend, enterprises: number, more: { recordsPerEnterprise?: number; seed?: number } = {}): Promise<Backend> {
  const { jobId } = await callOk(b, 'demo.generate', { enterprises, ...more });
  const done = await b.core.jobs.wait(jobId);
  expect(done.status, done.message).toBe('succeeded');
  return b;
}
const demo = (enterprises: number, more: { recordsPerEnterprise?: number; seed?: number } = {}) => generate(testBackend(), enterprises, more);

// The files only: the demo's campaign adds its results through the campaign services (campaign.test.ts checks those),
// and its notices are issued through the notice services (demo/notices.test.ts).
const FILES_ONLY = `id NOT IN (SELECT record_id FROM campaign_results)
  AND id NOT IN (SELECT rectification_id FROM campaign_results WHERE rectification_id IS NOT NULL) AND kind != 'notice'`;
const rowsOf = (b: Backend) => b.core.sqlite.prepare(`SELECT * FROM dossier_records WHERE ${FILES_ONLY} ORDER BY id`).all() as Row[];
const deadlinesOf = (b: Backend) => {
  const byRecord = new Map<number, DeadlineRow[]>();
  for (const d of b.core.sqlite.prepare('SELECT * FROM deadlines ORDER BY id').all() as DeadlineRow[]) {
    byRecord.set(d.record_id, [...(byRecord.get(d.record_id) ?? []), d]);
  }
  return byRecord;
};

// One demo for the checks that only read (made once, by whichever test comes first): big enough
// that even the rare kinds (挂牌督办) occur.
const sharedDir = mkdtempSync(join(tmpdir(), 'qingbo-demo-records-'));
let sharedDemo: Promise<Backend> | undefined;
const sharedBackend = () => (sharedDemo ??= generate(openBackend(sharedDir, { stderrLevel: 'silent' }), 1500));
afterAll(async () => {
  await (await sharedDemo)?.close();
  rmSync(sharedDir, { recursive: true, force: true });
});

describe('demo records', () => {
  it('writes exactly the records asked for, every kind, with one audit row for the batch', async () => {
    const b = await sharedBackend();
    const rows = rowsOf(b);
    expect(rows).toHaveLength(15_000);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(recordKinds.filter((k) => k !== 'notice')));
    const perEnterprise = new Map<number, number>();
    for (const r of rows) perEnterprise.set(r.enterprise_id, (perEnterprise.get(r.enterprise_id) ?? 0) + 1);
    // Producers get many more than a hair salon, and dates run from 2021 to yesterday.
    expect(Math.max(...perEnterprise.values())).toBeGreaterThan(25);
    expect(rows.every((r) => r.occurred_on >= '2021-01-01' && r.occurred_on < todayInChina())).toBe(true);
    // The campaign's results are audited one by one, as a clerk's would be.
    const audit = (await callOk(b, 'audit.list', { entity: 'dossier_record', limit: 500 })).filter((a) => a.method === 'demo.generate');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ method: 'demo.generate', after: { inserted: 15_000, enterprises: 1500 } });
  });

  it('stores each kind in the exact shape its schema parses to, with the cross-field rules of the write path', async () => {
    const b = await sharedBackend();
    for (const r of rowsOf(b)) {
      const { from, ...data } = JSON.parse(r.data) as Record<string, unknown>;
      const parsed = recordFields[r.kind].safeParse(data);
      expect(parsed.success, `${r.kind} ${r.data}`).toBe(true);
      // Same fields, same order: what JSON.stringify of the parsed fields gives.
      expect(JSON.stringify(parsed.data), r.kind).toBe(JSON.stringify(data));
      if (r.kind === 'credit' || r.kind === 'supervisionClass') expect(from, r.data).not.toBeUndefined();
      else expect(from).toBeUndefined();
      const d = data as Record<string, string | null | unknown[]>;
      const notBefore = (field: string) => expect(d[field] === null || (d[field] as string) >= r.occurred_on, `${field} ${r.data}`).toBe(true);
      if (r.kind === 'rectification') {
        ['deadlineOn', 'recheckDueOn', 'recheckOn'].forEach(notBefore);
        expect(d.recheckOn === null || d.outcome !== null, r.data).toBe(true);
      }
      if (r.kind === 'supervision') ['deadlineOn', 'closedOn'].forEach(notBefore);
      if (r.kind === 'complaint') notBefore('repliedOn');
      if (r.kind === 'sampling') {
        notBefore('resultReceivedOn');
        expect((d.unqualifiedItems as unknown[]).length > 0, r.data).toBe(d.result === '不合格');
      }
    }
  });

  it('ends each credit and supervision-class history in the class the registry shows', async () => {
    const b = await sharedBackend();
    const last = new Map<string, { to: unknown; from: unknown }>();
    let changes = 0;
    for (const r of rowsOf(b)) {
      if (r.kind !== 'credit' && r.kind !== 'supervisionClass') continue;
      const { to, from } = JSON.parse(r.data) as { to: unknown; from: unknown };
      const key = `${r.kind}:${r.enterprise_id}`;
      // Each change starts where the one before ended.
      if (last.has(key)) expect(from).toBe(last.get(key)!.to);
      expect(from).not.toBe(to);
      last.set(key, { to, from });
      changes++;
    }
    expect(changes).toBeGreaterThan(20);
    const classOf = b.core.sqlite.prepare('SELECT credit_class, supervision_class FROM enterprises WHERE id = ?');
    for (const [key, { to }] of last) {
      const [kind, id] = key.split(':');
      const e = classOf.get(Number(id)) as { credit_class: string | null; supervision_class: string };
      expect(to).toBe(kind === 'credit' ? e.credit_class : e.supervision_class);
    }
  });

  it('leaves overdue work and work due this week, counted from the day it is generated', async () => {
    const b = await sharedBackend();
    const today = todayInChina();
    const list = dueList(b.core.sqlite, { days: 7, townshipCode: null, limit: 200 });
    expect(list.overdueTotal).toBeGreaterThan(0);
    expect(list.overdue.every((d) => d.dueOn < today)).toBe(true);
    expect(list.dueSoon.every((d) => d.dueOn >= today && d.dueOn <= addDays(today, 6))).toBe(true);
    // Both kinds of work a clerk chases: orders to correct (the Order 18 chain among them) and complaint replies.
    for (const kind of ['correct', 'recheck', 'reply']) expect(list.overdue.some((d) => d.kind === kind), kind).toBe(true);
    // Periods end on working days: in a week of nothing but holidays (the Spring Festival) nothing can fall due.
    const week = Array.from({ length: 7 }, (_, i) => addDays(today, i));
    if (week.some((d) => isWorkday(holidayCalendar(), d))) {
      expect(list.dueSoonTotal).toBeGreaterThan(0);
      for (const kind of ['correct', 'reply']) expect(list.dueSoon.some((d) => d.kind === kind), kind).toBe(true);
    }
    expect(list.overdue.some((d) => d.kind === 'recheck' && d.recordKind === 'rectification')).toBe(true);
    // Most orders were rechecked and most complaints answered: open work is the exception.
    const share = (kind: string) =>
      b.core.sqlite.prepare("SELECT avg(status = 'done') AS done FROM deadlines WHERE kind = ? AND due_on < ?").get(kind, today) as { done: number };
    expect(share('correct').done).toBeGreaterThan(0.85);
    expect(share('reply').done).toBeGreaterThan(0.9);
  });

  it('gives each record the summary, deadlines and follow-up order the write path gives it (saving samples again, so it runs last on the shared demo)', async () => {
    const b = await sharedBackend();
    const rows = rowsOf(b);
    const deadlines = deadlinesOf(b);
    const classOf = b.core.sqlite.prepare('SELECT credit_class, supervision_class FROM enterprises WHERE id = ?');
    const shape = (ds: { kind: string; startOn: string; dueOn: string; status: string; doneOn: string | null; warnings: string[] }[]) =>
      ds.map((d) => [d.kind, d.startOn, d.dueOn, d.status, d.doneOn, d.warnings]);
    // A handful of each kind from across the county, and a few unqualified results, saved again
    // through the contract for a scratch enterprise.
    const spread = (list: Row[], n: number) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);
    const isUnqualified = (r: Row) => r.kind === 'sampling' && (JSON.parse(r.data) as { result: string }).result === '不合格';
    const samples = [
      ...recordKinds.flatMap((k) => spread(rows.filter((r) => r.kind === k && r.source_id === null), 6)),
      ...spread(rows.filter(isUnqualified), 4),
    ];
    for (const [i, r] of samples.entries()) {
      const { from, ...data } = JSON.parse(r.data) as Record<string, unknown>;
      // The scratch enterprise starts in the class the demo record changed from, so the summaries can match.
      const before = classOf.get(r.enterprise_id) as { credit_class: string | null; supervision_class: string };
      const scratch = await callOk(b, 'enterprises.create', {
        data: {
          name: `华容县复核样本${i}号商行`,
          townshipCode: r.township_code,
          creditClass: (r.kind === 'credit' ? from : before.credit_class) as EnterpriseData['creditClass'],
          supervisionClass: (r.kind === 'supervisionClass' ? from : before.supervision_class) as EnterpriseData['supervisionClass'],
        },
      });
      const saved = await callOk(b, 'dossier.create', { enterpriseId: scratch.enterprise.id, kind: r.kind, occurredOn: r.occurred_on, data });
      expect(saved.record.summary, r.data).toBe(r.summary);
      expect(JSON.stringify(saved.record.data), r.kind).toBe(r.data);
      const stored = (deadlines.get(r.id) ?? []).map((d) => ({
        kind: d.kind, startOn: d.start_on, dueOn: d.due_on, status: d.status, doneOn: d.done_on, warnings: JSON.parse(d.warnings) as string[],
      }));
      expect(shape(saved.record.deadlines), r.data).toEqual(shape(stored));
      if (isUnqualified(r)) {
        // The order the write path opens is the demo's order, before its 复查 was entered.
        const order = rows.find((o) => o.source_id === r.id)!;
        const demoOrder = JSON.parse(order.data) as Record<string, unknown>;
        expect(saved.opened).toHaveLength(1);
        expect(saved.opened[0]!.occurredOn).toBe(order.occurred_on);
        expect(saved.opened[0]!.data).toEqual({ ...demoOrder, recheckOn: null, recheckInspectors: [], outcome: null, recheckNote: null });
      }
    }
    // Every unqualified result has its order, and only those do.
    const unqualified = rows.filter(isUnqualified).map((r) => r.id);
    expect(unqualified.length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.source_id !== null).map((r) => r.source_id).sort((a, b) => a! - b!)).toEqual(unqualified);
  });

  it('has work overdue and due this week whatever the day, around the Spring Festival and National Day too', async () => {
    for (const today of ['2026-02-13', '2026-02-16', '2026-09-30', '2025-12-31']) {
      const b = await demo(300, { recordsPerEnterprise: 0 });
      const job = b.core.jobs.start('test.records', '测试', 'test', null, (ctx) =>
        generateDemoRecords(ctx, { afterId: 0, perEnterprise: 10, seed: 1, countyCode: '430623', docAbbrev: '华市监', progressFrom: 0, today }),
      );
      expect((await b.core.jobs.wait(job.id)).result).toMatchObject({ records: 3000 });
      const list = dueList(b.core.sqlite, { days: 7, townshipCode: null, limit: 200 }, today);
      expect(list.overdueTotal, today).toBeGreaterThan(0);
      const week = Array.from({ length: 7 }, (_, i) => addDays(today, i));
      if (week.some((d) => isWorkday(holidayCalendar(), d))) expect(list.dueSoonTotal, today).toBeGreaterThan(0);
      // Up to the last working day before it (records happen on working days).
      const { last } = b.core.sqlite.prepare(`SELECT max(occurred_on) AS last FROM dossier_records WHERE ${FILES_ONLY}`).get() as { last: string };
      expect(last < today && last >= addDays(today, -10), `${today}: ${last}`).toBe(true);
    }
  });

  it('is the same for the same seed, and writes no records when asked for none', async () => {
    const content = (b: Backend) =>
      JSON.stringify(b.core.sqlite.prepare(`SELECT enterprise_id, kind, occurred_on, summary, data, source_id, created_at FROM dossier_records WHERE ${FILES_ONLY} ORDER BY id`).all());
    const [one, two] = await Promise.all([demo(150, { seed: 7 }), demo(150, { seed: 7 })]);
    expect(content(one)).toBe(content(two));
    expect(JSON.parse(content(one))).toHaveLength(1500);
    const campaign = (b: Backend) =>
      JSON.stringify([
        b.core.sqlite.prepare('SELECT seed, result_hash FROM campaign_draws').all(),
        b.core.sqlite.prepare('SELECT enterprise_id, inspected_on, answers, quantities FROM campaign_results ORDER BY id').all(),
      ]);
    expect(campaign(one)).toBe(campaign(two));
    const none = await demo(40, { recordsPerEnterprise: 0 });
    expect(none.core.sqlite.prepare('SELECT count(*) AS n FROM dossier_records').get()).toEqual({ n: 0 });
    expect(await callOk(none, 'audit.list', { entity: 'dossier_record' })).toEqual([]);
  });
});
