// 检查事项: one block per item — group, wording, answer type, required — and under it what the
// type needs: choices, unit, and which answers count as a problem (发现问题).
import { PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Checkbox, Empty, Form, Input, InputNumber, Select, Space, Typography, type FormListFieldData } from 'antd';
import { answerTypeLabels, answerTypes, yesNoAnswers } from '../../../../shared/campaign-template';
import { KeyText, RowTools } from './EditableList';
import { newItem, nextKey, type ItemValues, type TemplateValues } from './templateForm';

const cell = { marginBottom: 8 } as const;
/** Second-line fields: the label before the field, to keep each item short. */
const side = { layout: 'horizontal' as const, colon: false };
const typeOptions = answerTypes.map((t) => ({ value: t, label: answerTypeLabels[t] }));

interface RowProps {
  field: FormListFieldData;
  index: number;
  count: number;
  readOnly: boolean;
  groups: string[];
  params: { value: string; label: string }[];
  onMove(from: number, to: number): void;
  onRemove(index: number): void;
}

function ItemRow({ field, index, count, readOnly, groups, params, onMove, onRemove }: RowProps) {
  const form = Form.useFormInstance<TemplateValues>();
  const type = Form.useWatch(['checklist', field.name, 'type'], form) as ItemValues['type'] | undefined;
  const choices = (Form.useWatch(['checklist', field.name, 'choices'], form) ?? []) as string[];
  const param = Form.useWatch(['checklist', field.name, 'problemParam'], form) as string | null | undefined;
  const n = index + 1;
  const answerOptions = (type === 'yesNo' ? [...yesNoAnswers] : choices).map((a) => ({ value: a, label: a }));

  return (
    <div
      role="group"
      aria-label={`第 ${n} 个检查事项`}
      data-testid={`checklist-row-${index}`}
      style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 12px 0', marginBottom: 8, background: '#fff' }}
    >
      <div style={{ display: 'grid', gridTemplateColumns: '28px 140px minmax(240px, 1fr) 140px 64px 120px 84px', gap: 8, alignItems: 'start' }}>
        <div style={{ lineHeight: '32px', color: 'rgba(0,0,0,0.45)' }}>{n}</div>
        <Form.Item name={[field.name, 'group']} style={cell}>
          <AutoComplete
            options={groups.map((g) => ({ value: g }))}
            placeholder="分组"
            aria-label={`第 ${n} 个检查事项的分组`}
            maxLength={40}
          />
        </Form.Item>
        <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: '请填写检查事项' }]} style={cell}>
          <Input maxLength={200} placeholder="检查事项，如：建立进销货台账" aria-label={`第 ${n} 个检查事项的内容`} />
        </Form.Item>
        <Form.Item name={[field.name, 'type']} style={cell}>
          <Select options={typeOptions} aria-label={`第 ${n} 个检查事项的答案类型`} />
        </Form.Item>
        <Form.Item name={[field.name, 'required']} valuePropName="checked" style={cell}>
          <Checkbox aria-label={`第 ${n} 个检查事项必填`} style={{ lineHeight: '32px' }}>
            必填
          </Checkbox>
        </Form.Item>
        <div className="qb-ellipsis" style={{ lineHeight: '32px' }}>
          <Form.Item name={[field.name, 'key']} noStyle>
            <KeyText />
          </Form.Item>
        </div>
        <div style={{ lineHeight: '32px' }}>
          {!readOnly && <RowTools index={index} count={count} noun="检查事项" onMove={onMove} onRemove={onRemove} />}
        </div>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px', paddingLeft: 36 }}>
        {type === 'choice' && (
          <Form.Item name={[field.name, 'choices']} label="选项" {...side} style={{ ...cell, minWidth: 320, flex: 2 }} rules={[{ type: 'array', min: 2, message: '至少需要两个选项' }]}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['、', '，', ',']} placeholder="输入选项后按回车" aria-label={`第 ${n} 个检查事项的选项`} />
          </Form.Item>
        )}
        {type === 'number' && (
          <Form.Item name={[field.name, 'unit']} label="单位" {...side} rules={[{ required: true, whitespace: true, message: '请填写单位' }]} style={cell}>
            <Input maxLength={10} style={{ width: 90 }} placeholder="如：%" aria-label={`第 ${n} 个检查事项的单位`} />
          </Form.Item>
        )}
        {(type === 'yesNo' || type === 'choice') && (
          <Form.Item name={[field.name, 'problemAnswers']} label="视为问题的答案" {...side} style={{ ...cell, minWidth: 260, flex: 1 }}>
            <Select mode="multiple" options={answerOptions} placeholder="（不作为问题）" aria-label={`第 ${n} 个检查事项视为问题的答案`} />
          </Form.Item>
        )}
        {type === 'number' && (
          <div style={{ display: 'flex', gap: 8, alignItems: 'start' }}>
            <Form.Item name={[field.name, 'problemLimit']} label="达到此值视为问题" {...side} style={cell}>
              <InputNumber disabled={!!param} style={{ width: 110 }} placeholder="限值" aria-label={`第 ${n} 个检查事项的问题限值`} />
            </Form.Item>
            <Form.Item name={[field.name, 'problemParam']} label="或按参数" {...side} style={cell}>
              <Select allowClear options={params} placeholder="选择参数" style={{ width: 220 }} aria-label={`第 ${n} 个检查事项的问题参数`} />
            </Form.Item>
            <Form.Item name={[field.name, 'exclusive']} valuePropName="checked" style={cell}>
              <Checkbox aria-label={`第 ${n} 个检查事项：等于限值不算问题`}>等于限值不算问题</Checkbox>
            </Form.Item>
          </div>
        )}
        <Form.Item name={[field.name, 'hint']} label="填写说明" {...side} style={{ ...cell, minWidth: 240, flex: 1 }}>
          <Input maxLength={200} placeholder="（可不填）" aria-label={`第 ${n} 个检查事项的填写说明`} />
        </Form.Item>
      </div>
    </div>
  );
}

export function ChecklistSection({ readOnly }: { readOnly: boolean }) {
  const form = Form.useFormInstance<TemplateValues>();
  const items = (Form.useWatch('checklist', form) ?? []) as ItemValues[];
  const params = ((Form.useWatch('parameters', form) ?? []) as TemplateValues['parameters'])
    .filter((p) => p?.key)
    .map((p) => ({ value: p.key, label: p.label ? `${p.label}${p.value !== null ? `（${p.value}${p.unit ?? ''}）` : ''}` : p.key }));
  const groups = [...new Set(items.map((i) => i?.group).filter((g): g is string => !!g))];

  return (
    <Form.List name="checklist">
      {(fields, { add, remove, move }) => (
        <div>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="至少需要一个检查事项。" />}
          {fields.map((field, index) => (
            <ItemRow
              key={field.key}
              field={field}
              index={index}
              count={fields.length}
              readOnly={readOnly}
              groups={groups}
              params={params}
              onMove={move}
              onRemove={remove}
            />
          ))}
          {!readOnly && (
            <Space>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => {
                  const last = items[items.length - 1];
                  add({ ...newItem(nextKey('item', items.map((i) => i?.key))), group: last?.group ?? null });
                  // The new item's wording is what the clerk types next.
                  requestAnimationFrame(() =>
                    document.querySelector<HTMLInputElement>(`[data-testid="checklist-row-${fields.length}"] input[aria-label$="的内容"]`)?.focus(),
                  );
                }}
              >
                添加检查事项
              </Button>
              <Typography.Text type="secondary">新事项沿用上一项的分组</Typography.Text>
            </Space>
          )}
        </div>
      )}
    </Form.List>
  );
}
