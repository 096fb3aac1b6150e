// Finds an enterprise to issue a notice to: type part of the name, pinyin initials or the credit
// code, pick one. The chosen enterprise is kept with its name, so it shows while the list changes.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../api/client';

export interface PickedEnterprise {
  id: number;
  name: string;
}

interface Props {
  value?: PickedEnterprise | null;
  onChange?: (e: PickedEnterprise | null) => void;
  id?: string;
  autoFocus?: boolean;
}

export function EnterprisePicker({ value, onChange, id, autoFocus }: Props) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const found = useQuery({
    queryKey: ['enterprises.search', 'notice-pick', q],
    queryFn: () => call('enterprises.search', { filter: { q, archived: 'all' }, limit: 20 }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const rows = q ? (found.data?.rows ?? []) : [];
  const options = rows.map((r) => ({
    value: r.id,
    name: r.name,
    label: (
      <span>
        {r.name}
        {r.archived && '（已归档）'}
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[r.uscc ?? '无信用代码', r.townshipName, r.legalRep].filter(Boolean).join(' · ')}
        </Typography.Text>
      </span>
    ),
  }));
  // The chosen one stays an option, so its name shows even when the search has moved on.
  if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, name: value.name, label: <span>{value.name}</span> });
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      autoFocus={autoFocus}
      aria-label="当事人"
      data-testid="enterprise-picker"
      placeholder="输入企业名称、拼音首字母或信用代码查找"
      style={{ width: '100%' }}
      value={value?.id}
      optionLabelProp="name"
      loading={found.isFetching}
      notFoundContent={q ? (found.isFetching ? '正在查找…' : `没有与「${q}」匹配的企业`) : '请输入查找'}
      options={options}
      onChange={(v) => {
        const hit = options.find((o) => o.value === v);
        onChange?.(hit ? { id: hit.value, name: hit.name } : null);
      }}
    />
  );
}
