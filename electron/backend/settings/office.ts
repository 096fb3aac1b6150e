// 本单位设置: name, county, document-number abbreviation.
import { AppError } from '../../../shared/errors';
import { OfficeSettings, type OfficeSettingsInput } from '../../../shared/office';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import { countyByCode } from '../divisions/divisions';
import { readSetting, writeSetting } from './store';

const KEY = 'office';

/** The office settings, or null before the first set-up. */
export function getOffice(core: Core): OfficeSettings | null {
  const stored = readSetting(core.sqlite, KEY);
  if (stored === undefined) return null;
  const parsed = OfficeSettings.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** Saves the office settings with an audit row holding before and after. */
export function saveOffice(core: Core, ctx: RequestContext, input: OfficeSettingsInput): OfficeSettings {
  const county = countyByCode(input.countyCode);
  if (!county) {
    throw new AppError('VALIDATION', `所在县（区）：找不到区划代码 ${input.countyCode}，请从列表中选择`, {
      field: 'countyCode',
    });
  }
  const value: OfficeSettings = { ...input, countyName: county.fullName };
  return write(core, ctx, 'settings.saveOffice', (scope) => {
    const before = getOffice(core);
    writeSetting(core.sqlite, KEY, value);
    scope.audit({ entity: 'settings', entityId: KEY, before, after: value });
    return value;
  });
}
