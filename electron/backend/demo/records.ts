// The demo county's files (一企一档): several years of records for the enterprises a demo run
// added, written in the run's own transaction. Each record gets its summary and deadlines from
// the same functions the write path uses (summaryOf, deriveDeadlines, writeDeadlines, the rules in
// settings and the holiday calendar), and dates are counted back from today, so the home page
// always has overdue items and items due this week, whenever the demo is made.
import type { Statement } from 'better-sqlite3';
import { todayInChina } from '../../../shared/dates';
import type { EnterpriseRow } from '../../../shared/enterprise';
import type { Sqlite } from '../db/open';
import { townshipsOf } from '../divisions/divisions';
import { deriveDeadlines, writeDeadlines } from '../dossier/deadlines';
import { getDeadlineRules } from '../dossier/rules';
import { summaryOf } from '../dossier/summary';
import type { JobContext } from '../jobs/runner';
import { holidayCalendar } from '../reference/holidays';
import { pick, prng, weighted, type Rand } from './names';
import {
  assistance, creditChange, interview, licenceEvent, licenceReminder, note, penalty, riskReminder, supervisionClassChange,
} from './record-actions';
import { complaint, dailyChecklist, inspection, sampling, supervision } from './record-events';
import { between, dn, ds, dueAfter, workdayNear, type DemoFirm, type Draft, type Scene } from './scene';
import { CAMPAIGN_FROM, SHOP_BRANDS, staffRoster } from './record-texts';
import { plannedCounts } from './quotas';

/** Histories start here (the year before 洞庭清波 began). */
export const HISTORY_FROM = '2021-01-01';
const CHUNK = 2000;

export interface DemoRecordsInput {
  /** Only enterprises with a larger id get records: the ones this run added. */
  afterId: number;
  /** Records per enterprise on average; the total is exactly this times the enterprises. */
  perEnterprise: number;
  seed: number;
  countyCode: string;
  /** 发文字号 abbreviation of the office (华市监), for case numbers. */
  docAbbrev: string;
  /** Progress reported runs from here to 1. */
  progressFrom: number;
  /** The day the demo is made (today in China unless a test says otherwise). */
  today?: string;
}

type Event = 'inspection' | 'special' | 'sampling' | 'complaint' | 'assistance' | 'interview' | 'risk' | 'note' | 'penalty' | 'supervision';

/** How often each event happens, by the kind of business. */
const EVENTS: Record<'producer' | 'seller' | 'other', readonly (readonly [Event, number])[]> = {
  producer: [
    ['inspection', 38], ['sampling', 28], ['special', 8], ['complaint', 3], ['assistance', 5], ['interview', 2], ['risk', 3], ['note', 2],
    ['penalty', 1], ['supervision', 0.4],
  ],
  seller: [['inspection', 45], ['special', 30], ['complaint', 4], ['assistance', 3], ['risk', 3], ['note', 3], ['interview', 0.6], ['penalty', 1]],
  other: [['inspection', 80], ['complaint', 6], ['assistance', 3], ['risk', 2], ['note', 5], ['interview', 0.5], ['penalty', 0.8]],
};

/** Items planted now and then so that the due list is never empty, however small the demo. */
const PLANTED = ['overdueChain', 'dueSoonChain', 'overdueOrder', 'dueSoonOrder', 'overdueComplaint', 'dueSoonComplaint'] as const;
type Planted = (typeof PLANTED)[number];
const PLANT_EVERY = 1000;

const isProducer = (f: DemoFirm) => f.tags.includes('洗涤用品生产企业') || f.licences.length > 0;
const isSeller = (f: DemoFirm) => f.tags.includes('洗涤用品经营户');
/** Makes detergents: the campaign's special checks at a producer are for these only. */
const makesDetergent = (f: DemoFirm) => f.tags.includes('洗涤用品生产企业') || f.licences.some((l) => l.scope === '洗涤剂');

/**
 * The job's connection, keeping what it prepares: writeDeadlines prepares its two statements on
 * every call, which over a million records costs more than the deadlines themselves. Everything
 * else is the connection itself (the facade's prototype).
 */
