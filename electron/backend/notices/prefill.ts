// A notice's starting fields, taken from the dossier record it is issued for (an order to correct
// from a rectification, guidance from an unqualified sampling…) and from the registry and office;
// what no record says is left empty for the clerk, or given the usual wording.
import { noticeTypeInfo, type NoticeType } from '../../../shared/notice';
import type { Sqlite } from '../db/open';
import { chineseDate } from '../pdf/html';
import { type NoticeOffice, type NoticeSource, type SourceRecord } from './model';

type Fields = Record<string, unknown>;

const str = (d: Fields, k: string): string => (typeof d[k] === 'string' ? (d[k] as string) : '');
const list = (d: Fields, k: string): unknown[] => (Array.isArray(d[k]) ? (d[k] as unknown[]) : []);

// The templates print 逾期不改正的，{{fields.consequence}}。 and 依据{{fields.legalBasis}}的规定.
const CONSEQUENCE = '本局将依照有关法律、法规、规章的规定依法处理';
const ORDER_BASIS = '《中华人民共和国行政处罚法》第二十八条第一款';
const GUIDANCE =
  '一、立即停止生产、销售同一批次不合格产品，对库存产品进行清理；\n二、查明不合格原因，从原材料进货查验、生产过程控制、出厂检验等环节逐项整改；\n三、整改完成后书面报告整改情况，接受复查。';
const ADVICE =
  '一、健全质量管理制度，落实质量安全主体责任；\n二、加强原材料进货查验和出厂检验，保存检验记录；\n三、对照产品标准开展自查，持续提升产品质量。';
const RISK_REQUIREMENTS = '请对照上述风险事项开展自查，发现问题立即整改，并于收到本函之日起十个工作日内将自查整改情况书面报告本局。';

/** 行政复议 and 行政诉讼 go to the county's government and court. */
const appealRoutes = (office: NoticeOffice | null) =>
  office ? { reviewOrgan: `${office.countyShort}人民政府`, court: `${office.countyShort}人民法院` } : {};

// One paragraph: the field's schema keeps a single line (1. 事项：结果；2. …).
function checklistText(d: Fields): string {
  const items = list(d, 'checklist') as { item?: string; answer?: string; note?: string | null }[];
  const lines = items.map((c, i) => `${i + 1}. ${c.item ?? ''}：${c.answer ?? ''}${c.note ? `（${c.note}）` : ''}`);
  const findings = str(d, 'findings');
  const text = [...lines, ...(findings ? [`发现的问题：${findings}`] : [])].join('；');
  return text ? `${text}。` : '';
}

function unqualifiedText(d: Fields): string {
  const items = list(d, 'unqualifiedItems') as { item?: string; measured?: string | null; required?: string | null }[];
  return items
    .map((u) => `${u.item ?? ''}${u.measured ? `（实测值：${u.measured}` : ''}${u.measured && u.required ? `；标准要求：${u.required}）` : u.measured ? '）' : ''}`)
    .join('；');
}

const productOf = (d: Fields) => `${str(d, 'product')}${str(d, 'batch') ? `（${str(d, 'batch')}）` : ''}`;

/** What the record found, in one sentence, for the types that start from a finding. */
function findingOf(r: SourceRecord | null): string {
  if (!r) return '';
  const d = r.data;
  switch (r.kind) {
    case 'rectification':
      return str(d, 'problem');
    case 'inspection':
    case 'specialInspection':
      return str(d, 'findings') ? `${chineseDate(r.occurredOn)}检查发现：${str(d, 'findings')}` : '';
    case 'sampling':
      return d.result === '不合格' ? `${chineseDate(r.occurredOn)}监督抽查的${productOf(d)}经检验不合格，不合格项目：${unqualifiedText(d)}` : '';
    case 'complaint':
      return str(d, 'content');
    case 'penalty':
      return str(d, 'facts');
    default:
      return '';
  }
}

function inspectorsOf(sqlite: Sqlite, names: string[]): { inspectors: string[]; certNos: string[] } {
  const cert = sqlite.prepare('SELECT cert_no FROM inspectors WHERE name = ? ORDER BY active DESC, id LIMIT 1').pluck();
  const certNos = names.map((n) => (cert.get(n) as string | undefined) ?? '');
  return { inspectors: names, certNos: certNos.every(Boolean) ? certNos : [] };
}

/** The latest issued notice of the enterprise (for a 送达回证), or the one the record holds. */
function documentToServe(sqlite: Sqlite, source: NoticeSource): string {
  const r = source.record;
  if (r?.kind === 'notice') return `${str(r.data, 'title')}（${str(r.data, 'number')}）`;
  const last = sqlite
    .prepare("SELECT type, number FROM notices WHERE enterprise_id = ? AND type != 'serviceReceipt' AND voided_at IS NULL ORDER BY id DESC LIMIT 1")
    .get(source.enterprise.id) as { type: NoticeType; number: string } | undefined;
  return last ? `${noticeTypeInfo[last.type].title}（${last.number}）` : '';
}

