// What the demo county's files say: the staff who inspect, the checklists they fill in, what they
// find, the products they sample and what the enterprises and the public write. Plain data, so
// the record builders stay readable. Every string is already in the form the record schemas keep
// (trimmed, single spaces), because the demo writes fields without parsing them.
import { personName, prng } from './names';

/** 洞庭清波: the county's phosphate-detergent campaign (《湖南省洞庭湖保护条例》, in force 2021-09-01). */
export const DETERGENT_CAMPAIGN = '洞庭清波含磷洗涤用品专项整治';
export const CAMPAIGN_FROM = '2021-09-01';

/** Labs the city and province send samples to. */
export const LABS = ['岳阳市产商品质量监督检验所', '湖南省产商品质量检验研究院', '湖南省产品质量检验检测研究院'] as const;

/** The city bureau: it assigns sampling tasks and supervises (挂牌督办). */
export const CITY_BUREAU = '岳阳市市场监督管理局';

/**
 * A 所 has three to five staff; two go together on every inspection. The roster is the same on
 * every run (its own fixed seed), so a re-generated demo keeps its people.
 */
export function staffRoster(townships: number): { township: string[][]; county: string[] } {
  const rand = prng(0x51a9);
  const used = new Set<string>();
  const next = () => {
    let n = personName(rand);
    // A name like 杰杰 reads as a nickname on an official record.
    while (used.has(n) || new Set(n).size < n.length) n = personName(rand);
    used.add(n);
    return n;
  };
  const township = Array.from({ length: Math.max(1, townships) }, (_, i) => Array.from({ length: 3 + (i % 3) }, next));
  return { township, county: Array.from({ length: 6 }, next) };
}

export interface ChecklistItem {
  item: string;
  /** The answer when nothing is wrong. */
  ok: string;
}

const item = (name: string, ok = '符合'): ChecklistItem => ({ item: name, ok });

export const CHECKLISTS = {
  general: [
    item('营业执照悬挂公示'), item('经营场所与登记住所一致'), item('年度报告按时公示', '已公示'), item('商品明码标价'),
    item('进货查验和索证索票'),
  ],
  food: [
    item('食品经营许可（备案）在有效期内'), item('从业人员健康证明'), item('食品贮存条件'), item('过期变质食品', '未发现'),
    item('进货查验记录'),
  ],
  ebike: [item('电动自行车 CCC 认证标志'), item('产品合格证与车辆一致'), item('非法改装、加装提速', '未发现'), item('蓄电池来源与台账')],
  kids: [item('儿童用品 CCC 认证标志'), item('中文标签和警示说明'), item('进货查验和索证索票')],
  producer: [
    item('生产许可证在有效期内'), item('原辅材料进货查验'), item('出厂检验记录'), item('产品执行标准与标注'), item('检验设备检定校准'),
  ],
  detergentSeller: [
    item('主体资格（营业执照）'), item('进货来源、索证索票、进销台账'), item('在售洗涤用品是否含磷（标签、快检）', '未发现含磷产品'),
    item('散装「三无」洗涤用品', '未发现'), item('假冒品牌、虚假「无磷」标注', '未发现'), item('无磷专区设置', '已设置'),
  ],
  detergentProducer: [
    item('生产许可证在有效期内'), item('原料中使用三聚磷酸钠等含磷助剂', '未使用'), item('总五氧化二磷出厂检验', '有检验记录'),
    item('产品含磷标识（HL/WL）', '标注为无磷（WL）'), item('出厂检验记录'),
  ],
} as const satisfies Record<string, readonly ChecklistItem[]>;
export type ChecklistName = keyof typeof CHECKLISTS;

export interface Finding {
  /** The checklist item it concerns (answered 不符合 or as `answer`). */
  item: string;
  answer: string;
  /** 发现的问题; `{n}` is replaced with a count. */
  text: string;
  result: '发现问题已责令改正' | '发现问题待后续处理' | '未按规定公示应当公示的信息';
  /** The order to correct that follows, if any. */
  order?: { legalBasis: string; requirement: string; days: readonly number[] };
}

const PRICE_BASIS = '《明码标价和禁止价格欺诈规定》';
const FOOD_BASIS = '《中华人民共和国食品安全法》';
const QUALITY_BASIS = '《中华人民共和国产品质量法》';
const LAKE_BASIS = '《湖南省洞庭湖保护条例》';

