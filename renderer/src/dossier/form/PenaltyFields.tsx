// 行政处罚 (amounts entered in yuan, kept in fen) and 许可认证 events.
import { Col, Row } from 'antd';
import { licenceEvents, penaltyStatuses } from '../../../../shared/dossier';
import { ChoiceField, DateField, MoneyField, ProseField, TextField } from './fields';

export function PenaltyFields() {
  const kind = 'penalty';
  return (
    <Row gutter={24}>
      <Col span={12}>
        <TextField kind={kind} name="caseNo" required max={60} placeholder="如：华市监处罚〔2026〕12号" />
      </Col>
      <Col span={6}>
        <ChoiceField kind={kind} name="status" required options={penaltyStatuses} />
      </Col>
      <Col span={6}>
        <DateField kind={kind} name="decidedOn" />
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="facts" required rows={3} />
      </Col>
      <Col span={24}>
        <TextField kind={kind} name="legalBasis" max={500} />
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="decision" max={2000} rows={2} />
      </Col>
      <Col span={8}>
        <MoneyField kind={kind} name="fineFen" label="罚款（元）" />
      </Col>
      <Col span={8}>
        <MoneyField kind={kind} name="confiscationFen" label="没收违法所得（元）" />
      </Col>
    </Row>
  );
}

export function LicenceFields() {
  const kind = 'licence';
  return (
    <Row gutter={24}>
      <Col span={6}>
        <ChoiceField kind={kind} name="licenceKind" required options={[{ value: '生产许可证', label: '生产许可证' }, { value: 'CCC', label: 'CCC 认证证书' }, { value: '其他', label: '其他' }]} />
      </Col>
      <Col span={6}>
        <ChoiceField kind={kind} name="event" required options={licenceEvents} />
      </Col>
      <Col span={6}>
        <TextField kind={kind} name="number" required max={60} placeholder="如：XK16-108-01234" />
      </Col>
      <Col span={6}>
        <DateField kind={kind} name="validTo" />
      </Col>
    </Row>
  );
}
