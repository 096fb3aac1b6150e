// The records that are mostly words: 约谈, 风险提醒, 挂牌督办, 投诉举报, 帮扶, 备注.
import { Col, Row } from 'antd';
import { complaintSources } from '../../../../shared/dossier';
import { ChoiceField, DateField, NamesField, ProseField, TextField } from './fields';

export function InterviewFields() {
  const kind = 'interview';
  return (
    <Row gutter={24}>
      <Col span={24}>
        <ProseField kind={kind} name="reason" required max={500} rows={2} placeholder="如：监督抽查连续两次不合格" />
      </Col>
      <Col span={12}>
        <NamesField kind={kind} name="officials" />
      </Col>
      <Col span={12}>
        <TextField kind={kind} name="attendees" max={200} placeholder="姓名及职务，如：王五（总经理）" />
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="content" />
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="commitments" max={2000} rows={2} />
      </Col>
    </Row>
  );
}

export function RiskReminderFields() {
  const kind = 'riskReminder';
  return (
    <Row gutter={24}>
      <Col span={24}>
        <ProseField kind={kind} name="risk" required max={500} rows={2} placeholder="如：含磷洗涤用品销售风险" />
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="content" rows={4} />
      </Col>
    </Row>
  );
}

export function SupervisionFields() {
  const kind = 'supervision';
  return (
    <Row gutter={24}>
      <Col span={24}>
        <ProseField kind={kind} name="matter" required max={500} rows={2} />
      </Col>
      <Col span={8}>
        <TextField kind={kind} name="authority" placeholder="如：岳阳市市场监督管理局" />
      </Col>
      <Col span={8}>
        <DateField kind={kind} name="deadlineOn" />
      </Col>
      <Col span={8}>
        <DateField kind={kind} name="closedOn" />
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="result" max={2000} rows={2} />
      </Col>
    </Row>
  );
}

export function ComplaintFields() {
  const kind = 'complaint';
  return (
    <Row gutter={24}>
      <Col span={8}>
        <ChoiceField kind={kind} name="source" required options={complaintSources} />
      </Col>
      <Col span={8}>
        <DateField kind={kind} name="receivedOn" required extra="答复期限从这一天起算" />
      </Col>
      <Col span={8}>
        <TextField kind={kind} name="complainant" max={50} placeholder="匿名可不填" />
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="content" required rows={3} />
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="handling" rows={2} />
      </Col>
      <Col span={8}>
        <DateField kind={kind} name="repliedOn" extra="答复后填写，答复期限随之完成" />
      </Col>
    </Row>
  );
}

export function AssistanceFields() {
  const kind = 'assistance';
  return (
    <Row gutter={24}>
      <Col span={12}>
        <TextField kind={kind} name="topic" required max={200} placeholder="如：产品质量提升指导" />
      </Col>
      <Col span={12}>
        <NamesField kind={kind} name="officials" />
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="content" rows={4} />
      </Col>
    </Row>
  );
}

export function NoteFields() {
  return <ProseField kind="note" name="text" required rows={4} />;
}
