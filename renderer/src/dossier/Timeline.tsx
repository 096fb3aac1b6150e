// 档案记录: the records newest first, filtered by kind and year, voided ones on request; each opens
// to show everything it holds. The record named in the address (?record=) is opened and scrolled to.
import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Spin, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { recordKindLabels, recordKinds, type Dossier, type DossierRecord, type RecordKind } from '../../../shared/dossier';
import { RecordBody } from './record/RecordBody';
import { RecordButtons, RecordLabel, type RecordActions } from './record/RecordHeader';
import type { TimelineFilter } from './queries';

interface Props {
  records: DossierRecord[];
  total: number;
  summary: Dossier['summary'] | undefined;
  filter: TimelineFilter;
  onFilter(change: Partial<TimelineFilter>): void;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onMore(): void;
  highlight: number | null;
  actions: RecordActions;
}

export const recordAnchor = (id: number) => `record-${id}`;

function RecordItem({ record, open, highlighted, onToggle, actions }: { record: DossierRecord; open: boolean; highlighted: boolean; onToggle(): void; actions: RecordActions }) {
  return (
    <article
      id={recordAnchor(record.id)}
      aria-label={record.summary}
      className="qb-record"
      style={highlighted ? { background: '#fffbe6', boxShadow: 'inset 3px 0 0 #faad14' } : undefined}
    >
      <div className="qb-record-head">
        <button type="button" className="qb-record-toggle" aria-expanded={open} onClick={onToggle}>
          <RightOutlined rotate={open ? 90 : 0} style={{ fontSize: 11, color: 'rgba(0,0,0,0.45)', transition: 'transform 0.2s' }} />
          <RecordLabel record={record} />
        </button>
        <RecordButtons record={record} actions={actions} />
      </div>
      {open && (
        <div className="qb-record-body">
          <RecordBody record={record} />
        </div>
      )}
    </article>
  );
}

export function Timeline({ records, total, summary, filter, onFilter, loading, hasMore, loadingMore, onMore, highlight, actions }: Props) {
  const [open, setOpen] = useState<number[]>(highlight ? [highlight] : []);
  const scrolled = useRef<number | null>(null);
  const counts = new Map((summary?.byKind ?? []).map((k) => [k.kind, k.count]));
  const filtered = filter.kinds.length > 0 || filter.year !== null;

  // Opening a record from elsewhere (the home page, a deadline) unfolds it and brings it into view once.
  useEffect(() => {
    if (!highlight || scrolled.current === highlight || !records.some((r) => r.id === highlight)) return;
    scrolled.current = highlight;
    setOpen((ids) => (ids.includes(highlight) ? ids : [...ids, highlight]));
    requestAnimationFrame(() => document.getElementById(recordAnchor(highlight))?.scrollIntoView({ block: 'center' }));
  }, [highlight, records]);

  return (
    <Card
      title={`档案记录（${total} 条）`}
      extra={
        <Space size={12} wrap>
          <Select<RecordKind[]>
            mode="multiple"
            allowClear
            aria-label="记录类别"
            placeholder="全部类别"
            maxTagCount="responsive"
            style={{ width: 220 }}
            value={filter.kinds}
            onChange={(kinds) => onFilter({ kinds })}
            options={recordKinds.map((k) => ({ value: k, label: counts.get(k) ? `${recordKindLabels[k]}（${counts.get(k)}）` : recordKindLabels[k] }))}
          />
          <Select<number | 'all'>
            aria-label="年份"
            style={{ width: 112 }}
            value={filter.year ?? 'all'}
            onChange={(y) => onFilter({ year: y === 'all' ? null : y })}
            options={[{ value: 'all', label: '全部年份' }, ...(summary?.years ?? []).map((y) => ({ value: y, label: `${y} 年` }))]}
          />
          <Space size={6}>
            <Switch size="small" checked={filter.includeVoided} onChange={(includeVoided) => onFilter({ includeVoided })} aria-label="显示已作废" />
            <Typography.Text>显示已作废</Typography.Text>
          </Space>
        </Space>
      }
      styles={{ body: { padding: records.length ? 0 : undefined } }}
    >
      <Spin spinning={loading}>
        {records.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={filtered ? '没有符合筛选条件的记录，可以清除类别或年份。' : '档案中还没有记录。检查、抽查、整改等都可以点击右上角“新增记录”录入。'}
          >
            {filtered && <Button onClick={() => onFilter({ kinds: [], year: null })}>清除筛选</Button>}
          </Empty>
        ) : (
          <div>
            {records.map((r) => (
              <RecordItem
                key={r.id}
                record={r}
                open={open.includes(r.id)}
                highlighted={r.id === highlight}
                onToggle={() => setOpen((ids) => (ids.includes(r.id) ? ids.filter((i) => i !== r.id) : [...ids, r.id]))}
                actions={actions}
              />
            ))}
          </div>
        )}
        {hasMore && (
          <div style={{ padding: 12, textAlign: 'center' }}>
            <Button onClick={onMore} loading={loadingMore}>
              显示更早的记录（还有 {total - records.length} 条）
            </Button>
          </div>
        )}
      </Spin>
    </Card>
  );
}
