// Inputs the generated notice form needs beyond antd's own: money in yuan with its capital
// numerals underneath, and the rows of a 送达回证 (one line per document served).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { capitalYuan } from './capital';
import type { FieldSpec } from './fieldSpec';

/** Money entered in yuan with two decimals, kept as fen (分); the capital form shows below. */
export function YuanInput({ value, onChange, id }: { value?: number | null; onChange?: (fen: number) => void; id?: string }) {
  const fen = typeof value === 'number' ? value : 0;
  return (
    <div>
      <InputNumber<number>
        id={id}
        style={{ width: '100%' }}
        min={0}
        max={1_000_000_000}
        precision={2}
        step={100}
        suffix="元"
        value={fen / 100}
        onChange={(yuan) => onChange?.(Math.round((yuan ?? 0) * 100))}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={id ? `${id}-capital` : undefined}>
        大写：{capitalYuan(fen)}
      </Typography.Text>
    </div>
  );
}

/** One input for a column of a row, under the column's label. */
function cellInput(c: FieldSpec) {
  switch (c.kind) {
    case 'choice':
      return <Select options={c.options.map((o) => ({ value: o, label: o }))} placeholder="请选择" />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} placeholder="年-月-日" />;
    default:
      return <Input maxLength={'max' in c ? c.max : 100} />;
  }
}

const SPANS: Record<string, number> = { document: 7, place: 5, method: 4, servedOn: 4, server: 3 };

/** The rows of a table field (送达文书): add, fill and remove lines. */
export function RowsField({ spec, enforce }: { spec: Extract<FieldSpec, { kind: 'rows' }>; enforce: boolean }) {
  return (
    <Form.Item label={spec.label} required={enforce && spec.required}>
      <Form.List
        name={['fields', spec.key]}
        rules={enforce && spec.min > 0 ? [{ validator: async (_, rows?: unknown[]) => ((rows?.length ?? 0) < spec.min ? Promise.reject(new Error(`至少填写 ${spec.min} 行`)) : undefined) }] : undefined}
      >
        {(rows, { add, remove }, { errors }) => (
          <div data-testid={`field-${spec.key}`}>
            {rows.map((row, i) => (
              <Row key={row.key} gutter={8} align="top" aria-label={`第 ${i + 1} 行`}>
                {spec.columns.map((c) => (
                  <Col key={c.key} span={SPANS[c.key] ?? 4}>
                    <Form.Item
                      name={[row.name, c.key]}
                      label={i === 0 ? c.label : undefined}
                      aria-label={c.label}
                      rules={enforce && c.required ? [{ required: true, whitespace: true, message: `请填写${c.label}` }] : undefined}
                    >
                      {cellInput(c)}
                    </Form.Item>
                  </Col>
                ))}
                <Col span={1} style={{ paddingTop: i === 0 ? 30 : 0 }}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${i + 1} 行`} onClick={() => remove(row.name)} disabled={rows.length <= spec.min} />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ method: '直接送达' })} disabled={rows.length >= spec.max}>
              添加一行
            </Button>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}
