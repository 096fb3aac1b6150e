// 修改记录: every recorded change of the enterprise, newest first: who, when, what, before → after, why.
import { useQuery } from '@tanstack/react-query';
import { Empty, Spin, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { contract, isMethodName } from '../../../../shared/contract';
import { call } from '../../api/client';
import { formatInstant } from '../../ui/format';
import { useIndustries, useProducts, useTownships } from '../queries';
import { changeLines, type ChangeLine, type Lookups } from './historyValues';

const EMPTY_VALUE = '（空）';

function useLookups(): Lookups {
  const townships = useTownships();
  const industries = useIndustries();
  const products = useProducts();
  return useMemo(() => {
    const t = new Map((townships.data ?? []).map((x) => [x.code, x.name]));
    const i = new Map((industries.data ?? []).map((x) => [x.code, x.name]));
    const p = new Map((products.data ?? []).map((x) => [x.id, x.name]));
    return { township: (c) => t.get(c), industry: (c) => i.get(c), product: (id) => p.get(id) };
  }, [townships.data, industries.data, products.data]);
}

function Line({ line }: { line: ChangeLine }) {
  if (line.onlyAfter) {
    return (
      <li>
        {line.label}：{line.after ?? EMPTY_VALUE}
      </li>
    );
  }
  return (
    <li>
      {line.label}：<span style={{ color: 'rgba(0,0,0,0.55)' }}>{line.before ?? EMPTY_VALUE}</span> → <span>{line.after ?? EMPTY_VALUE}</span>
    </li>
  );
}

export function HistoryTab({ id }: { id: number }) {
  const history = useQuery({ queryKey: ['enterprises.history', id], queryFn: () => call('enterprises.history', { id }) });
  const look = useLookups();
  if (history.isLoading) return <Spin />;
  const entries = history.data ?? [];
  if (entries.length === 0) {
    return <Empty description="还没有修改记录。通过清波新增、修改、导入、归档或合并时，每一次改动都会记在这里。" />;
  }
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={entries.map((e) => {
        const title = isMethodName(e.method) ? contract[e.method].title : e.method;
        const lines = changeLines(e.before, e.after, look);
        return {
          key: e.id,
          color: e.method === 'enterprises.archive' ? 'red' : e.method === 'enterprises.create' ? 'green' : 'blue',
          content: (
            <div aria-label={`${title}记录`}>
              <div>
                <Typography.Text strong>{title}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                  {formatInstant(e.at)} · {e.actor}
                </Typography.Text>
              </div>
              {lines.length > 0 && (
                <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                  {lines.map((l) => (
                    <Line key={l.key} line={l} />
                  ))}
                </ul>
              )}
              {e.reason && e.reason !== title && (
                <Typography.Text type="secondary">原因：{e.reason}</Typography.Text>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
