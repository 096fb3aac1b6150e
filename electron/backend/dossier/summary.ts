// The one line a record shows on the timeline (监督抽查：洗衣粉（立白）不合格 …).
import { recordKindLabels, type RecordData, type RecordKind } from '../../../shared/dossier';

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
const clip = (s: string | null | undefined, n = 40) => {
  if (!s) return '';
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n)}…` : one;
};

/** The timeline line of a record of `kind` with these (parsed) fields. */
export function summaryOf(kind: RecordKind, data: RecordData & Record<string, unknown>): string {
  const label = recordKindLabels[kind];
  const d = data as Record<string, unknown>;
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  switch (kind) {
    case 'inspection':
      return `${label}：${s('result')}${s('findings') ? `（${clip(s('findings'), 30)}）` : ''}`;
    case 'specialInspection':
      return `${s('campaign') || label}：${s('result')}${s('findings') ? `（${clip(s('findings'), 30)}）` : ''}`;
    case 'sampling': {
      const brand = s('brand') ? `（${s('brand')}）` : '';
      const items = Array.isArray(d.unqualifiedItems) ? (d.unqualifiedItems as { item: string }[]).map((i) => i.item) : [];
      return `${label}：${s('product')}${brand} ${s('result')}${items.length ? `，不合格项目：${clip(items.join('、'), 30)}` : ''}`;
    }
    case 'rectification': {
      const done = s('recheckOn') ? `，${s('recheckOn')} 复查${s('outcome')}` : `，限 ${s('deadlineOn')} 前整改`;
      return `${label}：${clip(s('problem'))}${done}`;
    }
    case 'interview':
      return `${label}：${clip(s('reason'))}`;
    case 'riskReminder':
      return `${label}：${clip(s('risk'))}`;
    case 'supervision':
      return `${label}：${clip(s('matter'))}${s('closedOn') ? `（${s('closedOn')} 办结）` : ''}`;
    case 'complaint':
      return `${label}（${s('source')}）：${clip(s('content'))}${s('repliedOn') ? '（已答复）' : ''}`;
    case 'penalty': {
      const money = Number(d.fineFen ?? 0) + Number(d.confiscationFen ?? 0);
      return `${label} ${s('caseNo')}：${s('status')}${money ? `，罚没 ${yuan(money)}` : ''}`;
    }
    case 'licence':
      return `${s('licenceKind')}${s('event')}：${s('number')}${s('validTo') ? `，有效期至 ${s('validTo')}` : ''}`;
    case 'credit': {
      const to = d.to === null ? '未分类' : `${s('to')} 类`;
      const from = d.from === undefined ? '' : d.from === null ? '未分类 → ' : `${s('from')} 类 → `;
      return `信用风险分类：${from}${to}${s('listing') ? `，${s('listing')}` : ''}（${clip(s('reason'), 30)}）`;
    }
    case 'supervisionClass':
      return `监管类别：${d.from ? `${s('from')} → ` : ''}${s('to')}（${clip(s('reason'), 30)}）`;
    case 'assistance':
      return `${label}：${clip(s('topic'))}`;
    case 'note':
      return `${label}：${clip(s('text'))}`;
    case 'notice':
      return `${label}：${s('title')} ${s('number')}${d.voided === true ? '（已作废）' : ''}`;
  }
}
