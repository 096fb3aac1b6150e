import { describe, expect, it } from 'vitest';
import { detectHeader, normaliseHeader } from './headers';

const ALIASES = {
  name: ['企业名称', '名称'],
  code: ['统一社会信用代码', '注册号'],
  phone: ['联系电话', '电话'],
  grid: ['网格'],
  former: ['原企业名称'],
} as const;

describe('detectHeader', () => {
  it('normalises header cells: 全角, spaces, * marks, trailing colon', () => {
    expect(normaliseHeader(' ＊企业\u3000名称： ')).toBe('企业名称');
    expect(normaliseHeader('ＩＤ')).toBe('id');
  });

  it('skips title rows and finds the header with the most recognised columns', () => {
    const rows = [
      ['华容县市场主体名录'],
      ['填报单位：华容县市场监督管理局', null, '填报日期：2024-01-05'],
      [],
      ['序号', '*企业名称（必填）', '统一社会\n信用代码', '经营者联系电话'],
      ['1', '甲公司', '91430623MA4L000001', '13800000000'],
    ];
    expect(detectHeader(rows, ALIASES)).toEqual({ headerIndex: 3, mapping: { name: 1, code: 2, phone: 3 } });
  });

  it('prefers exact names, gives each field one column and each column one field', () => {
    const rows = [['产品名称', '企业名称', '原企业名称', '网格员', '电话', '联系电话', '注册号/统一社会信用代码']];
    // 产品名称 only ends in 名称, 企业名称 is exact; 网格员 is not a 网格; the first exact 电话-like column wins.
    expect(detectHeader(rows, ALIASES)).toEqual({ headerIndex: 0, mapping: { name: 1, former: 2, phone: 4, code: 6 } });
  });

  it('needs the name column and one more', () => {
    expect(detectHeader([['企业名称', '地址']], ALIASES)).toBeNull();
    expect(detectHeader([['统一社会信用代码', '电话']], ALIASES)).toBeNull();
    expect(detectHeader([], ALIASES)).toBeNull();
  });

  it('looks at the first 20 rows only', () => {
    const rows = [...Array.from({ length: 20 }, () => ['说明']), ['企业名称', '电话']];
    expect(detectHeader(rows, ALIASES)).toBeNull();
    expect(detectHeader(rows.slice(1), ALIASES)).toEqual({ headerIndex: 19, mapping: { name: 0, phone: 1 } });
  });
});
