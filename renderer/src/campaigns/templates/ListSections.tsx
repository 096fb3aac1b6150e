// The template's 参数, 数量 and 统计项 as editable tables.
import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { tallySourceLabels, tallySources } from '../../../../shared/campaign-template';
import { EditableList, KeyText } from './EditableList';
import { newParam, newQuantity, newTally, nextKey, type ParamValues, type QuantityValues, type TemplateValues } from './templateForm';

const cell = { marginBottom: 8 } as const;
const required = (what: string) => [{ required: true, whitespace: true, message: `请填写${what}` }];

function useList<K extends keyof TemplateValues>(name: K): TemplateValues[K] {
  const form = Form.useFormInstance<TemplateValues>();
  return (Form.useWatch(name, form) ?? []) as TemplateValues[K];
}

const keysOf = (rows: { key?: string }[]) => rows.map((r) => r?.key);

/** Options naming each entry by its label (with its key when the label is missing or shared). */
const optionsOf = (rows: { key?: string; label?: string }[], except?: string) => {
  const labels = rows.map((r) => r?.label);
  return rows
    .filter((r) => r?.key && r.key !== except)
    .map((r) => {
      const shared = labels.filter((l) => l === r.label).length > 1;
      return { value: r.key as string, label: r.label ? (shared ? `${r.label}（${r.key}）` : r.label) : r.key };
    });
};

export function ParametersSection({ readOnly }: { readOnly: boolean }) {
  const params = useList('parameters') as ParamValues[];
  return (
    <EditableList
      name="parameters"
      noun="参数"
      readOnly={readOnly}
      empty="没有参数。判定限值（如含磷限值 1.1%）可设为参数，各专项可单独调整。"
      create={() => newParam(nextKey('param', keysOf(params)))}
      columns={[
        { title: '代号', width: '96px', render: (f) => <Form.Item name={[f.name, 'key']} style={cell}><KeyText /></Form.Item> },
        {
          title: '参数名称',
          width: 'minmax(200px, 3fr)',
          render: (f, i) => (
            <Form.Item name={[f.name, 'label']} rules={required('参数名称')} style={cell}>
              <Input maxLength={60} aria-label={`第 ${i + 1} 个参数的名称`} placeholder="如：含磷判定限值" />
            </Form.Item>
          ),
        },
        {
          title: '单位',
          width: '100px',
          render: (f, i) => (
            <Form.Item name={[f.name, 'unit']} style={cell}>
              <Input maxLength={10} aria-label={`第 ${i + 1} 个参数的单位`} placeholder="如：%" />
            </Form.Item>
          ),
        },
        {
          title: '参数值',
          width: '140px',
          render: (f, i) => (
            <Form.Item name={[f.name, 'value']} rules={[{ required: true, message: '请填写参数值' }]} style={cell}>
              <InputNumber style={{ width: '100%' }} aria-label={`第 ${i + 1} 个参数的值`} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

export function QuantitiesSection({ readOnly }: { readOnly: boolean }) {
  const quantities = useList('quantities') as QuantityValues[];
  return (
    <EditableList
      name="quantities"
      noun="数量"
      readOnly={readOnly}
      empty="没有数量。每次检查要登记的数字（如下架 瓶、抽检 批次）在这里添加。"
      create={() => newQuantity(nextKey('qty', keysOf(quantities)))}
      columns={[
        { title: '代号', width: '96px', render: (f) => <Form.Item name={[f.name, 'key']} style={cell}><KeyText /></Form.Item> },
        {
          title: '数量名称',
          width: 'minmax(180px, 3fr)',
          render: (f, i) => (
            <Form.Item name={[f.name, 'label']} rules={required('数量名称')} style={cell}>
              <Input maxLength={40} aria-label={`第 ${i + 1} 个数量的名称`} placeholder="如：下架含磷洗涤用品" />
            </Form.Item>
          ),
        },
        {
          title: '单位',
          width: '110px',
          render: (f, i) => (
            <Form.Item name={[f.name, 'unit']} rules={required('单位')} style={cell}>
              <Input maxLength={10} aria-label={`第 ${i + 1} 个数量的单位`} placeholder="如：瓶（袋）" />
            </Form.Item>
          ),
        },
        {
          title: '只能为整数',
          width: '90px',
          render: (f, i) => (
            <Form.Item name={[f.name, 'integer']} valuePropName="checked" style={cell}>
              <Checkbox aria-label={`第 ${i + 1} 个数量只能为整数`}>整数</Checkbox>
            </Form.Item>
          ),
        },
        {
          title: '不超过',
          width: 'minmax(160px, 2fr)',
          render: (f, i) => (
            <Form.Item name={[f.name, 'notMoreThan']} style={cell}>
              <Select
                allowClear
                placeholder="（不限）"
                aria-label={`第 ${i + 1} 个数量不超过`}
                options={optionsOf(quantities, quantities[i]?.key)}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

export function TalliesSection({ readOnly }: { readOnly: boolean }) {
  const tallies = useList('tallies');
  const quantities = useList('quantities') as QuantityValues[];
  return (
    <EditableList
      name="tallies"
      noun="统计项"
      readOnly={readOnly}
      empty="至少需要一个统计项，如“检查经营主体 户次”。"
      create={() => newTally(nextKey('tally', keysOf(tallies)))}
      columns={[
        { title: '代号', width: '96px', render: (f) => <Form.Item name={[f.name, 'key']} style={cell}><KeyText /></Form.Item> },
        {
          title: '统计项名称',
          width: 'minmax(160px, 2fr)',
          render: (f, i) => (
            <Form.Item name={[f.name, 'label']} rules={required('统计项名称')} style={cell}>
              <Input maxLength={40} aria-label={`第 ${i + 1} 个统计项的名称`} placeholder="如：检查经营主体" />
            </Form.Item>
          ),
        },
        {
          title: '单位',
          width: '100px',
          render: (f, i) => (
            <Form.Item name={[f.name, 'unit']} rules={required('单位')} style={cell}>
              <Input maxLength={10} aria-label={`第 ${i + 1} 个统计项的单位`} placeholder="如：户次" />
            </Form.Item>
          ),
        },
        {
          title: '计算方法',
          width: 'minmax(180px, 2fr)',
          render: (f, i) => (
            <Form.Item name={[f.name, 'source']} style={cell}>
              <Select aria-label={`第 ${i + 1} 个统计项的计算方法`} options={tallySources.map((s) => ({ value: s, label: tallySourceLabels[s] }))} />
            </Form.Item>
          ),
        },
        {
          title: '合计的数量',
          width: 'minmax(160px, 2fr)',
          render: (f, i) => (
            <Form.Item noStyle shouldUpdate={(a: TemplateValues, b: TemplateValues) => a.tallies?.[i]?.source !== b.tallies?.[i]?.source}>
              {({ getFieldValue }) =>
                getFieldValue(['tallies', f.name, 'source']) === 'quantity' ? (
                  <Form.Item name={[f.name, 'quantity']} rules={[{ required: true, message: '请选择要合计的数量' }]} style={cell}>
                    <Select aria-label={`第 ${i + 1} 个统计项合计的数量`} placeholder="选择数量" options={optionsOf(quantities)} />
                  </Form.Item>
                ) : (
                  <span style={{ color: 'rgba(0,0,0,0.25)', lineHeight: '32px' }}>—</span>
                )
              }
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
