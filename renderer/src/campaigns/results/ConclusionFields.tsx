// 发现的问题, 检查结果 and 同时责令整改. Flagged items fill 发现的问题 and 存在的问题 (until the clerk
// writes them), and suggest a 检查结果 of 发现问题…; the clerk's own choice always wins.
import { Alert, Button, Col, DatePicker, Form, Input, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect } from 'react';
import type { Campaign } from '../../../../shared/campaign';
import { inspectionResults } from '../../../../shared/dossier';
import { CLEAN_RESULTS, RECTIFY_DAYS, type ResultFormValues } from './formValues';
import { problemLines } from './problems';

const numbered = (lines: string[]) => lines.map((l, i) => (lines.length > 1 ? `${i + 1}. ${l}` : l)).join('\n');

export function ConclusionFields({ campaign }: { campaign: Campaign }) {
  const form = Form.useFormInstance<ResultFormValues>();
  const answers = Form.useWatch('answers', form);
  const rectify = Form.useWatch('rectify', form) ?? false;
  const result = Form.useWatch('result', form);
  const inspectedOn = Form.useWatch('inspectedOn', form);
  const lines = problemLines(campaign.template.checklist, answers ?? {}, campaign);
  const text = numbered(lines);

  // A suggestion leaves the field untouched (setFieldValue would mark it as the clerk's own).
  const suggest = useCallback((name: Parameters<typeof form.isFieldTouched>[0], value: unknown) => form.setFields([{ name, value }]), [form]);

  useEffect(() => {
    if (!form.isFieldTouched('findings')) suggest('findings', text);
    if (rectify && !form.isFieldTouched(['rectification', 'problem'])) suggest(['rectification', 'problem'], text);
    if (!form.isFieldTouched('result')) {
      suggest('result', lines.length === 0 && !rectify ? '未发现问题' : rectify ? '发现问题已责令改正' : '发现问题待后续处理');
    }
  }, [form, suggest, text, lines.length, rectify]);

  useEffect(() => {
    if (inspectedOn && !form.isFieldTouched(['rectification', 'deadlineOn'])) {
      suggest(['rectification', 'deadlineOn'], inspectedOn.add(RECTIFY_DAYS, 'day'));
    }
  }, [form, suggest, inspectedOn]);

  return (
    <Row gutter={24} data-testid="result-conclusion">
      <Col span={24}>
        <Form.Item
          name="findings"
          label={
            <span>
              发现的问题
              {lines.length > 0 && (
                <Button type="link" size="small" tabIndex={-1} onClick={() => form.setFieldValue('findings', text)}>
                  按问题事项重新填写
                </Button>
              )}
            </span>
          }
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} placeholder="未发现问题可不填" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="result" label="检查结果" rules={[{ required: true, message: '请选择检查结果' }]}>
          <Select options={inspectionResults.map((r) => ({ value: r, label: r }))} data-testid="result-result" />
        </Form.Item>
      </Col>
      <Col span={12}>
        {lines.length > 0 && result && CLEAN_RESULTS.has(result) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 30 }}
            title={`有 ${lines.length} 项判为问题，检查结果不能是「${result}」`}
            action={
              <Button size="small" onClick={() => form.setFieldValue('result', rectify ? '发现问题已责令改正' : '发现问题待后续处理')}>
                改为发现问题
              </Button>
            }
          />
        )}
      </Col>
      <Col span={24}>
        <Form.Item name="rectify" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Switch checkedChildren="同时责令整改" unCheckedChildren="同时责令整改" data-testid="result-rectify" />
        </Form.Item>
        {!rectify && lines.length > 0 && (
          <Typography.Paragraph type="secondary">发现问题需要限期整改的，打开「同时责令整改」，保存时一并登记责令改正和整改期限。</Typography.Paragraph>
        )}
      </Col>
      {rectify && (
        <Col span={24}>
          <div className="qb-rectify-box" data-testid="result-rectification">
            <Row gutter={24}>
              <Col span={24}>
                <Form.Item name={['rectification', 'problem']} label="存在的问题" rules={[{ required: true, whitespace: true, message: '请填写存在的问题' }]}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name={['rectification', 'requirement']} label="整改要求">
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="如：立即下架含磷洗涤用品，完善进货查验记录" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name={['rectification', 'deadlineOn']}
                  label="整改期限"
                  dependencies={['inspectedOn']}
                  rules={[
                    { required: true, message: '请选择整改期限' },
                    ({ getFieldValue }) => ({
                      validator: (_, v: Dayjs | undefined) => {
                        const on = getFieldValue('inspectedOn') as Dayjs | undefined;
                        return v && on && v.isBefore(on, 'day') ? Promise.reject(new Error('整改期限不能早于检查日期')) : Promise.resolve();
                      },
                    }),
                  ]}
                  extra={`默认为检查日期后 ${RECTIFY_DAYS} 天`}
                >
                  <DatePicker style={{ width: '100%' }} placeholder="年-月-日" />
                </Form.Item>
              </Col>
            </Row>
          </div>
        </Col>
      )}
    </Row>
  );
}
