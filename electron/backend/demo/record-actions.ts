// The rest of a demo enterprise's history: 约谈, 风险提醒, 帮扶, 备注, 行政处罚, and the registry
// facts the file records (许可 events, 信用 and 监管类别 changes). Shapes as in record-events.ts.
import { pick, weighted } from './names';
import { ASSISTANCE, NOTES, RISKS } from './record-texts';
import { between, dn, ds, pair, yuan, type DemoFirm, type Draft, type Scene } from './scene';

/** 约谈 of the firm's legal representative by county staff. */
export function interview(sc: Scene, f: DemoFirm, on: string, producer: boolean): Draft[] {
  const { rand } = sc;
  const reason = producer
    ? pick(rand, ['监督抽查产品不合格，整改不到位', '产品质量安全主体责任落实不到位', '含磷洗涤用品生产问题整改'])
    : f.tags.includes('洗涤用品经营户')
      ? '多次检查发现销售含磷洗涤用品'
      : pick(rand, ['投诉举报较为集中', '检查发现问题整改不到位']);
  const role = f.entityType === '个体工商户' ? '经营者' : '法定代表人';
  return [
    {
      kind: 'interview',
      on,
      data: {
        reason,
        officials: pair(rand, sc.county),
        attendees: `${f.legalRep ?? '负责人'}（${role}）`,
        content: '通报检查发现的问题，讲解有关法律法规，要求落实主体责任、限期整改并书面报告整改情况。',
        commitments: '立即整改，建立健全进货查验和自查制度，按期报送整改报告。',
      },
    },
  ];
}

/** 风险提醒函 fitting the firm. */
export function riskReminder(sc: Scene, f: DemoFirm, on: string, producer: boolean): Draft[] {
  const r = producer
    ? RISKS.quality
    : f.tags.includes('洗涤用品经营户')
      ? RISKS.phosphate
      : f.tags.includes('电动自行车')
        ? RISKS.ebike
        : f.tags.includes('食品经营')
          ? RISKS.food
          : RISKS.quality;
  return [{ kind: 'riskReminder', on, data: { risk: r.risk, content: r.content } }];
}

/** 生产许可证即将到期 reminder a few weeks before `validTo`. */
export function licenceReminder(on: string, number: string, validTo: string): Draft {
  return {
    kind: 'riskReminder',
    on,
    data: { risk: RISKS.licence.risk, content: `贵单位生产许可证（${number}）将于 ${validTo} 到期，请在届满前提出延续申请，逾期不得继续生产。` },
  };
}

/** 帮扶 visit fitting the firm. */
export function assistance(sc: Scene, f: DemoFirm, on: string, producer: boolean): Draft[] {
  const { rand } = sc;
  const a = producer
    ? pick(rand, [ASSISTANCE.quality, ASSISTANCE.quality, ASSISTANCE.unqualified, ASSISTANCE.licence])
    : f.tags.includes('洗涤用品经营户')
      ? pick(rand, [ASSISTANCE.phosphate, ASSISTANCE.phosphate, ASSISTANCE.labels])
      : pick(rand, [ASSISTANCE.labels, ASSISTANCE.report]);
  return [{ kind: 'assistance', on, data: { topic: a.topic, officials: pair(rand, producer ? sc.county : sc.staff), content: a.content } }];
}

/** 备注. */
export function note(sc: Scene, on: string): Draft[] {
  return [{ kind: 'note', on, data: { text: pick(sc.rand, NOTES) } }];
}

/**
 * 行政处罚 opened on `on`, its status by how long ago that was. The case number (案号) is left
 * empty: numbers run per year in date order, so they are given when the whole batch is known.
 */
