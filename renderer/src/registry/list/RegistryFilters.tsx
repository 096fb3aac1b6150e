// The filters above the registry list. Each one narrows the list at once; all live in the address.
import { Button, Segmented, Select, Space, TreeSelect } from 'antd';
import {
  businessStatuses, creditClassLabels, creditClasses, entityTypes, supervisionClasses,
} from '../../../../shared/enterprise';
import { groupProducts, useIndustryTree, useProducts, useTags, useTownships } from '../queries';
import { hasFilters, type ArchivedChoice, type ListParams } from './params';

type Filter = ListParams['filter'];

interface Props {
  filter: Filter;
  onChange(change: Partial<Filter>): void;
  onClear(): void;
}

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const creditOptions = [...creditClasses.map((c) => ({ value: c, label: creditClassLabels[c] })), { value: 'none', label: '未分类' }];
const expiringOptions = [30, 60, 90, 180].map((d) => ({ value: d, label: `${d} 天内到期` }));
const archivedOptions: { value: ArchivedChoice; label: string }[] = [
  { value: 'active', label: '在册' },
  { value: 'archived', label: '已归档' },
  { value: 'all', label: '全部' },
];

export function RegistryFilters({ filter, onChange, onClear }: Props) {
  const townships = useTownships();
  const industries = useIndustryTree(true);
  const tags = useTags();
  const products = useProducts();
  const multi = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, showSearch: { optionFilterProp: 'label' } };

  return (
    <Space wrap size={[8, 8]} role="group" aria-label="筛选条件">
      <Select
        {...multi}
        aria-label="乡镇（街道）"
        placeholder="乡镇（街道）"
        style={{ width: 176 }}
        loading={townships.isLoading}
        options={(townships.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
        value={filter.townshipCodes}
        onChange={(v: string[]) => onChange({ townshipCodes: v })}
        notFoundContent={townships.data ? '没有匹配的乡镇' : '请先在「设置」中选择本单位所在县'}
      />
      <Select
        {...multi}
        aria-label="监管类别"
        placeholder="监管类别"
        style={{ width: 132 }}
        options={options(supervisionClasses)}
        value={filter.supervisionClasses}
        onChange={(v: Filter['supervisionClasses']) => onChange({ supervisionClasses: v })}
      />
      <Select
        {...multi}
        aria-label="信用风险分类"
        placeholder="信用风险分类"
        style={{ width: 160 }}
        options={creditOptions}
        labelRender={(o) => (o.value === 'none' ? '未分类' : `${String(o.value)} 类`)}
        value={filter.creditClasses}
        onChange={(v: Filter['creditClasses']) => onChange({ creditClasses: v })}
      />
      <Select
        {...multi}
        aria-label="登记状态"
        placeholder="登记状态"
        style={{ width: 132 }}
        options={options(businessStatuses)}
        value={filter.statuses}
        onChange={(v: Filter['statuses']) => onChange({ statuses: v })}
      />
      <Select
        {...multi}
        aria-label="主体类型"
        placeholder="主体类型"
        style={{ width: 140 }}
        options={options(entityTypes)}
        value={filter.entityTypes}
        onChange={(v: Filter['entityTypes']) => onChange({ entityTypes: v })}
      />
      <TreeSelect
        aria-label="行业"
        placeholder="行业（名称或代码）"
        style={{ width: 190 }}
        allowClear
        showSearch={{ treeNodeFilterProp: 'search' }}
        popupMatchSelectWidth={380}
        loading={industries.loading}
        treeData={industries.tree}
        value={filter.industry ?? undefined}
        onChange={(v: string | undefined) => onChange({ industry: v ?? null })}
      />
      <Select
        {...multi}
        aria-label="标签"
        placeholder="标签"
        style={{ width: 150 }}
        popupMatchSelectWidth={220}
        options={(tags.data ?? []).map((t) => ({ value: t.tag, label: t.tag, count: t.count }))}
        optionRender={(o) => (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>{o.label}</span>
            <span style={{ color: 'rgba(0,0,0,0.45)' }}>{o.data.count}</span>
          </Space>
        )}
        value={filter.tags}
        onChange={(v: string[]) => onChange({ tags: v })}
        notFoundContent="还没有企业带标签"
      />
      <Select
        aria-label="重点工业产品"
        placeholder="重点工业产品"
        style={{ width: 150 }}
        popupMatchSelectWidth={260}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        options={groupProducts(products.data ?? [])}
        value={filter.productId ?? undefined}
        onChange={(v: string | undefined) => onChange({ productId: v ?? null })}
        notFoundContent="产品目录为空"
      />
      <Select
        aria-label="证照到期"
        placeholder="证照到期"
        style={{ width: 136 }}
        allowClear
        options={expiringOptions}
        value={filter.licenceExpiringDays ?? undefined}
        onChange={(v: number | undefined) => onChange({ licenceExpiringDays: v ?? null })}
      />
      <Segmented<ArchivedChoice>
        aria-label="归档"
        options={archivedOptions}
        value={filter.archived}
        onChange={(v) => onChange({ archived: v })}
      />
      {hasFilters(filter) && (
        <Button type="link" onClick={onClear}>
          清除筛选
        </Button>
      )}
    </Space>
  );
}
