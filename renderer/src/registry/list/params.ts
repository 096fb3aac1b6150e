// The list's filter and sort live in the address (#/registry?q=…&town=…), so going back from an
// enterprise returns to the same list, and a list can be bookmarked.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  businessStatuses, creditClasses, entityTypes, sortFields, supervisionClasses, type EnterpriseFilterInput,
} from '../../../../shared/enterprise';

export type SortField = (typeof sortFields)[number];
export type SortOrder = 'asc' | 'desc';
export type ArchivedChoice = 'active' | 'archived' | 'all';

export interface ListParams {
  filter: Required<EnterpriseFilterInput>;
  sort: SortField;
  order: SortOrder;
}

const pick = <T extends string>(values: readonly string[], allowed: readonly T[]): T[] =>
  values.filter((v): v is T => (allowed as readonly string[]).includes(v));

const one = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

export function parseListParams(sp: URLSearchParams): ListParams {
  const days = Number(sp.get('expiring'));
  return {
    filter: {
      q: sp.get('q') ?? '',
      townshipCodes: sp.getAll('town').filter((c) => /^\d{9}$/.test(c)),
      supervisionClasses: pick(sp.getAll('sup'), supervisionClasses),
      creditClasses: pick(sp.getAll('credit'), [...creditClasses, 'none'] as const),
      statuses: pick(sp.getAll('status'), businessStatuses),
      entityTypes: pick(sp.getAll('type'), entityTypes),
      industry: sp.get('industry') || null,
      tags: sp.getAll('tag'),
      productId: sp.get('product') || null,
      licenceExpiringDays: Number.isInteger(days) && days > 0 ? days : null,
      archived: one(sp.get('archived'), ['active', 'archived', 'all'] as const, 'active'),
    },
    sort: one(sp.get('sort'), sortFields, 'relevance'),
    order: one(sp.get('order'), ['asc', 'desc'] as const, 'asc'),
  };
}

export function toSearchParams(p: ListParams): URLSearchParams {
  const sp = new URLSearchParams();
  const f = p.filter;
  if (f.q) sp.set('q', f.q);
  for (const v of f.townshipCodes) sp.append('town', v);
  for (const v of f.supervisionClasses) sp.append('sup', v);
  for (const v of f.creditClasses) sp.append('credit', v);
  for (const v of f.statuses) sp.append('status', v);
  for (const v of f.entityTypes) sp.append('type', v);
  if (f.industry) sp.set('industry', f.industry);
  for (const v of f.tags) sp.append('tag', v);
  if (f.productId) sp.set('product', f.productId);
  if (f.licenceExpiringDays) sp.set('expiring', String(f.licenceExpiringDays));
  if (f.archived !== 'active') sp.set('archived', f.archived);
  if (p.sort !== 'relevance') sp.set('sort', p.sort);
  if (p.order !== 'asc') sp.set('order', p.order);
  return sp;
}

/** True when anything but the default list is asked for (search text aside). */
export function hasFilters(f: ListParams['filter']): boolean {
  return (
    f.townshipCodes.length + f.supervisionClasses.length + f.creditClasses.length + f.statuses.length + f.entityTypes.length + f.tags.length > 0 ||
    !!f.industry ||
    !!f.productId ||
    !!f.licenceExpiringDays ||
    f.archived !== 'active'
  );
}

export function useListParams() {
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => parseListParams(sp), [sp]);
  const update = useCallback(
    (change: (p: ListParams) => ListParams) => setSp((prev) => toSearchParams(change(parseListParams(prev))), { replace: true }),
    [setSp],
  );
  return { params, update };
}

/** The list as the clerk last left it, for the 返回企业名录 links. */
let lastList = '/registry';
export const rememberList = (search: string): void => {
  lastList = `/registry${search}`;
};
export const lastListPath = (): string => lastList;
