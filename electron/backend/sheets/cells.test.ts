import { describe, expect, it } from 'vitest';
import { cleanText, dateCellText, expandExponent, numberText } from './cells';

describe('cell normalisation', () => {
  it('trims every kind of space and turns blank into null', () => {
    expect(cleanText('\u00a0 华容县\u3000\u200b')).toBe('华容县');
    expect(cleanText(' \t\r\n\u3000 ')).toBeNull();
    expect(cleanText('章华镇 人民路')).toBe('章华镇 人民路');
  });

  it('writes numbers as plain decimals, integers exact', () => {
    expect(numberText(430623000012345)).toBe('430623000012345');
    expect(numberText(9007199254740991)).toBe('9007199254740991');
    // An 18-digit code typed as a number was already rounded by Excel to 15 digits; show what Excel shows.
    expect(numberText(914306231234567890)).toBe('914306231234568000');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(-12.5)).toBe('-12.5');
    expect(numberText(-0)).toBe('0');
    expect(numberText(Number.NaN)).toBeNull();
    expect(expandExponent('1.23e-3')).toBe('0.00123');
    expect(expandExponent('-4.5e+2')).toBe('-450');
  });

  it('formats date cells from their UTC fields', () => {
    expect(dateCellText(new Date(Date.UTC(2023, 3, 13)))).toBe('2023-04-13');
    expect(dateCellText(new Date(Date.UTC(2023, 3, 13, 23, 59)))).toBe('2023-04-13');
    expect(dateCellText(new Date(Date.UTC(1899, 11, 30, 14, 5, 9)))).toBe('14:05:09');
    expect(dateCellText(new Date(Number.NaN))).toBeNull();
  });
});