export function penalty(sc: Scene, f: DemoFirm, on: string, producer: boolean): Draft[] {
  const { rand } = sc;
  const age = dn(sc.today) - dn(on);
  const status = sc.closeAll
    ? '结案'
    : age > 180
      ? weighted(rand, [['结案', 70], ['执行完毕', 25], ['不予处罚', 5]] as const)
      : age > 90
        ? weighted(rand, [['决定', 30], ['执行完毕', 40], ['结案', 30]] as const)
        : age > 30
          ? weighted(rand, [['告知', 50], ['决定', 50]] as const)
          : weighted(rand, [['立案', 40], ['调查', 60]] as const);
  let facts: string;
  let legalBasis: string;
  let decision: string;
  let fineFen: number;
  let confiscationFen = 0;
  if (producer) {
    const value = between(rand, 20, 300) * 100_00;
    fineFen = Math.round((value * pick(rand, [1, 1.5, 2])) / 100_00) * 100_00;
    facts = `当事人生产的产品经监督抽查不合格，货值金额 ${yuan(value)} 元。`;
    legalBasis = '《中华人民共和国产品质量法》第四十九条';
    decision = `责令停止生产、销售，没收违法生产、销售的产品，并处罚款 ${yuan(fineFen)} 元。`;
  } else if (f.tags.includes('洗涤用品经营户')) {
    const bags = between(rand, 10, 120);
    const value = bags * between(rand, 8, 15) * 100;
    confiscationFen = bags * 200;
    fineFen = Math.max(100_00, Math.round((value * pick(rand, [0.5, 1, 1.5, 2, 3])) / 100) * 100);
    facts = `当事人销售含磷洗衣粉 ${bags} 袋，货值金额 ${yuan(value)} 元，违法所得 ${yuan(confiscationFen)} 元。`;
    legalBasis = '《湖南省洞庭湖保护条例》';
    decision = `责令停止销售，没收含磷洗衣粉 ${bags} 袋及违法所得 ${yuan(confiscationFen)} 元，并处罚款 ${yuan(fineFen)} 元。`;
  } else if (f.tags.includes('食品经营')) {
    fineFen = 50_000_00;
    facts = `当事人经营超过保质期的食品 ${between(rand, 3, 40)} 袋。`;
    legalBasis = '《中华人民共和国食品安全法》';
    decision = '没收超过保质期的食品，并处罚款 50000 元。';
  } else {
    fineFen = between(rand, 5, 50) * 100_00;
    facts = '当事人经责令改正后仍未按规定明码标价。';
    legalBasis = '《明码标价和禁止价格欺诈规定》';
    decision = `责令改正，并处罚款 ${yuan(fineFen)} 元。`;
  }
  if (status === '不予处罚') {
    fineFen = 0;
    confiscationFen = 0;
    decision = '当事人首次违法且危害后果轻微并及时改正，依法不予行政处罚。';
  }
  const decided = ['决定', '执行完毕', '结案', '不予处罚'].includes(status);
  const decidedOn = decided ? ds(Math.min(sc.lastDay, dn(on) + between(rand, 20, 80))) : null;
  return [
    {
      kind: 'penalty',
      on,
      data: {
        caseNo: '',
        facts,
        legalBasis,
        decision: status === '立案' || status === '调查' ? null : decision,
        fineFen: status === '立案' || status === '调查' ? 0 : fineFen,
        confiscationFen: status === '立案' || status === '调查' ? 0 : confiscationFen,
        status,
        decidedOn: decidedOn && decidedOn >= on ? decidedOn : decided ? on : null,
      },
      savedOn: decidedOn ?? on,
    },
  ];
}

/** 许可 event: a licence issued or renewed (延续) on `on`, or changed. */
export function licenceEvent(on: string, event: '发证' | '延续' | '变更', l: DemoFirm['licences'][number]): Draft {
  const licenceKind = l.kind === '生产许可证' || l.kind === 'CCC' ? l.kind : '其他';
  return { kind: 'licence', on, data: { event, licenceKind, number: l.number, validTo: l.validTo } };
}

/** 信用 change from `from` to `to` (the write path keeps the class before the change as `from`). */
export function creditChange(on: string, from: DemoFirm['creditClass'], to: DemoFirm['creditClass']): Draft {
  const worse = (to ?? 'A') > (from ?? 'A');
  const [listing, reason] =
    to === 'D'
      ? (['列入严重违法失信名单', '因严重违法行为被列入严重违法失信名单，信用风险分类调整为 D 类'] as const)
      : to === 'C' && worse
        ? (['列入经营异常名录', '未按规定报送年度报告，列入经营异常名录，信用风险分类调整为 C 类'] as const)
        : !worse && (from === 'C' || from === 'D')
          ? ([from === 'D' ? '移出严重违法失信名单' : '移出经营异常名录', '已补报年度报告并完成信用修复，信用风险分类相应调整'] as const)
          : ([null, `年度信用风险分类结果：${to ?? '未分类'} 类`] as const);
  return { kind: 'credit', on, data: { to, listing, reason, from } };
}

/** 监管类别 change to the firm's current class. */
export function supervisionClassChange(on: string, from: DemoFirm['supervisionClass'], to: DemoFirm['supervisionClass']): Draft {
  const reason = to === '严管' ? '产品涉及人身健康安全，近年监督抽查有不合格记录，列为严管' : '产品纳入生产许可证管理，调整为专管';
  return { kind: 'supervisionClass', on, data: { to, reason, from } };
}