/** The fields a form starts with for `type`, from the source record where there is one. */
export function prefillFields(sqlite: Sqlite, type: NoticeType, source: NoticeSource, office: NoticeOffice | null): Fields {
  const r = source.record;
  const d = r?.data ?? {};
  const e = source.enterprise;
  switch (type) {
    case 'correctionOrder':
      return {
        finding: findingOf(r),
        violated: r?.kind === 'rectification' ? str(d, 'legalBasis') : '',
        legalBasis: ORDER_BASIS,
        immediately: false,
        deadlineOn: r?.kind === 'rectification' ? (d.deadlineOn ?? null) : null,
        requirement: r?.kind === 'rectification' ? str(d, 'requirement') : '',
        consequence: CONSEQUENCE,
        ...appealRoutes(office),
      };
    case 'siteRecord': {
      const isCheck = r?.kind === 'inspection' || r?.kind === 'specialInspection';
      const when = r ? chineseDate(r.occurredOn) : '';
      return {
        place: (isCheck && str(d, 'place')) || e.address || '',
        startedAt: when ? `${when}　　时　　分` : '',
        endedAt: when ? `${when}　　时　　分` : '',
        ...inspectorsOf(sqlite, isCheck ? (list(d, 'inspectors') as string[]) : []),
        present: e.legal_rep ?? '',
        content: isCheck ? checklistText(d) : '',
      };
    }
    case 'serviceReceipt':
      return {
        caseName: r?.kind === 'notice' ? `关于${e.name}的${str(d, 'title')}` : '',
        recipient: e.name,
        rows: [{ document: documentToServe(sqlite, source), place: e.address ?? '', method: '直接送达', servedOn: null, server: null }],
        remarks: null,
      };
    case 'interviewNotice':
      return {
        reason: r?.kind === 'interview' ? str(d, 'reason') : findingOf(r),
        time: '',
        place: office?.name ?? '',
        attendees: (r?.kind === 'interview' && str(d, 'attendees')) || (e.legal_rep ? `法定代表人（负责人）${e.legal_rep}` : ''),
        materials: '营业执照副本复印件、法定代表人（负责人）身份证明、相关整改材料',
        contact: null,
      };
    case 'riskReminder':
      return {
        risk: r?.kind === 'riskReminder' ? str(d, 'risk') : r?.kind === 'inspection' || r?.kind === 'specialInspection' ? str(d, 'findings') : findingOf(r),
        content: r?.kind === 'riskReminder' ? str(d, 'content') : '',
        requirements: RISK_REQUIREMENTS,
      };
    case 'rectificationGuidance':
      return {
        product: r?.kind === 'sampling' ? productOf(d) : '',
        unqualifiedItems: r?.kind === 'sampling' ? unqualifiedText(d) : '',
        analysis: null,
        guidance: GUIDANCE,
        deadlineOn: rectificationDeadline(sqlite, r),
      };
    case 'improvementAdvice':
      return {
        product: r?.kind === 'sampling' ? productOf(d) : '',
        findings:
          r?.kind === 'sampling'
            ? `${chineseDate(r.occurredOn)}监督抽查的${productOf(d)}${str(d, 'lab') ? `经${str(d, 'lab')}检验` : ''}，检验结论为${str(d, 'result')}${str(d, 'standard') ? `（检验依据：${str(d, 'standard')}）` : ''}。`
            : null,
        advice: ADVICE,
      };
    case 'penaltyDecision':
      return {
        facts: findingOf(r),
        evidence: null,
        violated: '',
        legalBasis: r?.kind === 'penalty' ? str(d, 'legalBasis') : '',
        decision: r?.kind === 'penalty' ? str(d, 'decision') : '',
        fineFen: r?.kind === 'penalty' ? Number(d.fineFen ?? 0) : 0,
        confiscationFen: r?.kind === 'penalty' ? Number(d.confiscationFen ?? 0) : 0,
        payment: null,
        ...appealRoutes(office),
      };
  }
}

/** An unqualified sampling's order to correct gives the guidance its deadline. */
function rectificationDeadline(sqlite: Sqlite, r: SourceRecord | null): string | null {
  if (r?.kind === 'rectification') return (r.data.deadlineOn as string | null) ?? null;
  if (r?.kind !== 'sampling') return null;
  const order = sqlite
    .prepare("SELECT data FROM dossier_records WHERE source_id = ? AND kind = 'rectification' AND voided_at IS NULL ORDER BY id LIMIT 1")
    .pluck()
    .get(r.id) as string | undefined;
  return order ? ((JSON.parse(order) as { deadlineOn?: string | null }).deadlineOn ?? null) : null;
}

// The records a type is usually issued from, in order of preference.
const SOURCE_KINDS: Record<NoticeType, string> = {
  correctionOrder: "kind = 'rectification' OR (kind IN ('inspection', 'specialInspection') AND json_extract(data, '$.findings') IS NOT NULL)",
  siteRecord: "kind IN ('inspection', 'specialInspection')",
  serviceReceipt: "kind = 'notice'",
  interviewNotice: "kind = 'interview'",
  riskReminder: "kind = 'riskReminder'",
  rectificationGuidance: "kind = 'sampling' AND json_extract(data, '$.result') = '不合格'",
  improvementAdvice: "kind = 'sampling' AND json_extract(data, '$.result') = '合格'",
  penaltyDecision: "kind = 'penalty'",
};

/** The enterprise's latest record a notice of `type` is usually issued from, or null (the CLI fills from it). */
export function latestSourceRecord(sqlite: Sqlite, type: NoticeType, enterpriseId: number): number | null {
  const id = sqlite
    .prepare(`SELECT id FROM dossier_records WHERE enterprise_id = ? AND voided_at IS NULL AND (${SOURCE_KINDS[type]}) ORDER BY occurred_on DESC, id DESC LIMIT 1`)
    .pluck()
    .get(enterpriseId) as number | undefined;
  return id ?? null;
}
