// Registry filter options of the command line (--township 章华镇 --class 严管 …) as an EnterpriseFilter.
import type { EnterpriseFilterInput } from '../../shared/enterprise';
import type { Backend } from '../backend/backend';
import { townshipsOf } from '../backend/divisions/divisions';
import { getOffice } from '../backend/settings/office';
import { UsageError } from './usage';

export interface FilterOptions {
  q?: string | undefined;
  townships: string[];
  statuses: string[];
  classes: string[];
  credit: string[];
  tags: string[];
  industry?: string | undefined;
  archived?: string | undefined;
}

/** True when any filter option was given. */
export function hasFilter(o: FilterOptions): boolean {
  return Boolean(o.q || o.industry || o.archived) || [o.townships, o.statuses, o.classes, o.credit, o.tags].some((l) => l.length > 0);
}

/** The filter the options describe; townships may be given by name, name prefix or code. */
export function filterFromOptions(backend: Backend, o: FilterOptions): EnterpriseFilterInput {
  const office = getOffice(backend.core);
  const towns = office ? townshipsOf(office.countyCode) : [];
  const townshipCodes = o.townships.map((t) => {
    const hit = towns.find((x) => x.code === t || x.name === t || x.name.startsWith(t));
    if (!hit) throw new UsageError(`找不到乡镇「${t}」${towns.length ? `，可选：${towns.map((x) => x.name).join('、')}` : '（尚未设置本单位所在县）'}`);
    return hit.code;
  });
  return {
    q: o.q ?? '',
    townshipCodes,
    statuses: o.statuses,
    supervisionClasses: o.classes,
    creditClasses: o.credit,
    tags: o.tags,
    industry: o.industry ?? null,
    archived: o.archived ?? 'active',
  } as EnterpriseFilterInput;
}
