// 执法文书: every notice the office has issued, newest first, by type, year, status or a search
// (文号, 当事人); each can be looked at, printed, downloaded, served, voided or corrected.
// The filters live in the address, so going back returns to the same view.
import { FileAddOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { useMemo, useRef, useState, type HTMLAttributes } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { noticeStatuses, noticeTypes, type Notice, type NoticeType } from '../../../shared/notice';
import { Can } from '../accounts/Can';
import { formatCount } from '../ui/format';
import { typeOptions } from './labels';
import { NewNoticeModal } from './NewNoticeModal';
import { noticeColumns } from './noticeColumns';
import { useNotices, type NoticeQuery } from './queries';
import { useNoticeDialogs } from './useNoticeDialogs';
import './notices.css';

const statusLabels = { issued: '已出具', voided: '已作废' } as const;
type Status = (typeof noticeStatuses)[number];

function useListParams() {
  const [sp, setSp] = useSearchParams();
  const type = sp.get('type');
  const status = sp.get('status');
  const year = Number(sp.get('year'));
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const size = [20, 50, 100].includes(Number(sp.get('size'))) ? Number(sp.get('size')) : 50;
  const params = {
    type: (noticeTypes as readonly string[]).includes(type ?? '') ? (type as NoticeType) : null,
    status: (noticeStatuses as readonly string[]).includes(status ?? '') ? (status as Status) : null,
    year: Number.isInteger(year) && year >= 2000 && year <= 2199 ? year : null,
    q: sp.get('q') ?? '',
    page,
    size,
  };
  const set = (change: Partial<typeof params>) => {
    const next = { ...params, page: 1, ...change };
    const out = new URLSearchParams();
    if (next.type) out.set('type', next.type);
    if (next.status) out.set('status', next.status);
    if (next.year) out.set('year', String(next.year));
    if (next.q) out.set('q', next.q);
    if (next.page > 1) out.set('page', String(next.page));
    if (next.size !== 50) out.set('size', String(next.size));
    setSp(out, { replace: true });
  };
  return { params, set };
}

export function NoticesPage() {
  const navigate = useNavigate();
  const { params, set } = useListParams();
  const [typed, setTyped] = useState(params.q);
  const [creating, setCreating] = useState(false);
  const { actions, dialogs } = useNoticeDialogs();
  const typing = useRef<number | undefined>(undefined);
  const query: NoticeQuery = {
    type: params.type, year: params.year, status: params.status, enterpriseId: null, campaignId: null,
    q: params.q, offset: (params.page - 1) * params.size, limit: params.size,
  };
  const notices = useNotices(query);
  const columns = useMemo(() => noticeColumns(actions), [actions]);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  const filtered = params.type || params.status || params.year || params.q;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          执法文书
        </Typography.Title>
        <Space>
          <Button icon={<FileTextOutlined />} data-testid="notice-templates" onClick={() => void navigate('/notices/templates')}>
            文书模板
          </Button>
          <Can method="notices.issue">
            <Button type="primary" icon={<FileAddOutlined />} data-testid="notice-new" onClick={() => setCreating(true)}>
              新建文书
            </Button>
          </Can>
        </Space>
      </Space>
      <Space wrap size={[8, 8]} role="group" aria-label="筛选文书">
        <Input.Search
          allowClear
          placeholder="文号或当事人名称"
          aria-label="搜索文书"
          data-testid="notice-search"
          style={{ width: 260 }}
          value={typed}
          onChange={(e) => {
            const text = e.target.value;
            setTyped(text);
            window.clearTimeout(typing.current);
            typing.current = window.setTimeout(() => set({ q: text.trim() }), 300);
          }}
          onSearch={(v) => {
            window.clearTimeout(typing.current);
            set({ q: v.trim() });
          }}
        />
        <Select<NoticeType>
          allowClear
          aria-label="文书种类"
          placeholder="全部种类"
          style={{ width: 200 }}
          options={typeOptions}
          value={params.type ?? undefined}
          onChange={(v) => set({ type: v ?? null })}
        />
        <Select<number | 'all'>
          aria-label="年度"
          style={{ width: 120 }}
          value={params.year ?? 'all'}
          onChange={(v) => set({ year: v === 'all' ? null : v })}
          options={[{ value: 'all', label: '全部年度' }, ...years.map((y) => ({ value: y, label: `${y} 年` }))]}
        />
        <Select<Status>
          allowClear
          aria-label="状态"
          placeholder="全部状态"
          style={{ width: 120 }}
          options={noticeStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
          value={params.status ?? undefined}
          onChange={(v) => set({ status: v ?? null })}
        />
      </Space>
      <Table<Notice>
        rowKey="id"
        size="small"
        loading={notices.isFetching}
        dataSource={notices.data?.rows ?? []}
        columns={columns}
        // Fits the content area of a 1366-pixel screen without scrolling sideways.
        scroll={{ x: 1090 }}
        onRow={(n) => ({ 'data-testid': `notice-row-${n.id}`, 'aria-label': n.number }) as HTMLAttributes<HTMLElement>}
        rowClassName={(n) => (n.status === 'voided' ? 'qb-row-voided' : '')}
        pagination={{
          current: params.page,
          pageSize: params.size,
          total: notices.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => `共 ${formatCount(n)} 份`,
          onChange: (page, size) => set({ page: size === params.size ? page : 1, size }),
        }}
        locale={{
          emptyText: filtered ? '没有符合筛选条件的文书' : '还没有出具过文书。可点击“新建文书”，或在企业档案的记录上点“出具文书”。',
        }}
      />
      <NewNoticeModal open={creating} onClose={() => setCreating(false)} />
      {dialogs}
    </Space>
  );
}
