import { describe, expect, it } from 'vitest';
import { parseRow, townshipInAddress, type RowProblem } from './import-row';

const townships = [
  { code: '430623100', name: '章华镇' },
  { code: '430623101', name: '治河渡镇' },
  { code: '430623102', name: '东山镇' },
];
const ctx = { townships, mapping: { name: 0, address: 1, phone: 2 } };

describe('reading one row', () => {
  it('gives a new enterprise the township its address names, without claiming the column', () => {
    const row = parseRow(['华容县章华镇兴旺商行', '湖南省岳阳市华容县章华镇人民路107号', null], ctx);
    expect(row.data.townshipCode).toBe('430623100');
    // An update keeps the stored township: it did not come from the file.
    expect(row.present.has('townshipCode')).toBe(false);
    expect(parseRow(['某商行', '华容县人民路1号', null], ctx).data.townshipCode).toBeNull();
    expect(townshipInAddress('章华镇与东山镇交界处', townships)).toBeNull();
    expect(townshipInAddress('华容县治河渡镇', townships)?.code).toBe('430623101');
  });

  it('quotes the value the file has when a field is refused', () => {
    let problem: RowProblem | null = null;
    try {
      parseRow(['华容县测试商行', '华容县', '1390730abcd'], ctx);
    } catch (err) {
      problem = err as RowProblem;
    }
    expect(problem?.field).toBe('phone');
    expect(problem?.message).toContain('（原值：1390730abcd）');
  });

  it('reads 未分类 (as the list and the export write it) as no credit class given', () => {
    const credit = { townships, mapping: { name: 0, creditClass: 1 } };
    const none = parseRow(['华容县测试商行', '未分类'], credit);
    expect(none.data.creditClass).toBeNull();
    expect(none.present.has('creditClass')).toBe(false);
    expect(parseRow(['华容县测试商行', 'B 类（一般风险）'], credit).data.creditClass).toBe('B');
    expect(() => parseRow(['华容县测试商行', '优秀'], credit)).toThrow('无法识别信用风险分类「优秀」');
  });
});