function keepingStatements(sqlite: Sqlite): Sqlite {
  const kept = new Map<string, Statement>();
  const facade = Object.create(sqlite) as Sqlite;
  facade.prepare = ((source: string) => {
    let s = kept.get(source);
    if (!s) kept.set(source, (s = sqlite.prepare(source)));
    return s;
  }) as Sqlite['prepare'];
  return facade;
}

/** The firms this run added, with their licences. */
function loadFirms(sqlite: Sqlite, afterId: number): DemoFirm[] {
  const licences = new Map<number, DemoFirm['licences']>();
  for (const l of sqlite
    .prepare('SELECT enterprise_id, kind, number, scope, valid_from, valid_to FROM enterprise_licences WHERE enterprise_id > ? ORDER BY id')
    .iterate(afterId) as IterableIterator<{ enterprise_id: number; kind: string; number: string; scope: string | null; valid_from: string | null; valid_to: string | null }>) {
    const list = licences.get(l.enterprise_id) ?? [];
    list.push({ kind: l.kind, number: l.number, scope: l.scope, validFrom: l.valid_from, validTo: l.valid_to });
    licences.set(l.enterprise_id, list);
  }
  const rows = sqlite
    .prepare(
      `SELECT id, name, entity_type, legal_rep, address, township_code, status, supervision_class, credit_class, established_on, tags
       FROM enterprises WHERE id > ? ORDER BY id`,
    )
    .all(afterId) as {
    id: number; name: string; entity_type: EnterpriseRow['entityType']; legal_rep: string | null; address: string | null;
    township_code: string | null; status: EnterpriseRow['status']; supervision_class: EnterpriseRow['supervisionClass'];
    credit_class: EnterpriseRow['creditClass']; established_on: string | null; tags: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    entityType: r.entity_type,
    legalRep: r.legal_rep,
    address: r.address,
    townshipCode: r.township_code,
    status: r.status,
    supervisionClass: r.supervision_class,
    creditClass: r.credit_class,
    establishedOn: r.established_on,
    tags: JSON.parse(r.tags) as string[],
    licences: licences.get(r.id) ?? [],
  }));
}

/** The trade name in a firm's name (华容县鑫源日化有限公司 → 鑫源), the brand on its products. */
function brandOf(name: string, rand: Rand): string {
  const m = /^(?:湖南省?|岳阳市?)?(?:[^县市区]{1,4}[县市区])?(.{2})/.exec(name);
  return m?.[1] && !/[县市区镇乡]/.test(m[1]) ? m[1] : pick(rand, SHOP_BRANDS);
}

/** A day of the firm's life between `from` and `to` (day numbers), moved onto a working day. */
const someDay = (sc: Scene, from: number, to: number): string => ds(workdayNear(sc.cal, between(sc.rand, from, to), to));

/** A start date (≤ yesterday) whose deadline under `rule` falls `lo`…`hi` days from today, if there is one. */
function startForDue(sc: Scene, rule: { days: number; unit: 'calendar' | 'working' }, lo: number, hi: number): string | null {
  const today = dn(sc.today);
  const target = between(sc.rand, lo, hi);
  for (let s = today - 1; s > today - 800; s--) {
    const due = dn(dueAfter(sc, ds(s), rule));
    if (due <= today + target) return due >= today + lo ? ds(s) : null;
  }
  return null;
}

