// What a save did, told on the dossier page after the form closes: the record saved, the records it
// opened (the order to correct of an unqualified result, with its dates), its own deadlines, and
// anything the clerk should know (an archived enterprise, a holiday year not covered yet).
import { Alert } from 'antd';
import { recordKindLabels, type RecordSaved } from '../../../shared/dossier';
import { deadlineState } from './labels';

export interface SavedNoticeData {
  title: string;
  lines: string[];
  warnings: string[];
}

/** "整改期限 2026-04-13，复查期限 2026-04-28"; a date already past says so (a result entered late). */
const deadlineList = (r: RecordSaved['record']) =>
  r.deadlines
    .filter((d) => d.status === 'open')
    .map((d) => `${d.title} ${d.dueOn}${d.daysLeft < 0 ? `（${deadlineState(d).text}）` : ''}`)
    .join('，');

/** The notice for a save (kept in the page's history state, so plain strings only). */
export function savedNotice(saved: RecordSaved, editing: boolean): SavedNoticeData {
  const label = recordKindLabels[saved.record.kind];
  const lines: string[] = [];
  for (const o of saved.opened) {
    const dates = deadlineList(o);
    lines.push(`已自动生成${recordKindLabels[o.kind]}记录${dates ? `，${dates}` : ''}。`);
  }
  const own = deadlineList(saved.record);
  if (own) lines.push(`本记录的期限：${own}。`);
  return { title: editing ? `${label}记录已保存` : `已新增${label}记录`, lines, warnings: saved.warnings };
}

export function SavedNoticeAlert({ notice, onClose }: { notice: SavedNoticeData; onClose(): void }) {
  const important = notice.lines.length > 0 || notice.warnings.length > 0;
  return (
    <Alert
      role="status"
      type={notice.warnings.length ? 'warning' : 'success'}
      showIcon
      closable={{ onClose, 'aria-label': '关闭' }}
      title={notice.title}
      description={
        important ? (
          <>
            {notice.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
            {notice.warnings.map((w) => (
              <div key={w} style={{ color: '#ad6800' }}>
                请注意：{w}
              </div>
            ))}
          </>
        ) : undefined
      }
    />
  );
}
