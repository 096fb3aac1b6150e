// 检查范围: which enterprises a campaign covers. Used inside a form, under the field `scope`.
import { Col, Form, Row, Select, Space, TreeSelect, Typography } from 'antd';
import { businessStatuses, entityTypes, supervisionClasses } from '../../../shared/enterprise';
import { groupProducts, useIndustryTree, useProducts, useTags, useTownships } from '../registry/queries';

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const multi = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, showSearch: { optionFilterProp: 'label' } };

/** The scope fields; `chosenProducts` keeps stopped products that are already in the scope. */
export function ScopeFields({ chosenProducts = [] }: { chosenProducts?: string[] }) {
  const townships = useTownships();
  const industries = useIndustryTree(true);
  const tags = useTags();
  const products = useProducts();

  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={['scope', 'townshipCodes']} label="乡镇（街道）" extra="不选为全县">
            <Select
              {...multi}
              placeholder="全县"
              loading={townships.isLoading}
              options={(townships.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
              notFoundContent={townships.data ? '没有匹配的乡镇' : '请先在「设置」中选择本单位所在县'}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['scope', 'statuses']} label="登记状态" extra="一般只查存续的主体">
            <Select {...multi} placeholder="不限" options={options(businessStatuses)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['scope', 'entityTypes']} label="主体类型">
            <Select {...multi} placeholder="不限" options={options(entityTypes)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['scope', 'supervisionClasses']} label="监管类别">
            <Select {...multi} placeholder="不限" options={options(supervisionClasses)} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        以下三项只要符合其中任意一个就算在范围内（如选了“洗涤用品”标签和“日用化学产品制造”行业，带该标签或属于该行业的都会列入）；都不选则不按这三项筛选。
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={['scope', 'industries']} label="行业">
            <TreeSelect
              multiple
              allowClear
              maxTagCount="responsive"
              placeholder="名称或代码，可多选"
              showSearch={{ treeNodeFilterProp: 'search' }}
              popupMatchSelectWidth={420}
              loading={industries.loading}
              treeData={industries.tree}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['scope', 'tags']} label="标签">
            <Select
              {...multi}
              placeholder="可多选"
              options={(tags.data ?? []).map((t) => ({ value: t.tag, label: t.tag, count: t.count }))}
              optionRender={(o) => (
                <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                  <span>{o.label}</span>
                  <span style={{ color: 'rgba(0,0,0,0.45)' }}>{o.data.count} 户</span>
                </Space>
              )}
              notFoundContent="还没有企业带标签"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['scope', 'productIds']} label="重点工业产品">
            <Select {...multi} placeholder="可多选" options={groupProducts(products.data ?? [], chosenProducts)} notFoundContent="产品目录为空" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
