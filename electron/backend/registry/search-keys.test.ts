import { describe, expect, it } from 'vitest';
import { nameKeyOf, searchKeys } from './search-keys';

describe('search keys', () => {
  it('groups names that differ only by region prefix and organisation form, and only by real region names', () => {
    expect(nameKeyOf('湖南省岳阳市华容县鑫源商贸有限公司')).toBe('鑫源商贸');
    expect(nameKeyOf('岳阳华容鑫源商贸有限公司')).toBe('鑫源商贸');
    expect(nameKeyOf('华容县章华满诚便民超市')).toBe(nameKeyOf('章华满诚便民超市'));
    // "two characters then 市" is not a region: 惠润超市 and 祥隆超市 are different shops.
    expect(nameKeyOf('华容县惠润超市有限公司')).toBe('惠润超市');
    expect(nameKeyOf('华容县惠润超市有限公司')).not.toBe(nameKeyOf('华容县祥隆超市有限公司'));
  });

  it('reads company-name polyphones the usual way and keeps the other reading as alternate initials', () => {
    const k = searchKeys('华容县长盛日化有限公司');
    expect(k.namePinyin.startsWith('huarongxianchangsheng')).toBe(true);
    expect(k.nameInitials.split(' ')).toContain('hrxcsrhyxgs');
  });
});
