// The filters of the 审计日志 page, kept in the address so going back returns to the same view.
import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../shared/dates';
import type { AuditListInput } from '../../../shared/system';

export interface AuditFilters {
  from: string | null;
  to: string | null;
  actor: string;
  method: string | null;
  entity: string | null;
  entityId: string;
  q: string;
  page: number;
  size: number;
}

const SIZES = [20, 50, 100];

export function useAuditFilters() {
  const [sp, setSp] = useSearchParams();
  const date = (k: string) => {
    const v = sp.get(k);
    return v && isIsoDate(v) ? v : null;
  };
  const params: AuditFilters = {
    from: date('from'),
    to: date('to'),
    actor: sp.get('actor') ?? '',
    method: sp.get('method') || null,
    entity: sp.get('entity') || null,
    entityId: sp.get('entityId') ?? '',
    q: sp.get('q') ?? '',
    page: Math.max(1, Number(sp.get('page')) || 1),
    size: SIZES.includes(Number(sp.get('size'))) ? Number(sp.get('size')) : 50,
  };
  const set = (change: Partial<AuditFilters>) => {
    const next = { ...params, page: 1, ...change };
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '' || (k === 'page' && v === 1) || (k === 'size' && v === 50)) continue;
      out.set(k, String(v));
    }
    setSp(out, { replace: true });
  };
  return { params, set };
}

/** The contract input for the current filters and page. */
export function auditQuery(p: AuditFilters): AuditListInput {
  return {
    ...(p.from ? { from: p.from } : {}),
    ...(p.to ? { to: p.to } : {}),
    ...(p.actor.trim() ? { actor: p.actor.trim() } : {}),
    ...(p.method ? { method: p.method } : {}),
    ...(p.entity ? { entity: p.entity } : {}),
    ...(p.entityId.trim() ? { entityId: p.entityId.trim() } : {}),
    ...(p.q.trim() ? { q: p.q.trim() } : {}),
    offset: (p.page - 1) * p.size,
    limit: p.size,
  };
}

export const filtered = (p: AuditFilters): boolean => Boolean(p.from || p.to || p.actor || p.method || p.entity || p.entityId || p.q);
