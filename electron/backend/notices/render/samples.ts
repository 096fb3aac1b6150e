// A filled-in example of every notice type: to preview a template in the editor before it is saved,
// and for the tests and benchmarks. The names are invented; the wording is what clerks write.
import { noticeFields, noticeTypeInfo, type NoticeModel, type NoticeType } from '../../../../shared/notice';
import { noticeAmounts } from './capital';

const FIELDS: { [T in NoticeType]: Record<string, unknown> } = {
  correctionOrder: {
    finding: '在其经营场所销售的“洁亮”牌洗衣粉（规格500克/袋）经抽样检验总磷（以P₂O₅计）含量为3.2%，属于含磷洗涤用品',
    violated: '《湖南省洞庭湖保护条例》第四十三条',
    legalBasis: '《湖南省洞庭湖保护条例》第七十一条',
    immediately: false,
    deadlineOn: '2026-12-15',
    requirement: '1. 立即停止销售含磷洗涤用品，将库存产品下架封存；\n2. 建立并落实进货查验和索证索票制度；\n3. 整改完成后书面报告本局。',
    consequence: '本局将依法予以处理',
    reviewOrgan: '岳阳市君山区人民政府',
    court: '岳阳市君山区人民法院',
  },
  siteRecord: {
    place: '岳阳市君山区柳林洲街道建设路18号门店',
    startedAt: '2026年11月30日9时30分',
    endedAt: '2026年11月30日10时45分',
    inspectors: ['李明', '王芳'],
    certNos: ['43060012345', '43060012346'],
    present: '张建国（负责人）',
    content: '执法人员到达现场时，当事人正在营业。货架上陈列“洁亮”牌洗衣粉12袋，包装未标注磷含量。\n当事人未能提供该批产品的进货票据。执法人员对现场进行了拍照。',
  },
  serviceReceipt: {
    caseName: '岳阳市君山区洁亮日化商行销售含磷洗涤用品案',
    recipient: '岳阳市君山区洁亮日化商行',
    rows: [
      { document: '责令改正通知书（岳君市监责改〔2026〕12号）', place: '当事人经营场所', method: '直接送达', servedOn: '2026-11-30', server: '李明、王芳' },
      { document: '现场笔录', place: '当事人经营场所', method: '直接送达', servedOn: null, server: '李明' },
    ],
    remarks: null,
  },
  interviewNotice: {
    reason: '你（单位）生产的洗衣粉在洞庭湖区专项监督抽查中两次检出含磷',
    time: '2026年12月5日上午9时',
    place: '君山区市场监督管理局三楼会议室',
    attendees: '法定代表人及质量负责人',
    materials: '营业执照复印件、近一年原料进货台账、出厂检验记录',
    contact: '李明 0730-8321234',
  },
  riskReminder: {
    risk: '洗涤用品含磷，不符合洞庭湖区禁磷要求',
    content: '一、立即开展自查，对在售洗涤用品逐一核对产品标签和检验报告；\n二、发现含磷产品的，立即下架并登记数量；\n三、设立无磷洗涤用品专区，引导消费者选购无磷产品。',
    requirements: '请于2026年12月10日前将自查情况书面报送本局。',
  },
  rectificationGuidance: {
    product: '“洁亮”牌洗衣粉（批号20261012）',
    unqualifiedItems: '总磷（以P₂O₅计）、标签标识',
    analysis: '原料采购未查验供应商检验报告，出厂检验未覆盖总磷项目。',
    guidance: '1. 更换无磷配方并经型式检验合格后方可恢复生产；\n2. 完善原料进货查验和出厂检验制度，将总磷列为逐批检验项目；\n3. 按GB/T 13171.1-2022修改产品标签。',
    deadlineOn: '2027-01-29',
  },
  improvementAdvice: {
    product: '“清源”牌无磷洗衣液（2千克/瓶）',
    findings: '所检12个项目均符合GB/T 13174-2021的要求。',
    advice: '1. 建立关键原料供应商评价制度；\n2. 配备总活性物含量检测设备，提高出厂检验频次；\n3. 积极参与“湘”字号品牌培育。',
  },
  penaltyDecision: {
    facts: '当事人于2026年9月至11月期间，在其经营场所销售“洁亮”牌含磷洗衣粉120袋，货值金额人民币1250.50元，违法所得人民币236元。',
    evidence: '1. 现场笔录；2. 抽样检验报告；3. 进货单据复印件；4. 当事人的询问笔录。',
    violated: '《湖南省洞庭湖保护条例》第四十三条',
    legalBasis: '《湖南省洞庭湖保护条例》第七十一条',
    decision: '1. 责令停止销售含磷洗涤用品；2. 没收违法所得；3. 处以罚款。',
    fineFen: 125_050,
    confiscationFen: 23_600,
    payment: '请持本决定书到岳阳市君山区农村商业银行各网点缴纳，或者通过湖南省非税收入电子缴款系统缴纳。',
    reviewOrgan: '岳阳市君山区人民政府',
    court: '岳阳市君山区人民法院',
  },
};

/** A complete model of `type` with invented but realistic values (`number: null` for a preview). */
export function sampleNoticeModel(type: NoticeType, number: string | null = null): NoticeModel {
  const fields = noticeFields[type].parse(FIELDS[type]) as Record<string, unknown>;
  return {
    type,
    title: noticeTypeInfo[type].title,
    office: { name: '岳阳市君山区市场监督管理局', abbrev: '岳君市监', county: '君山区' },
    party: {
      name: '岳阳市君山区洁亮日化商行',
      licenceName: '营业执照',
      code: '92430611MA4L0B1X2K',
      address: '湖南省岳阳市君山区柳林洲街道建设路18号',
      legalRep: '张建国',
      idNumber: '430611198003150017',
      phone: '13907301234',
    },
    number,
    date: '2026年11月30日',
    fields,
    amounts: noticeAmounts(type, fields),
    campaign: '“洞庭清波”洗涤用品专项整治',
    corrects: null,
  };
}
