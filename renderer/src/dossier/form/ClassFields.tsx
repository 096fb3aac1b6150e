// 信用变更 and 监管类别调整: saving sets the enterprise's current class. They cannot be edited
// afterwards (only voided and made again), which the form says before the clerk saves.
import { Alert, Col, Row } from 'antd';
import { creditListings } from '../../../../shared/dossier';
import { creditClassLabels, creditClasses, supervisionClasses, type Enterprise } from '../../../../shared/enterprise';
import { ChoiceField, ProseField } from './fields';
import { UNCLASSIFIED } from './values';

const notice = (
  <Col span={24}>
    <Alert type="info" showIcon style={{ marginBottom: 16 }} title="保存后立即改变企业当前的分类，记录保存后不能修改；如有错误，请作废后重新调整。" />
  </Col>
);

export function CreditFields({ current }: { current: Enterprise['creditClass'] }) {
  const kind = 'credit';
  return (
    <Row gutter={24}>
      {notice}
      <Col span={8}>
        <ChoiceField
          kind={kind}
          name="to"
          required
          extra={`目前为${current ? creditClassLabels[current] : '未分类'}`}
          options={[...creditClasses.map((c) => ({ value: c, label: creditClassLabels[c] })), { value: UNCLASSIFIED, label: '未分类' }]}
        />
      </Col>
      <Col span={8}>
        <ChoiceField kind={kind} name="listing" options={creditListings} placeholder="无" />
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="reason" required max={1000} rows={2} />
      </Col>
    </Row>
  );
}

export function SupervisionClassFields({ current }: { current: Enterprise['supervisionClass'] }) {
  const kind = 'supervisionClass';
  return (
    <Row gutter={24}>
      {notice}
      <Col span={8}>
        <ChoiceField kind={kind} name="to" required options={supervisionClasses} extra={`目前为${current}`} />
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="reason" required max={1000} rows={2} placeholder="如：产品纳入重点工业产品目录" />
      </Col>
    </Row>
  );
}
