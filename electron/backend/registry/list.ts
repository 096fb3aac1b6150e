// A plain paged view of the registry, newest first.
import type { EnterpriseList, EnterpriseListInput, EnterpriseSummary } from '../../../shared/enterprise';
import type { Core } from '../core';
import { townshipsOf } from '../divisions/divisions';
import { getOffice } from '../settings/office';

interface Row {
  id: number;
  name: string;
  uscc: string | null;
  entity_type: EnterpriseSummary['entityType'];
  legal_rep: string | null;
  address: string | null;
  township_code: string | null;
  status: EnterpriseSummary['status'];
  supervision_class: EnterpriseSummary['supervisionClass'];
  credit_class: EnterpriseSummary['creditClass'];
}

/** One page of enterprises that are not archived, with the total count. */
export function listEnterprises(core: Core, input: Required<EnterpriseListInput>): EnterpriseList {
  const office = getOffice(core);
  const townNames = new Map(office ? townshipsOf(office.countyCode).map((t) => [t.code, t.name]) : []);
  const total = (core.sqlite.prepare('SELECT count(*) AS n FROM enterprises WHERE archived_at IS NULL').get() as { n: number }).n;
  const rows = core.sqlite
    .prepare(
      `SELECT id, name, uscc, entity_type, legal_rep, address, township_code, status, supervision_class, credit_class
       FROM enterprises WHERE archived_at IS NULL ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(input.pageSize, (input.page - 1) * input.pageSize) as Row[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      uscc: r.uscc,
      entityType: r.entity_type,
      legalRep: r.legal_rep,
      address: r.address,
      townshipCode: r.township_code,
      townshipName: r.township_code ? (townNames.get(r.township_code) ?? null) : null,
      status: r.status,
      supervisionClass: r.supervision_class,
      creditClass: r.credit_class,
    })),
  };
}