/** Problems an inspection of this checklist may find. */
export const FINDINGS: Record<ChecklistName, readonly Finding[]> = {
  general: [
    {
      item: '商品明码标价', answer: '不符合', text: '部分商品未明码标价（{n} 种）', result: '发现问题已责令改正',
      order: { legalBasis: PRICE_BASIS, requirement: '对所售商品全部实行明码标价，标价签标明品名、产地、规格、计价单位、价格。', days: [3, 7] },
    },
    {
      item: '进货查验和索证索票', answer: '不符合', text: '进货台账不全，{n} 批次商品无法提供供货方资质和票据', result: '发现问题已责令改正',
      order: { legalBasis: QUALITY_BASIS, requirement: '建立健全进货查验记录，补齐供货方资质和进货票据。', days: [7, 15] },
    },
    { item: '年度报告按时公示', answer: '未公示', text: '未按规定报送并公示上一年度年度报告', result: '未按规定公示应当公示的信息' },
    {
      item: '营业执照悬挂公示', answer: '不符合', text: '营业执照未在经营场所醒目位置悬挂', result: '发现问题已责令改正',
      order: { legalBasis: '《中华人民共和国市场主体登记管理条例》', requirement: '将营业执照正本置于住所或者主要经营场所的醒目位置。', days: [3] },
    },
  ],
  food: [
    {
      item: '过期变质食品', answer: '发现', text: '货架上发现超过保质期的食品 {n} 袋，已当场下架', result: '发现问题已责令改正',
      order: { legalBasis: FOOD_BASIS, requirement: '立即下架并销毁超过保质期的食品，建立临近保质期食品检查制度。', days: [3, 7] },
    },
    {
      item: '从业人员健康证明', answer: '不符合', text: '{n} 名从业人员未取得有效健康证明', result: '发现问题已责令改正',
      order: { legalBasis: FOOD_BASIS, requirement: '相关从业人员取得健康证明后方可上岗。', days: [15, 30] },
    },
    { item: '过期变质食品', answer: '发现', text: '发现超过保质期的食品 {n} 箱，货值较大，已先行登记保存', result: '发现问题待后续处理' },
  ],
  ebike: [
    {
      item: '非法改装、加装提速', answer: '发现', text: '店内 {n} 辆电动自行车存在加装提速装置的情况', result: '发现问题已责令改正',
      order: { legalBasis: QUALITY_BASIS, requirement: '立即恢复车辆原状，不得为消费者非法改装电动自行车。', days: [7] },
    },
    { item: '电动自行车 CCC 认证标志', answer: '不符合', text: '{n} 辆在售电动自行车无 CCC 认证标志', result: '发现问题待后续处理' },
  ],
  kids: [
    {
      item: '中文标签和警示说明', answer: '不符合', text: '{n} 种儿童玩具无中文警示说明', result: '发现问题已责令改正',
      order: { legalBasis: QUALITY_BASIS, requirement: '下架无中文警示说明的儿童用品，补齐标签后方可销售。', days: [7] },
    },
  ],
  producer: [
    {
      item: '出厂检验记录', answer: '不符合', text: '近 {n} 个批次产品出厂检验记录不完整', result: '发现问题已责令改正',
      order: { legalBasis: QUALITY_BASIS, requirement: '严格执行出厂检验制度，补齐检验记录并留存备查。', days: [15, 30] },
    },
    {
      item: '检验设备检定校准', answer: '不符合', text: '{n} 台检验设备超过检定有效期', result: '发现问题已责令改正',
      order: { legalBasis: '《中华人民共和国计量法》', requirement: '将超期检验设备送检，检定合格前不得用于出厂检验。', days: [30] },
    },
  ],
  detergentSeller: [
    {
      item: '在售洗涤用品是否含磷（标签、快检）', answer: '发现含磷产品', text: '含磷洗衣粉 下架 {n} 袋', result: '发现问题已责令改正',
      order: { legalBasis: LAKE_BASIS, requirement: '立即停止销售含磷洗涤用品，已下架产品封存退货，建立进货查验台账。', days: [3, 7] },
    },
    {
      item: '散装「三无」洗涤用品', answer: '发现', text: '销售无厂名厂址的散装洗洁精 {n} 瓶，已当场下架', result: '发现问题已责令改正',
      order: { legalBasis: QUALITY_BASIS, requirement: '停止销售「三无」洗涤用品，向正规渠道进货并索证索票。', days: [3, 7] },
    },
    {
      item: '无磷专区设置', answer: '未设置', text: '未设置无磷洗涤用品专区', result: '发现问题已责令改正',
      order: { legalBasis: LAKE_BASIS, requirement: '设置无磷洗涤用品专区并张贴禁磷宣传资料。', days: [7] },
    },
    { item: '在售洗涤用品是否含磷（标签、快检）', answer: '发现含磷产品', text: '含磷洗衣粉 下架 {n} 袋，货值较大，已先行登记保存', result: '发现问题待后续处理' },
  ],
  detergentProducer: [
    {
      item: '原料中使用三聚磷酸钠等含磷助剂', answer: '发现使用', text: '原料库存三聚磷酸钠 {n} 袋，企业称用于外销产品', result: '发现问题已责令改正',
      order: { legalBasis: LAKE_BASIS, requirement: '停止使用含磷助剂生产洗涤用品，调整配方并报送整改报告。', days: [15, 30] },
    },
    {
      item: '产品含磷标识（HL/WL）', answer: '不符合', text: '{n} 个批次产品未按标准标注含磷标识', result: '发现问题已责令改正',
      order: { legalBasis: QUALITY_BASIS, requirement: '按 GB/T 13171.1 规定标注含磷标识，已出厂产品召回更正。', days: [15] },
    },
  ],
};

