import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parseDateCell } from './dates';

const ok = (date: string) => ({ ok: true, date });

describe('parseDateCell', () => {
  it.each([
    ['2023-04-13', '2023-04-13'],
    ['2023-4-3', '2023-04-03'],
    ['2023/4/13', '2023-04-13'],
    ['2023.4.13', '2023-04-13'],
    ['2023年4月13日', '2023-04-13'],
    ['2023 年 4 月 13 日', '2023-04-13'],
    ['２０２３／４／１３', '2023-04-13'],
    ['20230413', '2023-04-13'],
    ['2023-04-13T00:00:00', '2023-04-13'],
    ['2023-04-13 00:00:00.0', '2023-04-13'],
    ['2023/4/13 0:00:00', '2023-04-13'],
    ['2023/4/13 23:59', '2023-04-13'],
    // An instant written in UTC is a Beijing day: midnight in Beijing is 16:00 the day before in UTC.
    ['2023-04-12T16:00:00Z', '2023-04-13'],
    ['2023-04-12T16:00:00.000Z', '2023-04-13'],
    ['2023-04-13T08:00:00+08:00', '2023-04-13'],
    ['  2024-02-29 ', '2024-02-29'],
  ])('reads %j as %s', (text, date) => {
    expect(parseDateCell(text)).toEqual(ok(date));
  });

  it('reads Excel serial numbers written as text, in the 1900 date system', () => {
    expect(parseDateCell('45029')).toEqual(ok('2023-04-13'));
    expect(parseDateCell('45029.75')).toEqual(ok('2023-04-13'));
    expect(parseDateCell('1')).toEqual(ok('1900-01-01'));
    expect(parseDateCell('59')).toEqual(ok('1900-02-28'));
    expect(parseDateCell('61')).toEqual(ok('1900-03-01'));
    expect(parseDateCell('73050')).toEqual(ok('2099-12-31'));
    // Serial 60 is Excel's 1900-02-29, a day that never was.
    expect(parseDateCell('60')).toMatchObject({ ok: false, reason: expect.stringContaining('1900-02-29') });
  });

  it.each([
    ['2023-02-30', '日期不存在：2023-02-30'],
    ['2023年2月29日', '日期不存在：2023-02-29'],
    ['20231301', '月份不存在：20231301'],
    ['2023-13-01', '月份不存在：2023-13-01'],
    ['1899-12-31', '年份超出范围（1900–2099）：1899-12-31'],
    ['9999-12-31', '年份超出范围（1900–2099）：9999-12-31'],
    ['', '日期为空'],
    ['2023', '只有年份，缺少月和日：2023'],
    ['2023-04', '日期缺少日：2023-04'],
    ['2023年4月', '日期缺少日：2023年4月'],
    ['202304', '日期不完整：202304（请写成 2023-04-13 这样的格式）'],
    ['73051', '无法识别的日期：73051（请写成 2023-04-13 这样的格式）'],
    ['0', '无法识别的日期：0（请写成 2023-04-13 这样的格式）'],
    ['-45029', '无法识别的日期：-45029（请写成 2023-04-13 这样的格式）'],
    ['2023-04/13', '无法识别的日期：2023-04/13（请写成 2023-04-13 这样的格式）'],
    ['2023-04-13 25:00', '时间不存在：2023-04-13 25:00'],
    ['2023-04-13 下午', '无法识别的日期：2023-04-13 下午（请写成 2023-04-13 这样的格式）'],
    ['4/13/2023', '无法识别的日期：4/13/2023（请写成 2023-04-13 这样的格式）'],
    ['长期', '无法识别的日期：长期（请写成 2023-04-13 这样的格式）'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseDateCell(text)).toEqual({ ok: false, reason });
  });
});

describe('excelSerialToDate', () => {
  it('counts the 1900 and 1904 systems as Excel does', () => {
    expect(excelSerialToDate(45029)).toBe('2023-04-13');
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(43567, true)).toBe('2023-04-13');
    expect(excelSerialToDate(0, true)).toBe('1904-01-01');
  });
});
