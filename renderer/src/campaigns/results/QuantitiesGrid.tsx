// 数量: what was counted at the visit (瓶/袋 checked, 批次 sampled, kg seized …), never negative,
// whole numbers where the template says so, and never more than the quantity it is part of.
import { Col, Form, InputNumber, Row } from 'antd';
import type { QuantityDef } from '../../../../shared/campaign-template';

export function QuantitiesGrid({ quantities }: { quantities: QuantityDef[] }) {
  if (!quantities.length) return null;
  const labelOf = (key: string) => quantities.find((q) => q.key === key)?.label ?? key;
  return (
    <Row gutter={16} data-testid="result-quantities">
      {quantities.map((q) => (
        <Col key={q.key} xs={12} md={8} xl={6}>
          <Form.Item
            name={['quantities', q.key]}
            label={q.label}
            dependencies={q.notMoreThan ? [['quantities', q.notMoreThan]] : undefined}
            rules={[
              // Said, not silently clamped: a clerk who typed −5 for 5 must see it.
              { type: 'number', min: 0, message: '数量不能为负数' },
              ({ getFieldValue }) => ({
                validator: (_, v: number | null | undefined) => {
                  if (typeof v !== 'number' || !q.notMoreThan) return Promise.resolve();
                  const limit = getFieldValue(['quantities', q.notMoreThan]) as number | null | undefined;
                  return v > (limit ?? 0) ? Promise.reject(new Error(`不能多于${labelOf(q.notMoreThan)}（${limit ?? 0}）`)) : Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber<number> precision={q.integer ? 0 : 2} step={1} placeholder="0" style={{ width: '100%' }} suffix={q.unit} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
