// How dossier values look: a colour per kind of record, and a deadline's state in words
// (逾期 3 天 in red, 还剩 5 天, 已完成), shared by the dossier page and the home page.
import { FileTextOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { recordKindLabels, type Deadline, type RecordKind } from '../../../shared/dossier';

const kindColors: Record<RecordKind, string> = {
  inspection: 'blue',
  specialInspection: 'geekblue',
  sampling: 'cyan',
  rectification: 'orange',
  interview: 'purple',
  riskReminder: 'gold',
  supervision: 'volcano',
  complaint: 'magenta',
  penalty: 'red',
  licence: 'green',
  credit: 'lime',
  supervisionClass: 'lime',
  assistance: 'green',
  note: 'default',
  notice: 'processing',
};

export function KindTag({ kind }: { kind: RecordKind }) {
  return (
    <Tag color={kindColors[kind]} icon={kind === 'notice' ? <FileTextOutlined /> : undefined} style={{ marginInlineEnd: 0 }}>
      {recordKindLabels[kind]}
    </Tag>
  );
}

export interface DeadlineState {
  text: string;
  /** antd Tag colour */
  color: string;
  overdue: boolean;
}

/** What a deadline means today. An objection window that ran out is over, not overdue. */
export function deadlineState(d: Deadline): DeadlineState {
  if (d.status === 'done') return { text: d.doneOn ? `已完成（${d.doneOn}）` : '已完成', color: 'success', overdue: false };
  if (d.status === 'cancelled') return { text: '已撤销', color: 'default', overdue: false };
  if (d.daysLeft < 0) {
    if (d.kind === 'objection') return { text: '已届满', color: 'default', overdue: false };
    return { text: `逾期 ${-d.daysLeft} 天`, color: 'error', overdue: true };
  }
  if (d.daysLeft === 0) return { text: '今天到期', color: 'warning', overdue: false };
  return { text: `还剩 ${d.daysLeft} 天`, color: d.daysLeft <= 7 ? 'warning' : 'processing', overdue: false };
}

export function DeadlineTag({ d }: { d: Deadline }) {
  const s = deadlineState(d);
  return (
    <Tag color={s.color} style={{ marginInlineEnd: 0 }}>
      {s.text}
    </Tag>
  );
}
