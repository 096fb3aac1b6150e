// 选择检查对象: type part of a name or credit code; the targets to inspect are listed with their
// township and status. Searching is done by the backend (the list may hold thousands).
import { Select, Space, Typography, type RefSelectProps } from 'antd';
import { useEffect, useState, type Ref } from 'react';
import type { TargetRow } from '../../../../shared/campaign';
import { EMPTY } from '../../ui/format';
import { usePlannedTargets } from '../fieldQueries';
import { TargetStatusTag } from '../fieldLabels';

interface Props {
  campaignId: number;
  value: TargetRow | null;
  onChange(target: TargetRow | null): void;
  selectRef?: Ref<RefSelectProps>;
}

export function TargetPicker({ campaignId, value, onChange, selectRef }: Props) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const targets = usePlannedTargets(campaignId, q);
  const rows = targets.data?.rows ?? [];
  // The chosen target stays in the list while other searches run.
  const listed = value && !rows.some((r) => r.enterpriseId === value.enterpriseId) ? [value, ...rows] : rows;
  const more = (targets.data?.total ?? 0) - rows.length;

  return (
    <Select<number>
      ref={selectRef}
      data-testid="result-target"
      aria-label="检查对象"
      style={{ width: '100%' }}
      size="large"
      placeholder="输入企业名称或统一社会信用代码查找检查对象"
      value={value?.enterpriseId}
      allowClear
      loading={targets.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      onChange={(id) => {
        onChange(listed.find((r) => r.enterpriseId === id) ?? null);
        setTyped('');
      }}
      notFoundContent={targets.isFetching ? '正在查找…' : '没有找到，请换个关键词'}
      optionLabelProp="title"
      options={listed.map((r) => ({
        value: r.enterpriseId,
        title: r.name,
        label: (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>
              {r.name}
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {r.townshipName ?? EMPTY} · {r.uscc ?? '无代码'}
              </Typography.Text>
            </span>
            <span>
              {r.visits > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 8 }}>
                  已检查 {r.visits} 次
                </Typography.Text>
              )}
              <TargetStatusTag value={r.status} />
            </span>
          </Space>
        ),
      }))}
      popupRender={(menu) => (
        <>
          {menu}
          {more > 0 && (
            <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }}>
              还有 {more} 户未列出，请输入更多字缩小范围
            </Typography.Text>
          )}
        </>
      )}
    />
  );
}