export interface SampledProduct {
  product: string;
  models: readonly string[];
  /** The standard in force on a date: [from, standard], oldest first. */
  standards: readonly (readonly [string, string])[];
  unqualified: readonly { item: string; measured: readonly string[]; required: string }[];
}

const laundryPowder: SampledProduct = {
  product: '洗衣粉',
  models: ['1.5kg/袋', '2kg/袋', '5kg/袋'],
  standards: [['2000-01-01', 'GB/T 13171.1-2009'], ['2023-08-01', 'GB/T 13171.1-2022']],
  unqualified: [
    { item: '总五氧化二磷', measured: ['2.3%', '1.8%', '3.6%', '1.4%'], required: '≤1.1%' },
    { item: '总活性物含量', measured: ['8.5%', '9.1%', '7.2%'], required: '≥10%' },
    { item: 'pH 值（0.1% 溶液，25℃）', measured: ['11.6', '11.2'], required: '≤10.5' },
  ],
};

/** What gets sampled, by the producer's line (a licence's scope, or detergents). */
export const SAMPLED: Record<string, readonly SampledProduct[]> = {
  洗涤剂: [
    laundryPowder,
    {
      product: '洗衣液', models: ['1kg/瓶', '2kg/瓶', '3kg/瓶'], standards: [['2000-01-01', 'GB/T 13174-2021']],
      unqualified: [
        { item: '总五氧化二磷', measured: ['1.6%', '2.1%'], required: '≤1.1%' },
        { item: '总活性物含量', measured: ['11.2%', '12.5%'], required: '≥15%' },
      ],
    },
    {
      product: '餐具洗涤剂', models: ['500g/瓶', '1.1kg/瓶'], standards: [['2000-01-01', 'GB/T 9985-2000']],
      unqualified: [{ item: '总活性物含量', measured: ['12.1%', '13.4%'], required: '≥15%' }],
    },
  ],
  化肥: [
    {
      product: '复合肥料', models: ['40kg/袋 15-15-15', '50kg/袋 17-17-17'], standards: [['2000-01-01', 'GB/T 15063-2020']],
      unqualified: [
        { item: '总养分', measured: ['40.2%', '41.8%'], required: '≥45.0%（标明值 45%）' },
        { item: '氯离子', measured: ['4.1%', '5.3%'], required: '≤3.0%（标明含氯（中氯））' },
      ],
    },
  ],
  建筑用钢筋: [
    {
      product: '钢筋混凝土用热轧带肋钢筋', models: ['HRB400E Φ16', 'HRB400E Φ20', 'HRB400 Φ12'], standards: [['2000-01-01', 'GB/T 1499.2-2018']],
      unqualified: [
        { item: '下屈服强度', measured: ['385 MPa', '392 MPa'], required: '≥400 MPa' },
        { item: '重量偏差', measured: ['-6.2%', '-5.8%'], required: '±5.0%' },
      ],
    },
  ],
  水泥: [
    {
      product: '通用硅酸盐水泥', models: ['P·O 42.5', 'P·C 32.5R'], standards: [['2000-01-01', 'GB 175-2007'], ['2024-06-01', 'GB 175-2023']],
      unqualified: [{ item: '3d 抗压强度', measured: ['15.2 MPa', '14.6 MPa'], required: '≥17.0 MPa' }],
    },
  ],
  电线电缆: [
    {
      product: '聚氯乙烯绝缘电线', models: ['BV 450/750V 2.5mm²', 'BV 450/750V 4mm²'], standards: [['2000-01-01', 'GB/T 5023.3-2008']],
      unqualified: [
        { item: '导体电阻', measured: ['8.62 Ω/km', '5.21 Ω/km'], required: '≤7.41 Ω/km（2.5mm²）' },
        { item: '绝缘厚度最薄处', measured: ['0.61 mm'], required: '≥0.62 mm' },
      ],
    },
  ],
  食品相关产品: [
    {
      product: '一次性塑料餐饮具', models: ['750ml 餐盒', '500ml 汤碗'], standards: [['2000-01-01', 'GB 4806.7-2016']],
      unqualified: [{ item: '高锰酸钾消耗量', measured: ['16 mg/kg', '22 mg/kg'], required: '≤10 mg/kg' }],
    },
  ],
  电动自行车: [
    {
      product: '电动自行车', models: ['TDT2023Z', 'TDT1108Z'], standards: [['2000-01-01', 'GB 17761-2018']],
      unqualified: [
        { item: '最高设计车速', measured: ['32 km/h', '29 km/h'], required: '≤25 km/h' },
        { item: '整车质量', measured: ['63 kg', '58 kg'], required: '≤55 kg' },
      ],
    },
  ],
};

