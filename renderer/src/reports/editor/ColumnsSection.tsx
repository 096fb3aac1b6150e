// 列: one block per column: its header path (levels separated by “/”; same texts side by side are
// merged), where the value comes from (a source field, a calculation, fixed text, 序号 or an Excel
// formula), and how it is written (unit, width, number format, code table, 合计, limits).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Form, Input, InputNumber, Select, Tooltip } from 'antd';
import type { SourceField } from '../../../../shared/report-format';
import { RowTools } from '../../campaigns/templates/EditableList';
import { newColumn, valueKindLabels, type ColumnValues, type FormatValues, type ValueKind } from './formatForm';

const cell = { marginBottom: 6 } as const;
const grid = (columns: string) => ({ display: 'grid', gridTemplateColumns: columns, gap: 8, alignItems: 'start' }) as const;
const TOP = '36px minmax(200px, 2fr) 120px minmax(220px, 2fr) 90px 80px 96px';
const BOTTOM = '36px 130px 90px 140px 120px 80px 90px 90px minmax(160px, 1fr)';

const totalOptions = [
  { value: 'sum', label: '求和' },
  { value: 'expr', label: '按计算式' },
  { value: 'label', label: '写“合计”' },
  { value: 'none', label: '留空' },
];

function ValueInput({ kind, name, n, fields }: { kind: ValueKind; name: number; n: number; fields: SourceField[] }) {
  const label = `第 ${n} 列的${valueKindLabels[kind]}`;
  switch (kind) {
    case 'field':
      return (
        <Form.Item name={[name, 'field']} rules={[{ required: true, message: '请选择数据字段' }]} style={cell}>
          <Select
            aria-label={label}
            showSearch
            optionFilterProp="label"
            placeholder="选择字段"
            options={fields.map((f) => ({ value: f.key, label: `${f.label}（${f.key}）` }))}
          />
        </Form.Item>
      );
    case 'expr':
      return (
        <Form.Item name={[name, 'expr']} rules={[{ required: true, whitespace: true, message: '请填写计算式' }]} style={cell}>
          <Input aria-label={label} maxLength={300} placeholder="如：samplingQualified / samplingBatches * 100" />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item name={[name, 'text']} style={cell}>
          <Input aria-label={label} maxLength={200} placeholder="每行都写这段文字" />
        </Form.Item>
      );
    case 'formula':
      return (
        <Form.Item name={[name, 'formula']} rules={[{ required: true, whitespace: true, message: '请填写公式' }]} style={cell}>
          <Input aria-label={label} maxLength={300} placeholder='如：IF(D{r}=0,"",E{r}/D{r})' />
        </Form.Item>
      );
    case 'seq':
      return <div style={{ paddingTop: 5, color: 'rgba(0,0,0,0.45)' }}>按行自动编号 1、2、3…</div>;
  }
}

export function ColumnsSection({ readOnly, fields }: { readOnly: boolean; fields: SourceField[] }) {
  const form = Form.useFormInstance<FormatValues>();
  const columns = (Form.useWatch('columns', form) ?? []) as ColumnValues[];
  const codeTables = ((Form.useWatch('codeTables', form) ?? []) as FormatValues['codeTables']).filter((t) => t?.name);
  return (
    <Form.List name="columns">
      {(items, { add, remove, move }) => (
        <div role="table" aria-label="列">
          {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有列" />}
          {items.length > 0 && (
            <div style={{ ...grid(TOP), fontWeight: 600, background: '#fafafa', padding: '6px 0' }}>
              <div>#</div>
              <div>
                <Tooltip title="多行表头用“/”分隔，从上到下；相邻列上层文字相同会合并为一格">表头（上层 / 下层）</Tooltip>
              </div>
              <div>取值方式</div>
              <div>取值</div>
              <div>单位</div>
              <div>列宽</div>
              {!readOnly && <div>操作</div>}
            </div>
          )}
          {items.map((item, index) => {
            const kind = columns[index]?.kind ?? 'field';
            const n = index + 1;
            return (
              <div key={item.key} data-testid={`column-${index}`} aria-label={`第 ${n} 列`} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0 2px' }}>
                <div style={grid(TOP)}>
                  <div style={{ paddingTop: 5, color: 'rgba(0,0,0,0.45)' }}>{n}</div>
                  <Form.Item name={[item.name, 'header']} rules={[{ required: true, whitespace: true, message: '请填写表头' }]} style={cell}>
                    <Input aria-label={`第 ${n} 列的表头`} maxLength={200} placeholder="如：检查经营主体 / 户次" />
                  </Form.Item>
                  <Form.Item name={[item.name, 'kind']} style={cell}>
                    <Select aria-label={`第 ${n} 列的取值方式`} options={Object.entries(valueKindLabels).map(([value, label]) => ({ value, label }))} />
                  </Form.Item>
                  <ValueInput kind={kind} name={item.name} n={n} fields={fields} />
                  <Form.Item name={[item.name, 'unit']} style={cell}>
                    <Input aria-label={`第 ${n} 列的单位`} maxLength={20} placeholder="如：户次" />
                  </Form.Item>
                  <Form.Item name={[item.name, 'width']} style={cell}>
                    <InputNumber aria-label={`第 ${n} 列的列宽`} min={2} max={120} style={{ width: '100%' }} />
                  </Form.Item>
                  {!readOnly && <RowTools index={index} count={items.length} noun="列" onMove={move} onRemove={remove} />}
                </div>
                <div style={{ ...grid(BOTTOM), fontSize: 12 }}>
                  <div />
                  <Form.Item name={[item.name, 'numFmt']} style={cell}>
                    <Input size="small" aria-label={`第 ${n} 列的数字格式`} maxLength={40} placeholder="数字格式 0.00" />
                  </Form.Item>
                  <Form.Item name={[item.name, 'decimals']} style={cell}>
                    <InputNumber size="small" aria-label={`第 ${n} 列的小数位数`} min={0} max={6} placeholder="小数位" style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'codeTable']} style={cell}>
                    <Select size="small" allowClear aria-label={`第 ${n} 列的代码表`} placeholder="代码表" options={codeTables.map((t) => ({ value: t.name, label: t.name }))} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'total']} style={cell}>
                    <Select size="small" allowClear aria-label={`第 ${n} 列的合计方式`} placeholder="合计：自动" options={totalOptions} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'required']} valuePropName="checked" style={cell}>
                    <Checkbox aria-label={`第 ${n} 列必填`}>必填</Checkbox>
                  </Form.Item>
                  <Form.Item name={[item.name, 'min']} style={cell}>
                    <InputNumber size="small" aria-label={`第 ${n} 列的最小值`} placeholder="最小值" style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'max']} style={cell}>
                    <InputNumber size="small" aria-label={`第 ${n} 列的最大值`} placeholder="最大值" style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'rollupHeader']} style={cell}>
                    <Input size="small" aria-label={`第 ${n} 列的汇总表表头`} maxLength={200} placeholder="市局汇总表中的表头（不填同上）" />
                  </Form.Item>
                </div>
              </div>
            );
          })}
          {!readOnly && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newColumn())} style={{ marginTop: 8 }} data-testid="column-add">
              添加列
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
