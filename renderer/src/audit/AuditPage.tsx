// 审计日志: every change anyone made, newest first, filtered by time, person, operation, object or
// a word; each row opens to show its fields before and after. The chain can be verified here.
import { PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import type { AuditRecord } from '../../../shared/system';
import { call } from '../api/client';
import { EMPTY, formatCount } from '../ui/format';
import { AuditDiff } from './AuditDiff';
import { auditQuery, filtered, useAuditFilters } from './filters';
import { entityLabel, entityLabels, methodOptions, methodTitle, objectHref } from './labels';
import { useVerifyChain, VerifyButton, VerifyResult } from './VerifyChain';
import './audit.css';

/** An instant as 'YYYY-MM-DD HH:mm:ss' in Asia/Shanghai (UTC+8, no daylight saving). */
const shanghaiTime = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
};

const columns: ColumnsType<AuditRecord> = [
  { title: '序号', dataIndex: 'id', width: 80 },
  { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => shanghaiTime(at) },
  { title: '操作人', dataIndex: 'actor', width: 120 },
  { title: '操作', dataIndex: 'method', width: 170, render: (m: string) => <span title={m}>{methodTitle(m)}</span> },
  {
    title: '对象',
    key: 'object',
    width: 200,
    render: (_: unknown, e) => {
      const text = `${entityLabel(e.entity)}${e.entityId ? ` ${e.entityId}` : ''}`;
      const href = objectHref(e);
      return href ? <a href={href}>{text}</a> : text;
    },
  },
  { title: '原因', dataIndex: 'reason', render: (r: string | null) => r ?? EMPTY },
];

const methodGroups = methodOptions();
const entityOptions = Object.entries(entityLabels).map(([value, label]) => ({ value, label }));

export function AuditPage() {
  const { params, set } = useAuditFilters();
  const [typed, setTyped] = useState({ q: params.q, actor: params.actor, entityId: params.entityId });
  const typing = useRef<number | undefined>(undefined);
  // A link or the back button changes the address: the text boxes follow it.
  useEffect(() => setTyped({ q: params.q, actor: params.actor, entityId: params.entityId }), [params.q, params.actor, params.entityId]);
  const verify = useVerifyChain();
  const input = auditQuery(params);
  const page = useQuery({
    queryKey: ['audit.search', input],
    queryFn: () => call('audit.search', input),
    placeholderData: keepPreviousData,
  });

  // Text filters apply a moment after typing stops, or at once on Enter.
  const typeText = (key: 'q' | 'actor' | 'entityId', text: string) => {
    setTyped((t) => ({ ...t, [key]: text }));
    window.clearTimeout(typing.current);
    typing.current = window.setTimeout(() => set({ [key]: text.trim() }), 400);
  };
  const total = page.data?.total ?? 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="qb-audit-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          审计日志
        </Typography.Title>
        <Space className="qb-audit-noprint">
          <VerifyButton verify={verify} />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      </Space>
      <VerifyResult verify={verify} />
      <Space wrap size={[8, 8]} role="group" aria-label="筛选操作记录" className="qb-audit-noprint">
        <DatePicker.RangePicker
          aria-label="时间范围"
          placeholder={['起始日期', '截止日期']}
          value={[params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null]}
          allowEmpty={[true, true]}
          onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD') ?? null, to: r?.[1]?.format('YYYY-MM-DD') ?? null })}
        />
        <Input
          allowClear
          aria-label="操作人"
          placeholder="操作人"
          style={{ width: 130 }}
          value={typed.actor}
          onChange={(e) => typeText('actor', e.target.value)}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label="操作类型"
          placeholder="全部操作"
          style={{ width: 220 }}
          options={methodGroups}
          value={params.method ?? undefined}
          onChange={(v) => set({ method: v ?? null })}
        />
        <Select<string>
          allowClear
          aria-label="对象"
          placeholder="全部对象"
          style={{ width: 140 }}
          options={entityOptions}
          value={params.entity ?? undefined}
          onChange={(v) => set({ entity: v ?? null })}
        />
        <Input
          allowClear
          aria-label="对象编号"
          placeholder="对象编号"
          style={{ width: 110 }}
          value={typed.entityId}
          onChange={(e) => typeText('entityId', e.target.value)}
        />
        <Input.Search
          allowClear
          aria-label="关键词"
          placeholder="改动内容或原因中的文字"
          style={{ width: 240 }}
          value={typed.q}
          onChange={(e) => typeText('q', e.target.value)}
          onSearch={(v) => {
            window.clearTimeout(typing.current);
            set({ q: v.trim() });
          }}
        />
      </Space>
      <Table<AuditRecord>
        rowKey="id"
        size="small"
        loading={page.isFetching}
        dataSource={page.data?.entries ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        onRow={(e) => ({ 'data-testid': `audit-row-${e.id}` }) as HTMLAttributes<HTMLElement>}
        expandable={{ expandedRowRender: (e) => <AuditDiff entry={e} />, columnTitle: '改动' }}
        pagination={{
          current: params.page,
          pageSize: params.size,
          total: page.data?.totalCapped ? total + params.size : total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: () => (page.data?.totalCapped ? `${formatCount(total)} 条以上` : `共 ${formatCount(total)} 条`),
          onChange: (p, size) => set({ page: size === params.size ? p : 1, size }),
        }}
        locale={{ emptyText: filtered(params) ? '没有符合筛选条件的操作记录' : '还没有操作记录' }}
      />
    </Space>
  );
}