/** Brands on the shelves of small shops (fictional). */
export const SHOP_BRANDS = ['碧浪花', '清漪', '洁宝', '湘洁', '亮净', '雪莲花', '好家园', '净爽'] as const;

export interface ComplaintText {
  content: string;
  /** 处理情况 when the complaint proved true. */
  upheld: string;
  /** 处理情况 when it did not. */
  notUpheld: string;
}

/** What the public writes in, by kind of business. */
export const COMPLAINTS: Record<'general' | 'food' | 'ebike' | 'detergent' | 'producer', readonly ComplaintText[]> = {
  general: [
    {
      content: '反映该店商品未明码标价，结账时实际收费高于货架价格。',
      upheld: '经现场核查，情况属实，已责令当事人改正并退还多收价款。',
      notUpheld: '经现场核查，该店商品已明码标价，未发现多收费用的情况，已向投诉人说明。',
    },
    {
      content: '反映在该店购买的商品存在质量问题，商家拒绝退换。',
      upheld: '经调解，商家同意为消费者办理退货退款，双方达成一致。',
      notUpheld: '经核查，商品不属于质量问题，已向消费者解释相关规定，消费者表示理解。',
    },
    {
      content: '反映该店办理的预付卡无法正常使用，要求退还余额。',
      upheld: '经约谈经营者，已退还消费者预付卡余额。',
      notUpheld: '经核查，该预付卡可正常使用，已告知消费者使用方式。',
    },
  ],
  food: [
    {
      content: '反映在该店购买的食品已超过保质期。',
      upheld: '经现场核查，发现同批次超过保质期食品，已责令下架并立案调查，消费者获得赔偿。',
      notUpheld: '经现场核查，未发现超过保质期食品，消费者无法提供购物凭证，已告知维权途径。',
    },
    {
      content: '反映在该店用餐后腹泻，怀疑餐具不洁。',
      upheld: '经现场检查，餐具消毒记录不全，已责令改正，双方调解达成赔偿协议。',
      notUpheld: '经现场检查，餐具消毒设施运转正常，记录齐全，未发现问题，已答复投诉人。',
    },
  ],
  ebike: [
    {
      content: '反映购买的电动自行车无 CCC 认证标志。',
      upheld: '经核查，该批次车辆确无 CCC 认证，已责令停止销售并立案调查。',
      notUpheld: '经核查，车辆已取得 CCC 认证，标志位于车架下方，已告知投诉人。',
    },
    {
      content: '举报该店为顾客改装电动自行车提速。',
      upheld: '经现场检查，发现改装提速情况，已责令改正。',
      notUpheld: '经现场检查，未发现改装提速情况，已答复举报人。',
    },
  ],
  detergent: [
    {
      content: '反映在该店购买的洗衣粉包装标注「无磷」，怀疑实际含磷。',
      upheld: '经抽样快检，该批次洗衣粉含磷，已责令下架封存并立案调查。',
      notUpheld: '经抽样送检，该批次洗衣粉总五氧化二磷符合无磷要求，已将检验结果告知投诉人。',
    },
    {
      content: '举报该店销售无厂名厂址的散装洗衣粉。',
      upheld: '经现场检查，情况属实，已责令下架并没收「三无」产品。',
      notUpheld: '经现场检查，未发现散装「三无」洗衣粉，已答复举报人。',
    },
  ],
  producer: [
    {
      content: '举报该企业夜间生产含磷洗衣粉并向外地销售。',
      upheld: '经突击检查，发现含磷原料和半成品，已先行登记保存并立案调查。',
      notUpheld: '经突击检查和原料台账核查，未发现生产含磷洗涤用品的情况，已答复举报人。',
    },
    {
      content: '反映该企业产品标注的生产日期与实际不符。',
      upheld: '经核查，部分批次产品存在提前标注生产日期的情况，已责令改正。',
      notUpheld: '经核查生产记录，产品标注的生产日期与生产记录一致，已答复投诉人。',
    },
  ],
};

