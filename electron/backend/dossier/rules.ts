// 期限设置: how many (calendar or working) days each deadline runs. Settings, not constants.
import { DeadlineRules } from '../../../shared/dossier';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import type { Sqlite } from '../db/open';
import { readSetting, writeSetting } from '../settings/store';

const KEY = 'deadlineRules';

/** The deadline rules in force (the SAMR Order 18 defaults until the office changes them). */
export function getDeadlineRules(sqlite: Sqlite): DeadlineRules {
  const parsed = DeadlineRules.safeParse(readSetting(sqlite, KEY) ?? {});
  return parsed.success ? parsed.data : DeadlineRules.parse({});
}

/** Saves the deadline rules; records already saved keep the deadlines they were given. */
export function saveDeadlineRules(core: Core, ctx: RequestContext, rules: DeadlineRules): DeadlineRules {
  return write(core, ctx, 'settings.saveDeadlineRules', (scope) => {
    const before = getDeadlineRules(core.sqlite);
    writeSetting(core.sqlite, KEY, rules);
    scope.audit({ entity: 'settings', entityId: KEY, before, after: rules });
    return rules;
  });
}
