// How registry values look: colours of classes and statuses, shared by the list and the detail page.
import { Tag } from 'antd';
import { creditClassLabels, UNCLASSIFIED, type Enterprise } from '../../../shared/enterprise';

const supervisionColors: Record<string, string> = { 严管: 'red', 专管: 'orange', 普通: 'default' };
const creditColors: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
const statusColors: Record<string, string> = { 存续: 'default', 停业: 'warning', 注销: 'default', 吊销: 'error', 迁出: 'default' };

export function SupervisionTag({ value }: { value: Enterprise['supervisionClass'] }) {
  return <Tag color={supervisionColors[value]}>{value}</Tag>;
}

export function CreditTag({ value, long }: { value: Enterprise['creditClass']; long?: boolean }) {
  if (!value) return <Tag>{UNCLASSIFIED}</Tag>;
  return (
    <Tag color={creditColors[value]} title={creditClassLabels[value]}>
      {long ? creditClassLabels[value] : `${value} 类`}
    </Tag>
  );
}

export function StatusText({ value }: { value: Enterprise['status'] }) {
  return value === '存续' ? <span>存续</span> : <Tag color={statusColors[value]}>{value}</Tag>;
}
