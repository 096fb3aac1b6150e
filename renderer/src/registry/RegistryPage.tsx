// 企业名录: search as you type, filters, and every matching enterprise in one scrollable list.
import { CopyOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Empty, Select, Space, Spin, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { sortFieldLabels, sortFields, type EnterpriseRow } from '../../../shared/enterprise';
import { Can } from '../accounts/Can';
import { call } from '../api/client';
import { formatCount, formatMs } from '../ui/format';
import { ExportModal } from './ExportModal';
import { hasFilters, rememberList, useListParams, type ListParams, type SortField } from './list/params';
import { RegistryFilters } from './list/RegistryFilters';
import { RegistryTable } from './list/RegistryTable';
import { SearchBox } from './list/SearchBox';
import { useRowBlocks } from './list/useRowBlocks';

/** Without search terms, "relevance" is the plain order by name. */
const sortOptions = (searching: boolean) =>
  sortFields.map((s) => ({ value: s, label: s === 'relevance' && !searching ? '默认（按名称）' : `按${sortFieldLabels[s]}` }));

export function RegistryPage() {
  const navigate = useNavigate();
  const { search } = useLocation();
  const { params, update } = useListParams();
  useEffect(() => rememberList(search), [search]);
  const [range, setRange] = useState({ first: 0, last: 0 });
  const [exporting, setExporting] = useState(false);
  const blocks = useRowBlocks(params, range.first, range.last);
  const focusFirst = useRef<() => void>(() => undefined);
  // Counting pairs reads the whole registry: ask only after the list has its first rows.
  const duplicates = useQuery({
    queryKey: ['enterprises.duplicates', 'count'],
    queryFn: () => call('enterprises.duplicates', { limit: 1 }),
    enabled: blocks.total !== null,
    staleTime: 60_000,
  });

  const resultKey = useMemo(() => JSON.stringify(params), [params]);
  const onRange = useCallback((first: number, last: number) => setRange({ first, last }), []);
  const onSearch = useCallback((q: string) => update((p) => ({ ...p, filter: { ...p.filter, q } })), [update]);
  const onSort = useCallback(
    (field: SortField) =>
      update((p: ListParams) => ({ ...p, sort: field, order: p.sort === field && p.order === 'asc' ? 'desc' : 'asc' })),
    [update],
  );
  const onOpen = useCallback((row: EnterpriseRow) => void navigate(`/registry/${row.id}`), [navigate]);
  const clearFilters = () => update((p) => ({ ...p, filter: { ...p.filter, ...emptyFilter, q: p.filter.q } }));
  const registerFocusFirst = useCallback((f: () => void) => {
    focusFirst.current = f;
  }, []);

  const { filter } = params;
  const filtered = hasFilters(filter) || !!filter.q;

  const empty = (
    <Empty
      style={{ padding: '48px 0' }}
      description={
        filtered ? (
          <span>
            没有{filter.q ? `与「${filter.q}」` : '符合条件'}匹配的企业。
            <br />
            可以只输入名称中的两个字、拼音首字母（如 hrx）或信用代码的前几位{hasFilters(filter) ? '，或清除筛选条件' : ''}。
          </span>
        ) : (
          '名录中还没有企业。可以逐户新增，或从 Excel 表格导入。'
        )
      }
    >
      {!filtered && (
        <Space>
          <Can method="enterprises.create">
            <Button type="primary" onClick={() => void navigate('/registry/new')}>新增企业</Button>
          </Can>
          <Can method="enterprises.import">
            <Button onClick={() => void navigate('/registry/import')}>导入</Button>
          </Can>
        </Space>
      )}
      {hasFilters(filter) && <Button onClick={clearFilters}>清除筛选</Button>}
    </Empty>
  );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, height: 'calc(100vh - 112px)', minHeight: 480 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Space size={12} align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            企业名录
          </Typography.Title>
          <SearchBox value={filter.q} onSearch={onSearch} onArrowDown={() => focusFirst.current()} />
        </Space>
        <Space>
          <Can method="enterprises.create">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/registry/new')}>
              新增企业
            </Button>
          </Can>
          <Can method="enterprises.import">
            <Button icon={<UploadOutlined />} onClick={() => void navigate('/registry/import')}>
              导入
            </Button>
          </Can>
          <Tooltip title="导出当前筛选结果">
            <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} disabled={!blocks.total}>
              导出
            </Button>
          </Tooltip>
          <Badge count={duplicates.data?.total ?? 0} size="small" overflowCount={999}>
            <Button icon={<CopyOutlined />} onClick={() => void navigate('/registry/duplicates')}>
              疑似重复
            </Button>
          </Badge>
        </Space>
      </Space>
      <RegistryFilters
        filter={filter}
        onChange={(change) => update((p) => ({ ...p, filter: { ...p.filter, ...change } }))}
        onClear={clearFilters}
      />
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space size={16}>
          <Typography.Text strong aria-live="polite">
            {blocks.total === null ? '正在查找…' : `共 ${formatCount(blocks.total)} 家`}
          </Typography.Text>
          {blocks.tookMs !== null && <Typography.Text type="secondary">用时 {formatMs(blocks.tookMs)}</Typography.Text>}
          {blocks.searching && blocks.total !== null && <Spin size="small" />}
        </Space>
        <Space>
          <Typography.Text type="secondary">排序</Typography.Text>
          <Select
            aria-label="排序"
            style={{ width: 168 }}
            options={sortOptions(!!filter.q)}
            value={params.sort}
            onChange={(sort: SortField) => update((p) => ({ ...p, sort }))}
          />
          <Select
            aria-label="顺序"
            style={{ width: 88 }}
            options={[
              { value: 'asc', label: '升序' },
              { value: 'desc', label: '降序' },
            ]}
            value={params.order}
            onChange={(order: 'asc' | 'desc') => update((p) => ({ ...p, order }))}
          />
        </Space>
      </Space>
      {blocks.error ? (
        <Alert type="error" showIcon title="名录读取失败" description={blocks.error instanceof Error ? blocks.error.message : String(blocks.error)} />
      ) : blocks.total === null ? (
        <Spin style={{ marginTop: 48 }} />
      ) : (
        <RegistryTable
          params={params}
          resultKey={resultKey}
          blocks={blocks}
          total={blocks.total}
          onRange={onRange}
          onSort={onSort}
          onOpen={onOpen}
          empty={empty}
          registerFocusFirst={registerFocusFirst}
        />
      )}
      <ExportModal open={exporting} filter={filter} sort={params.sort} order={params.order} total={blocks.total ?? 0} onClose={() => setExporting(false)} />
    </div>
  );
}

const emptyFilter: Omit<ListParams['filter'], 'q'> = {
  townshipCodes: [],
  supervisionClasses: [],
  creditClasses: [],
  statuses: [],
  entityTypes: [],
  industry: null,
  tags: [],
  productId: null,
  licenceExpiringDays: null,
  archived: 'active',
};
