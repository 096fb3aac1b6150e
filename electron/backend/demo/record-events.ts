// The events of a demo enterprise's history that open deadlines (inspections with their orders
// to correct, sampling, complaints, 挂牌督办), each as the record(s) a clerk would have saved: the
// fields in the exact shape the record schemas give after parsing (key order included), so the
// demo can write them without parsing each one (records.test.ts proves the shapes). Open items
// are decided against today: a deadline long past is nearly always done, a recent one not always.
import { pick, SURNAMES, weighted } from './names';
import {
  CAMPAIGN_FROM, CHECKLISTS, CITY_BUREAU, COMPLAINTS, DETERGENT_CAMPAIGN, FINDINGS, LABS, SAMPLED,
  type ChecklistName, type Finding, type SampledProduct,
} from './record-texts';
import { between, dn, doneBy, ds, dueAfter, fill, pair, workdayNear, type DemoFirm, type Draft, type Scene } from './scene';

/** The checklist a daily inspection of this firm uses. */
export function dailyChecklist(f: DemoFirm, producer: boolean): ChecklistName {
  if (producer) return 'producer';
  if (f.tags.includes('食品经营')) return 'food';
  if (f.tags.includes('电动自行车')) return 'ebike';
  if (f.tags.includes('儿童用品')) return 'kids';
  return 'general';
}

const CLOSING_NOTES = {
  已整改: '经复查，已按要求整改到位。',
  部分整改: '经复查，部分问题已整改，剩余问题限期继续整改。',
  未整改: '经复查，未按要求整改，转入立案调查程序。',
} as const;

/**
 * A 责令改正 with its 复查: done (mostly) once the deadline has passed, sometimes early, else open.
 * `open` forces it open (a planted overdue or due-this-week item).
 */
function closeOrder(
  sc: Scene,
  order: { problem: string; legalBasis: string; requirement: string; deadlineOn: string; recheckDueOn: string | null },
  on: string,
  inspectors: string[],
  open: boolean,
): Draft {
  const due = dn(order.recheckDueOn ?? order.deadlineOn);
  const earliest = dn(on) + 1;
  const latest = Math.min(due, sc.lastDay);
  let recheck: number | null = null;
  if (!open && latest >= earliest) {
    const done = doneBy(sc, due, { old: 0.98, recent: 0.8, ahead: 0.2 });
    if (done) recheck = workdayNear(sc.cal, between(sc.rand, Math.max(earliest, dn(order.deadlineOn) - 10), latest), latest);
  }
  if (recheck !== null && recheck < earliest) recheck = earliest;
  const outcome = recheck === null ? null : weighted(sc.rand, [['已整改', 90], ['部分整改', 7], ['未整改', 3]] as const);
  const recheckOn = recheck === null ? null : ds(recheck);
  return {
    kind: 'rectification',
    on,
    data: {
      ...order,
      recheckOn,
      recheckInspectors: recheckOn ? inspectors : [],
      outcome,
      recheckNote: outcome ? CLOSING_NOTES[outcome] : null,
    },
    savedOn: recheckOn ?? on,
  };
}