/** The planted item as records, or null when this firm cannot carry it (too young, wrong trade). */
function plantedDrafts(sc: Scene, f: DemoFirm, item: Planted, first: number): Draft[] | null {
  const today = dn(sc.today);
  const producer = isProducer(f);
  switch (item) {
    case 'overdueChain':
    case 'dueSoonChain': {
      if (!producer) return null;
      const received =
        item === 'overdueChain' ? startForDue(sc, sc.rules.recheck, -60, -5) : startForDue(sc, sc.rules.correct, 0, 6);
      if (!received) return null;
      const sampled = dn(received) - between(sc.rand, 15, 30);
      return sampled < first ? null : sampling(sc, f, ds(sampled), received, { unqualified: true, open: true });
    }
    case 'overdueOrder':
    case 'dueSoonOrder': {
      const on = item === 'overdueOrder' ? today - between(sc.rand, 30, 60) : today - between(sc.rand, 2, 10);
      const day = workdayNear(sc.cal, on, today - 1);
      const limit = item === 'overdueOrder' ? day + 15 : today + between(sc.rand, 1, 5);
      const deadline = workdayNear(sc.cal, limit, item === 'overdueOrder' ? today - 1 : today + 6);
      if (day < first || (item === 'dueSoonOrder' && (deadline < today || deadline > today + 6))) return null;
      return inspection(sc, f, ds(day), dailyChecklist(f, producer), {
        special: false, follow: true, findingRate: 1, order: { deadlineOn: ds(deadline), open: true },
      });
    }
    case 'overdueComplaint':
    case 'dueSoonComplaint': {
      const rule = sc.rules.complaintReply;
      const received = item === 'overdueComplaint' ? startForDue(sc, rule, -20, -3) : startForDue(sc, rule, 0, 6);
      return received && dn(received) >= first ? complaint(sc, f, received, producer, true) : null;
    }
  }
}

/** The classes a firm went through to reach its current credit class, oldest first. */
function creditPath(rand: Rand, current: NonNullable<DemoFirm['creditClass']>, steps: number): DemoFirm['creditClass'][] {
  const path: DemoFirm['creditClass'][] = [current];
  for (let i = 0; i < steps; i++) {
    const next = path[0]!;
    path.unshift(next === 'A' || next === 'C' || next === 'D' ? 'B' : pick(rand, ['A', 'C'] as const));
  }
  if (rand() < 0.3) path[0] = null; // not yet classified when first listed
  return path;
}

const sizeOf = (drafts: Draft[]) => drafts.reduce((n, d) => n + (d.follow ? 2 : 1), 0);

