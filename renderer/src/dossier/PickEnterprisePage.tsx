// 一企一档, the way in: find the enterprise as in the registry (name, pinyin initials, code, phone)
// and open its file; the files opened lately are listed for a quick return.
import { FolderOpenOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useRef, type Ref } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { call } from '../api/client';
import { SearchBox } from '../registry/list/SearchBox';
import { formatCount } from '../ui/format';
import { recentDossiers } from './recent';

interface Row {
  id: number;
  name: string;
  uscc: string | null;
  detail?: string;
  archived?: boolean;
}

function Rows({ rows, listRef, onOpen }: { rows: Row[]; listRef?: Ref<HTMLUListElement>; onOpen(id: number): void }) {
  return (
    <ul ref={listRef} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map((r) => (
        <li key={r.id} style={{ borderBottom: '1px solid #f0f0f0' }}>
          <button type="button" className="qb-row-button" style={{ padding: '10px 12px' }} onClick={() => onOpen(r.id)}>
            <span style={{ minWidth: 0 }}>
              <Typography.Text strong>{r.name}</Typography.Text>
              {r.archived && <Tag style={{ marginInlineStart: 8 }}>已归档</Tag>}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[r.uscc ?? '无信用代码', r.detail].filter(Boolean).join(' · ')}
              </Typography.Text>
            </span>
            <Typography.Text type="secondary">
              <FolderOpenOutlined /> 打开档案
            </Typography.Text>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function PickEnterprisePage() {
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const q = sp.get('q') ?? '';
  const list = useRef<HTMLUListElement>(null);
  const found = useQuery({
    queryKey: ['enterprises.search', 'dossier-pick', q],
    queryFn: () => call('enterprises.search', { filter: { q, archived: 'all' }, limit: 30 }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
  const onSearch = useCallback((text: string) => setSp(text ? { q: text } : {}, { replace: true }), [setSp]);
  const open = (id: number) => void navigate(`/dossier/${id}`);
  const recent = recentDossiers();
  const rows: Row[] = (found.data?.rows ?? []).map((r) => ({
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    archived: r.archived,
    detail: [r.townshipName, r.address].filter(Boolean).join(' '),
  }));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        一企一档
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        每家企业的检查、抽查、整改、处罚等全部记录，按时间汇集在它自己的档案里。先找到企业：
      </Typography.Paragraph>
      <SearchBox value={q} onSearch={onSearch} onArrowDown={() => list.current?.querySelector('button')?.focus()} />
      {q ? (
        <Card
          size="small"
          title={found.data ? `找到 ${formatCount(found.data.total)} 家${found.data.total > rows.length ? `，显示前 ${rows.length} 家` : ''}` : '正在查找…'}
          styles={{ body: { padding: 0 } }}
        >
          {found.isLoading ? (
            <Spin style={{ display: 'block', padding: 32 }} />
          ) : rows.length ? (
            <Rows rows={rows} listRef={list} onOpen={open} />
          ) : (
            <Empty style={{ padding: 32 }} description={`没有与「${q}」匹配的企业。可以只输入名称中的两个字、拼音首字母或信用代码的前几位。`} />
          )}
        </Card>
      ) : recent.length ? (
        <Card size="small" title="最近打开的档案" styles={{ body: { padding: 0 } }}>
          <Rows rows={recent} listRef={list} onOpen={open} />
        </Card>
      ) : (
        <Empty description="输入企业名称、拼音首字母或信用代码查找。也可以在企业名录中打开企业，点击“一企一档”。" />
      )}
    </Space>
  );
}
