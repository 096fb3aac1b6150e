// The fields of a notice type as a form, generated from the contract (noticeFields): each field
// under its Chinese label, long texts as text areas, dates, names, amounts in yuan and the rows of
// a 送达回证. In bulk mode nothing is required: each notice's own record fills what is left empty.
import { Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { NoticeType } from '../../../shared/notice';
import { RowsField, YuanInput } from './fieldInputs';
import { fieldSpecs, moneyLabel, type FieldSpec } from './fieldSpec';

const span = (s: FieldSpec): number => {
  switch (s.kind) {
    case 'prose':
    case 'rows':
      return 24;
    case 'text':
      return s.max > 100 ? 24 : 12;
    case 'names':
      return 12;
    default:
      return 8;
  }
};

const hints: Record<string, string> = {
  startedAt: '如：2026年3月5日9时30分',
  endedAt: '如：2026年3月5日11时',
  time: '如：2026年3月10日上午9时',
};

function input(s: FieldSpec, disabled: boolean) {
  switch (s.kind) {
    case 'prose':
      return <Input.TextArea maxLength={s.max} autoSize={{ minRows: s.max > 500 ? 3 : 2, maxRows: 14 }} showCount={s.max > 500} disabled={disabled} />;
    case 'text':
      return <Input maxLength={s.max} placeholder={hints[s.key]} disabled={disabled} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} placeholder="年-月-日" disabled={disabled} />;
    case 'money':
      return <YuanInput />;
    case 'choice':
      return <Select options={s.options.map((o) => ({ value: o, label: o }))} disabled={disabled} />;
    case 'names':
      return (
        <Select
          mode="tags"
          open={false}
          suffixIcon={null}
          tokenSeparators={['、', '，', ',', ' ']}
          placeholder={s.key === 'certNos' ? '输入证号后按回车' : '输入姓名后按回车，如：张三、李四'}
          disabled={disabled}
        />
      );
    default:
      return null;
  }
}

function rules(s: FieldSpec, enforce: boolean) {
  if (!enforce || !s.required) return undefined;
  if (s.kind === 'names') return [{ required: true, type: 'array' as const, min: s.min, message: `请填写${s.label}（至少 ${s.min} 个）` }];
  return [{ required: true, whitespace: true, message: `请填写${s.label}` }];
}

export function NoticeFieldsForm({ type, bulk = false }: { type: NoticeType; bulk?: boolean }) {
  const specs = fieldSpecs(type);
  // 立即改正 and a deadline exclude each other (责令改正通知书).
  const immediately = Form.useWatch(['fields', 'immediately']) === true;
  const enforce = !bulk;
  return (
    <Row gutter={24}>
      {specs.map((s) => {
        if (s.kind === 'rows') {
          return (
            <Col key={s.key} span={24}>
              <RowsField spec={s} enforce={enforce} />
            </Col>
          );
        }
        const disabled = s.key === 'deadlineOn' && immediately;
        const label = s.kind === 'money' ? moneyLabel(s.label) : s.label;
        return (
          <Col key={s.key} span={span(s)} data-testid={`field-${s.key}`}>
            <Form.Item
              name={['fields', s.key]}
              label={s.kind === 'boolean' ? undefined : label}
              required={enforce && s.required}
              rules={rules(s, enforce)}
              valuePropName={s.kind === 'boolean' ? 'checked' : undefined}
              extra={disabled ? '已选“立即改正”，不设期限' : undefined}
              style={s.kind === 'boolean' ? { paddingTop: 30 } : undefined}
            >
              {s.kind === 'boolean' ? <Checkbox>{label}</Checkbox> : input(s, disabled)}
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}
