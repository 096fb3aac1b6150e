// Beside the timeline: the enterprise's open deadlines (overdue first, in red) and its summary
// (inspections per year, sampling pass rate, what is still open).
import { Card, Descriptions, Empty, Typography } from 'antd';
import { recordKindLabels, type Deadline, type Dossier } from '../../../shared/dossier';
import { deadlineState, DeadlineTag } from './labels';

export function OpenDeadlines({ deadlines, onOpen }: { deadlines: Deadline[]; onOpen(d: Deadline): void }) {
  return (
    <Card title={`待办期限（${deadlines.length}）`} size="small" styles={{ body: { padding: deadlines.length ? '0 12px' : undefined } }}>
      {deadlines.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有未完成的期限" />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {deadlines.map((d) => {
            const state = deadlineState(d);
            return (
              <li key={d.id} style={{ borderBottom: '1px solid #f0f0f0' }}>
                <button
                  type="button"
                  className="qb-row-button"
                  aria-label={`${d.title} ${d.dueOn} ${state.text}`}
                  onClick={() => onOpen(d)}
                >
                  <span style={{ minWidth: 0 }}>
                    <Typography.Text strong type={state.overdue ? 'danger' : undefined}>
                      {d.title}
                    </Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.dueOn} · {recordKindLabels[d.recordKind]}
                    </Typography.Text>
                  </span>
                  <DeadlineTag d={d} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function Figure({ title, value, danger }: { title: string; value: string; danger?: boolean }) {
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {title}
      </Typography.Text>
      <div style={{ fontSize: 20, fontWeight: 500, color: danger ? '#cf1322' : undefined, fontVariantNumeric: 'tabular-nums' }}>{value}</div>
    </div>
  );
}

export function SummaryCard({ summary }: { summary: Dossier['summary'] }) {
  const { total, qualified } = summary.sampling;
  const inspections = summary.inspectionsByYear.reduce((n, y) => n + y.count, 0);
  return (
    <Card title="概况" size="small">
      <div style={{ display: 'flex', gap: 8 }}>
        <Figure title="检查（次）" value={String(inspections)} />
        <Figure title="抽检合格率" value={total ? `${Math.round((qualified / total) * 100)}%` : '—'} danger={total > qualified} />
        <Figure title="未完成整改" value={String(summary.openRectifications)} danger={summary.openRectifications > 0} />
      </div>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 12 }}
        styles={{ label: { width: 72, color: 'rgba(0,0,0,0.45)' } }}
        items={[
          {
            key: 'years',
            label: '各年检查',
            children: summary.inspectionsByYear.length ? summary.inspectionsByYear.map((y) => `${y.year} 年 ${y.count} 次`).join('，') : '无',
          },
          { key: 'sampling', label: '监督抽查', children: total ? `${total} 批次，合格 ${qualified} 批次` : '未抽查' },
          { key: 'open', label: '待办期限', children: `${summary.openDeadlines} 项${summary.overdue ? `，其中逾期 ${summary.overdue} 项` : ''}` },
          {
            key: 'kinds',
            label: '记录',
            children: summary.byKind.length ? summary.byKind.map((k) => `${recordKindLabels[k.kind]} ${k.count}`).join('，') : '无',
          },
        ]}
      />
    </Card>
  );
}
