// After a save: enterprises that look like the one just saved, so the clerk can check at once.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { Link } from 'react-router';
import type { DuplicateHint } from '../../../../shared/enterprise';

export const savedDuplicatesKey = (id: number) => ['saved-duplicates', id] as const;

export function SavedDuplicates({ id }: { id: number }) {
  const queryClient = useQueryClient();
  // Filled by the form on saving; nothing to fetch.
  const hints = useQuery<DuplicateHint[]>({ queryKey: savedDuplicatesKey(id), queryFn: () => [], enabled: false, staleTime: Infinity });
  const list = hints.data ?? [];
  if (list.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose: () => queryClient.setQueryData(savedDuplicatesKey(id), []) }}
      title={`已保存。名录中有 ${list.length} 家企业与它相似，请核对是否重复登记`}
      description={
        <>
          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            {list.map((d) => (
              <li key={d.id}>
                <Link to={`/registry/${d.id}`}>{d.name}</Link>
                <Typography.Text type="secondary">
                  {' '}
                  {d.uscc ?? '无信用代码'} · {d.address ?? '未填住所'} · {d.reasons.join('、')}
                </Typography.Text>
              </li>
            ))}
          </ul>
          如确为同一家，可到 <Link to="/registry/duplicates">疑似重复</Link> 中合并；不是重复的也可在那里标记。
        </>
      }
    />
  );
}