/** 日常检查 or 专项检查 on `on`, with the order to correct its finding brings (when `follow` allows two records). */
export function inspection(
  sc: Scene,
  f: DemoFirm,
  on: string,
  list: ChecklistName,
  opts: { special: boolean; follow: boolean; findingRate: number; order?: { deadlineOn: string; open: true } },
): Draft[] {
  const { rand } = sc;
  const inspectors = pair(rand, sc.staff);
  const r = rand();
  let finding: Finding | null = null;
  let result: string = '未发现问题';
  if (opts.order || r < opts.findingRate) {
    const choices = FINDINGS[list].filter((x) => (opts.follow || !x.order) && (!opts.order || x.order));
    if (choices.length) {
      finding = pick(rand, choices);
      result = finding.result;
    }
  } else if (!opts.special && r > 0.985) {
    // The two outcomes that leave no checklist: nobody there, or no such business any more.
    result = r > 0.995 ? '未发现开展本次抽查涉及的经营活动' : '通过登记的住所（经营场所）无法联系';
  }
  const unreachable = result === '通过登记的住所（经营场所）无法联系' || result === '未发现开展本次抽查涉及的经营活动';
  const checklist = unreachable
    ? []
    : CHECKLISTS[list].map((i) => ({ item: i.item, answer: finding?.item === i.item ? finding.answer : i.ok, note: null }));
  const findings = finding
    ? fill(finding.text, between(rand, 2, 60))
    : result === '通过登记的住所（经营场所）无法联系'
      ? '经营场所无人，通过登记的联系电话无法取得联系'
      : null;
  const data: Record<string, unknown> = { inspectors, place: f.address, checklist, findings, result };
  if (opts.special) data.campaign = DETERGENT_CAMPAIGN;
  const out: Draft[] = [{ kind: opts.special ? 'specialInspection' : 'inspection', on, data }];
  if (finding?.order && findings) {
    const limit = dn(on) + pick(rand, finding.order.days);
    const deadlineOn = opts.order?.deadlineOn ?? ds(workdayNear(sc.cal, limit, limit + 10));
    out.push(
      closeOrder(
        sc,
        { problem: findings, legalBasis: finding.order.legalBasis, requirement: finding.order.requirement, deadlineOn, recheckDueOn: null },
        on,
        inspectors,
        opts.order?.open ?? false,
      ),
    );
  }
  return out;
}

/** The product line a producer is sampled for: its licence's scope, or detergents. */
export function productLine(f: DemoFirm): readonly SampledProduct[] {
  for (const l of f.licences) {
    const line = l.scope ? SAMPLED[l.scope] : undefined;
    if (line) return line;
  }
  return SAMPLED['洗涤剂']!;
}

const standardOn = (p: SampledProduct, on: string) => {
  let s = p.standards[0]![1];
  for (const [from, std] of p.standards) if (on >= from) s = std;
  return s;
};

/**
 * 监督抽查 sampled on `sampledOn`, its result received on `receivedOn`; an unqualified result
 * brings the order to correct the write path opens by itself (60 and 75 days by the rules).
 */
export function sampling(
  sc: Scene,
  f: DemoFirm,
  sampledOn: string,
  receivedOn: string,
  opts: { unqualified: boolean; open?: boolean },
): Draft[] {
  const { rand } = sc;
  const p = pick(rand, productLine(f));
  const year = sampledOn.slice(0, 4);
  const detergent = SAMPLED['洗涤剂']!.includes(p);
  const plan =
    detergent && sampledOn >= CAMPAIGN_FROM && rand() < 0.5
      ? `${year}年${DETERGENT_CAMPAIGN}监督抽查`
      : `${year}年${rand() < 0.6 ? '岳阳市' : '湖南省'}${p.product}产品质量监督抽查`;
  const produced = ds(dn(sampledOn) - between(rand, 5, 120)).replaceAll('-', '');
  // The phosphate limit is what the campaign is about: an unqualified detergent mostly fails on it.
  const first = p.unqualified[0]!.item === '总五氧化二磷' && rand() < 0.7 ? p.unqualified[0]! : pick(rand, p.unqualified);
  const second = p.unqualified.find((u) => u !== first && rand() < 0.25);
  const items = opts.unqualified
    ? [first, ...(second ? [second] : [])].map((u) => ({ item: u.item, measured: pick(rand, u.measured), required: u.required }))
    : [];
  const batch = `${produced}${rand() < 0.5 ? '' : `-${between(rand, 1, 9)}`}`;
  const data: Record<string, unknown> = {
    plan,
    product: p.product,
    brand: sc.brand,
    model: pick(rand, p.models),
    batch,
    sampledOn,
    place: rand() < 0.7 ? '企业成品库' : '生产车间成品区',
    standard: standardOn(p, sampledOn),
    lab: pick(rand, LABS),
    reportNo: `${rand() < 0.5 ? 'YYZJ' : 'HNZJ'}${year}-${String(between(rand, 1, 99999)).padStart(5, '0')}`,
    resultReceivedOn: receivedOn,
    result: opts.unqualified ? '不合格' : '合格',
    unqualifiedItems: items,
  };
  const draft: Draft = { kind: 'sampling', on: sampledOn, data };
  if (opts.unqualified) {
    // The order the write path opens (dossier/records.ts openFollowUp), counted by the same rules.
    const order = {
      problem: `监督抽查不合格：${p.product}${batch ? `（${batch}）` : ''}，不合格项目：${items.map((i) => i.item).join('、')}`,
      legalBasis: '《产品质量监督抽查管理暂行办法》（国家市场监督管理总局令第18号）',
      requirement: '立即停止生产、销售同一产品，查明原因，限期整改；整改完成后报送整改报告，接受复查。',
      deadlineOn: dueAfter(sc, receivedOn, sc.rules.correct),
      recheckDueOn: dueAfter(sc, receivedOn, sc.rules.recheck),
    };
    draft.follow = closeOrder(sc, order, receivedOn, pair(rand, sc.county), opts.open ?? false);
  }
  return [draft];
}

