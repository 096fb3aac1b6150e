// How campaign values look on the draw, results and dashboard tabs: a target's status, a
// credit class that arrives as plain text.
import { Tag } from 'antd';
import type { TargetStatus } from '../../../shared/campaign';
import { creditClasses, type Enterprise } from '../../../shared/enterprise';

/** One colour per status, the same in tags and charts. */
export const targetStatusColors: Record<TargetStatus, string> = {
  未检查: '#bfbfbf',
  已检查无问题: '#52c41a',
  发现问题: '#f5222d',
  整改中: '#fa8c16',
  已整改: '#1677ff',
};

const tagColors: Record<TargetStatus, string> = { 未检查: 'default', 已检查无问题: 'success', 发现问题: 'error', 整改中: 'warning', 已整改: 'processing' };

export function TargetStatusTag({ value }: { value: TargetStatus }) {
  return <Tag color={tagColors[value]}>{value}</Tag>;
}

/** A credit class from a row that carries it as text ('A'…'D' or null). */
export const creditOf = (v: string | null): Enterprise['creditClass'] =>
  (creditClasses as readonly string[]).includes(v ?? '') ? (v as Enterprise['creditClass']) : null;
