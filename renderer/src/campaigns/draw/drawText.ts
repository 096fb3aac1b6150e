// How a draw's parameters read for the clerk.
import type { DrawParams } from '../../../../shared/campaign';

export const classKeys = ['A', 'B', 'C', 'D', 'none'] as const;
export type ClassKey = (typeof classKeys)[number];
export const classLabels: Record<ClassKey, string> = { A: 'A 类（低风险）', B: 'B 类（一般风险）', C: 'C 类（较高风险）', D: 'D 类（高风险）', none: '未分类' };
const shortLabels: Record<ClassKey, string> = { A: 'A 类', B: 'B 类', C: 'C 类', D: 'D 类', none: '未分类' };

/** 国市监信发〔2022〕6号 leaves the rates to the provinces; these are one province's, changeable on the form. */
export const defaultProportions: Record<ClassKey, number> = { A: 1, B: 2, C: 10, D: 30, none: 2 };

/** 固定户数 20 户 · 回避本所执法人员 */
export function drawParamsText(p: DrawParams): string {
  const how =
    p.mode === 'count'
      ? `固定户数 ${p.count ?? 0} 户`
      : `按信用风险分类比例：${classKeys.map((k) => `${shortLabels[k]} ${p.proportions?.[k] ?? 0}%`).join('、')}`;
  return p.excludeOwnTownship ? `${how}；回避本所执法人员` : how;
}
