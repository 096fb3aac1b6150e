// The building blocks of the record forms: each field under the label its schema gives it (so the
// form and the backend's messages name it the same way), with the limits the schema sets.
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import type { RecordKind } from '../../../../shared/dossier';
import { recordFieldLabel } from '../record/RecordFields';

interface FieldProps {
  kind: RecordKind;
  name: string;
  required?: boolean;
  /** Instead of the schema's label. */
  label?: string;
  extra?: ReactNode;
  placeholder?: string;
}

const rules = (required: boolean | undefined, message: string) => (required ? [{ required: true, message }] : undefined);

/** A one-line text. */
export function TextField({ kind, name, required, label, extra, placeholder, max = 100, autoFocus }: FieldProps & { max?: number; autoFocus?: boolean }) {
  const text = label ?? recordFieldLabel(kind, name);
  return (
    <Form.Item name={['data', name]} label={text} rules={rules(required, `请填写${text}`)} extra={extra}>
      <Input maxLength={max} placeholder={placeholder} autoFocus={autoFocus} />
    </Form.Item>
  );
}

/** A longer text, growing with what is typed. */
export function ProseField({ kind, name, required, label, extra, placeholder, max = 5000, rows = 3 }: FieldProps & { max?: number; rows?: number }) {
  const text = label ?? recordFieldLabel(kind, name);
  return (
    <Form.Item name={['data', name]} label={text} rules={rules(required, `请填写${text}`)} extra={extra}>
      <Input.TextArea maxLength={max} autoSize={{ minRows: rows, maxRows: 12 }} placeholder={placeholder} showCount={max > 500} />
    </Form.Item>
  );
}

/** A date, typed (2026-04-13) or picked. */
export function DateField({ kind, name, required, label, extra }: FieldProps) {
  const text = label ?? recordFieldLabel(kind, name);
  return (
    <Form.Item name={['data', name]} label={text} rules={rules(required, `请选择${text}`)} extra={extra}>
      <DatePicker style={{ width: '100%' }} placeholder="年-月-日" />
    </Form.Item>
  );
}

/** People's names: type one, press Enter, type the next. */
export function NamesField({ kind, name, required, label, placeholder }: FieldProps) {
  const text = label ?? recordFieldLabel(kind, name);
  return (
    <Form.Item
      name={['data', name]}
      label={text}
      rules={required ? [{ required: true, type: 'array', min: 1, message: `请填写${text}` }] : undefined}
      extra="输入姓名后按回车，可填多人"
    >
      <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['、', '，', ',', ' ']} placeholder={placeholder ?? '如：张三、李四'} />
    </Form.Item>
  );
}

/** One value from a fixed list. */
export function ChoiceField({ kind, name, required, label, extra, options, placeholder }: FieldProps & { options: readonly string[] | { value: string; label: string }[] }) {
  const text = label ?? recordFieldLabel(kind, name);
  const opts = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  return (
    <Form.Item name={['data', name]} label={text} rules={rules(required, `请选择${text}`)} extra={extra}>
      <Select options={opts} placeholder={placeholder ?? '请选择'} allowClear={!required} />
    </Form.Item>
  );
}

/** Money entered in yuan with two decimals, kept as fen (分). */
function YuanInput({ value, onChange, id }: { value?: number | null; onChange?: (fen: number) => void; id?: string }) {
  return (
    <InputNumber<number>
      id={id}
      style={{ width: '100%' }}
      min={0}
      max={1_000_000_000}
      precision={2}
      step={100}
      suffix="元"
      value={typeof value === 'number' ? value / 100 : null}
      onChange={(yuan) => onChange?.(Math.round((yuan ?? 0) * 100))}
    />
  );
}

export function MoneyField({ kind, name, label }: FieldProps) {
  return (
    <Form.Item name={['data', name]} label={label ?? recordFieldLabel(kind, name)}>
      <YuanInput />
    </Form.Item>
  );
}