const SOURCES = [['12315 平台', 60], ['来电', 18], ['来信', 3], ['来访', 7], ['上级转办', 8], ['其他部门移送', 4]] as const;

/** 投诉举报 received on `on`: replied within the reply period as a rule, a few left open. */
export function complaint(sc: Scene, f: DemoFirm, on: string, producer: boolean, open = false): Draft[] {
  const { rand } = sc;
  const pool = producer
    ? COMPLAINTS.producer
    : f.tags.includes('洗涤用品经营户') && rand() < 0.6
      ? COMPLAINTS.detergent
      : f.tags.includes('食品经营')
        ? COMPLAINTS.food
        : f.tags.includes('电动自行车')
          ? COMPLAINTS.ebike
          : COMPLAINTS.general;
  const text = pick(rand, pool);
  const due = dn(dueAfter(sc, on, sc.rules.complaintReply));
  const latest = Math.min(due, sc.lastDay);
  let replied: number | null = null;
  if (!open && latest >= dn(on) + 1) {
    const done = doneBy(sc, due, { old: 0.99, recent: 0.85, ahead: 0.5 });
    if (done) replied = workdayNear(sc.cal, between(rand, dn(on) + 1, Math.min(latest, dn(on) + 45)), latest);
  }
  if (replied !== null && replied <= dn(on)) replied = dn(on) + 1;
  const repliedOn = replied === null ? null : ds(replied);
  return [
    {
      kind: 'complaint',
      on,
      data: {
        source: weighted(rand, SOURCES),
        receivedOn: on,
        complainant: rand() < 0.3 ? null : `${pick(rand, SURNAMES)}${rand() < 0.5 ? '先生' : '女士'}`,
        content: text.content,
        handling: repliedOn ? (rand() < 0.45 ? text.upheld : text.notUpheld) : rand() < 0.5 ? '已受理，已安排执法人员现场核查。' : null,
        repliedOn,
      },
      savedOn: repliedOn ?? on,
    },
  ];
}

/** 挂牌督办 by the city bureau, closed once done. */
export function supervision(sc: Scene, on: string): Draft[] {
  const { rand } = sc;
  const limit = dn(on) + between(rand, 30, 90);
  const deadline = workdayNear(sc.cal, limit, limit + 10);
  const latest = Math.min(deadline, sc.lastDay);
  const closed = latest > dn(on) && doneBy(sc, deadline, { old: 0.97, recent: 0.8, ahead: 0.3 });
  const closedOn = closed ? ds(between(rand, Math.max(dn(on) + 1, deadline - 20), latest)) : null;
  return [
    {
      kind: 'supervision',
      on,
      data: {
        matter: pick(rand, ['含磷洗涤用品生产问题整改挂牌督办', '产品质量监督抽查不合格整改挂牌督办']),
        authority: CITY_BUREAU,
        deadlineOn: ds(deadline),
        closedOn,
        result: closedOn ? '督办事项已按期办结，整改情况已报送市局。' : null,
      },
      savedOn: closedOn ?? on,
    },
  ];
}