export const NOTES = [
  '经营者反映联系电话变更，已在名录中更新。',
  '检查时店铺未开门，已电话联系经营者，约定下次检查时间。',
  '经营者已将含磷洗衣粉库存退回供货商，退货单已存档。',
  '经营场所正在装修，暂停营业，待恢复营业后复查。',
  '企业负责人变更，已告知其及时办理变更登记。',
  '已向经营者发放《致广大经营户的一封信》，宣传禁磷规定。',
] as const;

export const ASSISTANCE = {
  quality: { topic: '质量提升指导（产品质量提升指导建议书）', content: '结合监督抽查结果，就原料进货查验、过程控制和出厂检验提出改进建议，送达产品质量提升指导建议书。' },
  unqualified: { topic: '不合格整改指导（不合格整改指导意见书）', content: '分析不合格原因，指导企业调整配方和工艺，完善出厂检验，送达不合格整改指导意见书。' },
  phosphate: { topic: '含磷洗涤用品政策宣传', content: '宣讲《湖南省洞庭湖保护条例》禁磷规定，发放倡议书，指导设置无磷专区、建立进货台账。' },
  labels: { topic: '标签标识规范指导', content: '对照产品标准讲解标签标识要求，指导经营者自查在售商品标签。' },
  report: { topic: '年度报告填报指导', content: '现场指导经营者通过国家企业信用信息公示系统填报年度报告。' },
  licence: { topic: '生产许可证延续指导', content: '讲解生产许可证延续申请的条件、材料和时限，提醒企业提前申请。' },
} as const;

export const RISKS = {
  phosphate: {
    risk: '含磷洗涤用品禁售风险',
    content: '根据《湖南省洞庭湖保护条例》，洞庭湖区禁止生产、销售含磷洗涤用品。请立即自查在售产品，发现含磷产品一律下架，并做好进货查验。',
  },
  licence: { risk: '生产许可证即将到期', content: '贵单位生产许可证将于到期日届满，请在届满前提出延续申请，逾期不得继续生产。' },
  quality: { risk: '产品质量安全风险', content: '近期全省监督抽查发现同类产品不合格问题较多，请加强原料把关和出厂检验，确保产品质量安全。' },
  ebike: { risk: '电动自行车火灾风险', content: '请勿销售非法改装电动自行车和不合格蓄电池，不得为消费者改装提速，发现问题主动报告。' },
  food: { risk: '食品安全风险（夏季）', content: '夏季气温高，请做好食品贮存温控和餐具消毒，及时清理临近保质期食品。' },
} as const;
