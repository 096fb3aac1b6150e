import { describe, expect, it } from 'vitest';
import { checkCode, composeUscc, normalizeCode, orgCodeCheckChar, regNoCheckDigit, usccCheckChar } from './uscc';

describe('统一社会信用代码', () => {
  // Published codes of well-known companies.
  const genuine = ['91350100M000100Y43', '91110000802100433B', '914403001922038216'];

  it.each(genuine)('accepts the genuine code %s', (code) => {
    expect(checkCode(code).problems).toEqual([]);
  });

  it('names the expected check character when the last one is wrong', () => {
    const r = checkCode('91350100M000100Y44');
    expect(r.overridable).toBe(true);
    expect(r.problems).toEqual([{ kind: 'check', expected: '3', message: '第 18 位校验码错误，应为 3' }]);
  });

  it('normalises full-width, lower case and spaces before checking', () => {
    expect(normalizeCode(' ９１３５０１００ｍ０００１００ｙ４３ ')).toBe('91350100M000100Y43');
    expect(checkCode('91350100m000100y43').problems).toEqual([]);
  });

  it('refuses letters outside the alphabet without offering an override', () => {
    const r = checkCode('91350100M000100I43');
    expect(r.overridable).toBe(false);
    expect(r.problems[0]?.message).toContain('第 16 位「I」');
  });

  it('refuses a wrong length', () => {
    expect(checkCode('9135010').problems[0]?.kind).toBe('length');
  });

  it('checks the embedded organisation code', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('80210043')).toBe('3');
    const r = checkCode('91350100M000100Y53');
    expect(r.problems.map((p) => p.kind)).toContain('org_check');
  });

  it('composes codes whose check characters verify', () => {
    for (let i = 0; i < 500; i++) {
      const body = String(10000000 + i * 7919).slice(0, 8);
      const code = composeUscc('92', '430623', body);
      expect(checkCode(code).problems).toEqual([]);
      expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
    }
  });
});

describe('15 位注册号', () => {
  it('computes the ISO 7064 MOD 11,10 check digit', () => {
    // 110108000000016 is the published example of GS15-2006.
    expect(regNoCheckDigit('11010800000001')).toBe('6');
    expect(checkCode('110108000000016').problems).toEqual([]);
    expect(checkCode('110108000000017').problems[0]?.expected).toBe('6');
  });
});
