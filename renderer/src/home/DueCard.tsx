// 到期提醒: across the county, what is overdue and what falls due this week (整改, 复查, 答复,
// 督办, 异议期), each row one click from its record in the enterprise's file.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { recordKindLabels, type Deadline } from '../../../shared/dossier';
import { call } from '../api/client';
import { DeadlineTag, deadlineState } from '../dossier/labels';
import { useTownships } from '../registry/queries';

/** "This week": today and the six days after it. */
const WEEK_DAYS = 7;

interface TableProps {
  title: string;
  rows: Deadline[];
  total: number;
  danger?: boolean;
  township(code: string | null): string;
  onOpen(d: Deadline): void;
}

function DueTable({ title, rows, total, danger, township, onOpen }: TableProps) {
  return (
    <section aria-label={title}>
      <Typography.Title level={5} type={danger && total ? 'danger' : undefined} style={{ margin: '4px 0 8px' }}>
        {title}（{total}）
        {total > rows.length && (
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400, marginLeft: 8 }}>
            只列出最早到期的 {rows.length} 项
          </Typography.Text>
        )}
      </Typography.Title>
      <Table<Deadline>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
        dataSource={rows}
        locale={{ emptyText: danger ? '没有逾期的事项' : '本周没有到期的事项' }}
        onRow={(d) => ({
          onClick: () => onOpen(d),
          onKeyDown: (e) => e.key === 'Enter' && onOpen(d),
          tabIndex: 0,
          role: 'link',
          'aria-label': `${d.enterpriseName} ${d.title} ${d.dueOn} ${deadlineState(d).text}`,
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: '到期日', dataIndex: 'dueOn', width: 112 },
          { title: '状态', key: 'state', width: 110, render: (_, d) => <DeadlineTag d={d} /> },
          {
            title: '事项',
            key: 'what',
            width: 220,
            render: (_, d) => (
              <Space size={6}>
                <Typography.Text type={deadlineState(d).overdue ? 'danger' : undefined}>{d.title}</Typography.Text>
                <Tag>{recordKindLabels[d.recordKind]}</Tag>
              </Space>
            ),
          },
          { title: '企业', dataIndex: 'enterpriseName', ellipsis: true },
          { title: '乡镇（街道）', key: 'township', width: 140, ellipsis: true, render: (_, d) => township(d.townshipCode) },
        ]}
      />
    </section>
  );
}

export function DueCard() {
  const navigate = useNavigate();
  const [township, setTownship] = useState<string | null>(null);
  const townships = useTownships();
  const due = useQuery({
    queryKey: ['deadlines.due', township],
    queryFn: () => call('deadlines.due', { days: WEEK_DAYS, townshipCode: township }),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
  const open = (d: Deadline) => void navigate(`/dossier/${d.enterpriseId}?record=${d.recordId}`);
  const names = new Map((townships.data ?? []).map((t) => [t.code, t.name]));
  const townshipName = (code: string | null) => (code ? (names.get(code) ?? code) : '—');
  const data = due.data;
  const nothing = data && data.overdueTotal === 0 && data.dueSoonTotal === 0;

  return (
    <Card
      title={
        <Space size={16}>
          <span>到期提醒</span>
          {data && (
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              已逾期 <Typography.Text type={data.overdueTotal ? 'danger' : 'secondary'} strong>{data.overdueTotal}</Typography.Text> 项 · 本周到期{' '}
              <Typography.Text strong>{data.dueSoonTotal}</Typography.Text> 项 · 今天 {data.today}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label="乡镇（街道）"
          placeholder="全部乡镇（街道）"
          style={{ width: 200 }}
          value={township ?? undefined}
          onChange={(v) => setTownship(v ?? null)}
          options={(townships.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
          loading={townships.isLoading}
        />
      }
      loading={due.isLoading}
    >
      {nothing ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={township ? '这个乡镇（街道）没有逾期或本周到期的事项。' : '没有逾期或本周到期的事项。整改、复查、投诉答复等期限到期前会显示在这里。'}
        />
      ) : (
        data && (
          <Space orientation="vertical" size={20} style={{ width: '100%' }}>
            <DueTable title="已逾期" rows={data.overdue} total={data.overdueTotal} danger township={townshipName} onOpen={open} />
            <DueTable title="本周到期" rows={data.dueSoon} total={data.dueSoonTotal} township={townshipName} onOpen={open} />
          </Space>
        )
      )}
    </Card>
  );
}
