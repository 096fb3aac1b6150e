// 责令改正: the problem and its legal basis, what must be corrected by when, and the 复查 (filled in
// when the office goes back: the same fields the 记录复查 dialog edits).
import { Col, Divider, Form, Radio, Row } from 'antd';
import { rectificationOutcomes } from '../../../../shared/dossier';
import { DateField, NamesField, ProseField, TextField } from './fields';

const kind = 'rectification';

export function RecheckFields({ required }: { required?: boolean }) {
  return (
    <Row gutter={24}>
      <Col span={8}>
        <DateField kind={kind} name="recheckOn" required={required} />
      </Col>
      <Col span={16}>
        <NamesField kind={kind} name="recheckInspectors" required={required} />
      </Col>
      <Col span={24}>
        <Form.Item name={['data', 'outcome']} label="复查结果" rules={required ? [{ required: true, message: '请选择复查结果' }] : undefined}>
          <Radio.Group options={rectificationOutcomes.map((o) => ({ value: o, label: o }))} optionType="button" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="recheckNote" max={2000} rows={2} placeholder="如：已停止销售并召回，整改报告已提交" />
      </Col>
    </Row>
  );
}

export function RectificationFields() {
  return (
    <>
      <Row gutter={24}>
        <Col span={24}>
          <ProseField kind={kind} name="problem" required max={2000} rows={2} placeholder="经查……" />
        </Col>
        <Col span={24}>
          <TextField kind={kind} name="legalBasis" max={500} placeholder="如：《中华人民共和国产品质量法》第十三条" />
        </Col>
        <Col span={24}>
          <ProseField kind={kind} name="requirement" max={2000} rows={2} />
        </Col>
        <Col span={8}>
          <DateField kind={kind} name="deadlineOn" required extra="不能早于责令改正日期" />
        </Col>
        <Col span={8}>
          <DateField kind={kind} name="recheckDueOn" extra="监督抽查不合格的，应在责令整改之日起 75 日内复查" />
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        复查（复查后填写）
      </Divider>
      <RecheckFields />
    </>
  );
}