/** A firm's whole history: `quota` records, oldest first. */
function planFirm(sc: Scene, f: DemoFirm, quota: number, plant: Planted | null): { drafts: Draft[]; planted: boolean } {
  const { rand } = sc;
  const last = sc.lastDay;
  // A firm founded a few days before it closed still gets its records, on its last days.
  const first = Math.min(last, Math.max(dn(HISTORY_FROM), f.establishedOn ? dn(f.establishedOn) + 7 : 0));
  const drafts: Draft[] = [];
  if (quota <= 0) return { drafts, planted: false };
  const room = () => quota - sizeOf(drafts);
  const producer = isProducer(f);

  // Facts the registry already states come first: how the credit class got where it is, the licences.
  if (f.creditClass && rand() < (f.creditClass >= 'C' ? 0.9 : 0.12)) {
    const path = creditPath(rand, f.creditClass, Math.min(room(), rand() < 0.7 ? 1 : 2));
    const days = Array.from({ length: path.length - 1 }, () => between(rand, first, last)).sort((a, b) => a - b);
    days.forEach((d, i) => drafts.push(creditChange(ds(workdayNear(sc.cal, d, last)), path[i]!, path[i + 1]!)));
  }
  for (const l of f.licences) {
    if (room() <= 0) break;
    const from = l.validFrom ? dn(l.validFrom) : -1;
    if (from >= first && from <= last) {
      const renewed = f.establishedOn !== null && dn(f.establishedOn) < from - 365;
      drafts.push(licenceEvent(ds(workdayNear(sc.cal, from, last)), renewed ? '延续' : '发证', l));
    }
    const to = l.validTo ? dn(l.validTo) : -1;
    const remindOn = to - between(rand, 30, 90);
    if (room() > 0 && remindOn >= first && remindOn <= last) drafts.push(licenceReminder(ds(workdayNear(sc.cal, remindOn, last)), l.number, l.validTo!));
    if (room() > 0 && rand() < 0.1 && Math.max(from, first) < last) drafts.push(licenceEvent(someDay(sc, Math.max(from, first), last), '变更', l));
  }
  if (room() > 0 && f.supervisionClass !== '普通' && rand() < (f.supervisionClass === '严管' ? 0.3 : 0.05)) {
    drafts.push(supervisionClassChange(someDay(sc, first, last), f.supervisionClass === '严管' ? pick(rand, ['专管', '普通'] as const) : '普通', f.supervisionClass));
  }
  let planted = false;
  if (plant && room() >= (plant.endsWith('Complaint') ? 1 : 2)) {
    const p = plantedDrafts(sc, f, plant, first);
    if (p) {
      drafts.push(...p);
      planted = true;
    }
  }

  const table = EVENTS[producer ? 'producer' : isSeller(f) ? 'seller' : 'other'];
  const campaignFrom = Math.max(first, dn(CAMPAIGN_FROM));
  for (let guard = 0; room() > 0 && guard < quota * 4; guard++) {
    const two = room() >= 2;
    const event = weighted(rand, table);
    const on = someDay(sc, first, last);
    const daily = dailyChecklist(f, producer);
    switch (event) {
      case 'inspection':
        drafts.push(...inspection(sc, f, on, daily, { special: false, follow: two, findingRate: 0.14 }));
        break;
      case 'special': {
        if (campaignFrom > last) break;
        if (producer && !makesDetergent(f)) {
          drafts.push(...inspection(sc, f, on, daily, { special: false, follow: two, findingRate: 0.14 }));
          break;
        }
        const day = someDay(sc, campaignFrom, last);
        // Early in the campaign shelves still held phosphate powder; later checks find less.
        const rate = day < '2023-01-01' ? 0.3 : 0.12;
        drafts.push(...inspection(sc, f, day, producer ? 'detergentProducer' : 'detergentSeller', { special: true, follow: two, findingRate: rate }));
        break;
      }
      case 'sampling': {
        if (first + 20 > last) break;
        const received = between(rand, first + 20, last);
        const sampled = Math.max(first, received - between(rand, 15, 35));
        drafts.push(...sampling(sc, f, ds(workdayNear(sc.cal, sampled, received)), ds(received), { unqualified: two && rand() < 0.12 }));
        break;
      }
      case 'complaint':
        drafts.push(...complaint(sc, f, ds(between(rand, first, last)), producer));
        break;
      case 'assistance':
        drafts.push(...assistance(sc, f, on, producer));
        break;
      case 'interview':
        drafts.push(...interview(sc, f, on, producer));
        break;
      case 'risk':
        drafts.push(...riskReminder(sc, f, on, producer));
        break;
      case 'note':
        drafts.push(...note(sc, on));
        break;
      case 'penalty':
        drafts.push(...penalty(sc, f, on, producer));
        break;
      case 'supervision':
        drafts.push(...supervision(sc, on));
        break;
    }
  }
  // Anything the guard left unfilled (a firm too young for its events) becomes a plain note.
  while (room() > 0) drafts.push(...note(sc, someDay(sc, first, last)));
  // The records a clerk enters in order; the same day keeps the order they were planned in.
  drafts.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return { drafts, planted };
}

/** Highest 案号 number already used per year, so a second run continues the sequence. */
function usedCaseNumbers(sqlite: Sqlite): Map<string, number> {
  const used = new Map<string, number>();
  for (const no of sqlite.prepare("SELECT json_extract(data, '$.caseNo') FROM dossier_records WHERE kind = 'penalty'").pluck().iterate() as IterableIterator<string | null>) {
    const m = /〔(\d{4})〕(\d+)号/.exec(no ?? '');
    if (m) used.set(m[1]!, Math.max(used.get(m[1]!) ?? 0, Number(m[2])));
  }
  return used;
}

/**
 * Writes about `perEnterprise` records for every enterprise after `afterId`, inside the job's
 * transaction, with their deadlines, and one audit row for the batch. Same seed, same day, same records.
 */
export async function generateDemoRecords(ctx: JobContext, input: DemoRecordsInput): Promise<{ records: number; deadlines: number }> {
  const { sqlite } = ctx;
  const firms = loadFirms(sqlite, input.afterId);
  if (input.perEnterprise <= 0 || firms.length === 0) return { records: 0, deadlines: 0 };
  const rand = prng((input.seed ^ 0x5eed) + input.afterId);
  const today = input.today ?? todayInChina();
  const yesterday = dn(today) - 1;
  const rules = getDeadlineRules(sqlite);
  const cal = holidayCalendar();
  const towns = new Map(townshipsOf(input.countyCode).map((t, i) => [t.code, i]));
  const roster = staffRoster(towns.size);
  const quotas = plannedCounts(firms, input.perEnterprise, rand, { from: dn(HISTORY_FROM), today: dn(today), isProducer, isSeller });

  const insert = sqlite.prepare(
    `INSERT INTO dossier_records (enterprise_id, kind, occurred_on, summary, data, source_id, township_code, enterprise_archived,
       created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  );
  const deadlineConnection = keepingStatements(sqlite);
  let records = 0;
  let deadlines = 0;
  // Entered during office hours (09:00–16:59 in China) of the day it happened.
  const stamp = (date: string) => `${date}T0${1 + (records % 8)}:${String((records * 7) % 60).padStart(2, '0')}:00.000Z`;
  const put = (f: DemoFirm, d: Draft, sourceId: number | null): void => {
    const created = stamp(d.on);
    const id = Number(
      insert.run(f.id, d.kind, d.on, summaryOf(d.kind, d.data as never), JSON.stringify(d.data), sourceId, f.townshipCode, ctx.actor, created,
        d.savedOn && d.savedOn !== d.on ? stamp(d.savedOn) : created).lastInsertRowid,
    );
    records++;
    // Only kinds with deadlines reach writeDeadlines: a new record has none to replace.
    const derived = deriveDeadlines(d.kind, d.on, d.data, rules, cal);
    if (derived.length) {
      writeDeadlines(deadlineConnection, { id, enterpriseId: f.id, townshipCode: f.townshipCode, voided: false }, derived);
      deadlines += derived.length;
    }
    if (d.follow) put(f, d.follow, id);
  };

  const penalties: { f: DemoFirm; d: Draft }[] = [];
  const pending = new Set<Planted>();
  for (let i = 0; i < firms.length; i++) {
    if (i % PLANT_EVERY === 0) PLANTED.forEach((p) => pending.add(p));
    const f = firms[i]!;
    const closed = f.status === '注销' || f.status === '吊销';
    const sc: Scene = {
      rand,
      today,
      cal,
      rules,
      staff: roster.township[(f.townshipCode ? towns.get(f.townshipCode) : undefined) ?? 0] ?? roster.county,
      county: roster.county,
      brand: brandOf(f.name, rand),
      // A deregistered firm's story ends somewhere in the window, with nothing left open.
      lastDay: closed ? between(rand, dn(HISTORY_FROM) + 200, yesterday - 60) : yesterday,
      closeAll: closed,
    };
    const plant = f.status === '存续' ? [...pending].find((p) => !p.endsWith('Chain') || isProducer(f)) ?? null : null;
    const { drafts, planted } = planFirm(sc, f, quotas[i]!, plant);
    if (planted && plant) pending.delete(plant);
    for (const d of drafts) {
      if (d.kind === 'penalty') penalties.push({ f, d });
      else put(f, d, null);
    }
    if ((i + 1) % CHUNK === 0) {
      ctx.progress(input.progressFrom + ((1 - input.progressFrom) * (i + 1)) / firms.length, `已生成 ${records} 条档案记录`);
      await ctx.checkpoint();
    }
  }
  // 案号 run per year in the order cases were opened (华市监处罚〔2024〕12号).
  const used = usedCaseNumbers(sqlite);
  penalties.sort((a, b) => (a.d.on < b.d.on ? -1 : a.d.on > b.d.on ? 1 : a.f.id - b.f.id));
  for (const { f, d } of penalties) {
    const year = d.on.slice(0, 4);
    const n = (used.get(year) ?? 0) + 1;
    used.set(year, n);
    d.data.caseNo = `${input.docAbbrev}处罚〔${year}〕${n}号`;
    put(f, d, null);
  }
  ctx.audit({
    entity: 'dossier_record',
    before: null,
    after: { inserted: records, deadlines, enterprises: firms.length, firstEnterpriseId: firms[0]!.id },
    reason: '生成演示数据',
  });
  ctx.progress(1, `已生成 ${records} 条档案记录`);
  return { records, deadlines };
}
