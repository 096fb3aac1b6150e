// Between the enterprise as the backend gives it and the form's fields (dates as dayjs, 未分类 as a value).
import dayjs, { type Dayjs } from 'dayjs';
import {
  EnterpriseInput, type Enterprise, type EnterpriseInput as EnterpriseInputValue, type Licence,
} from '../../../../shared/enterprise';
import { fieldLabel } from '../../../../shared/validation';

export const NO_CREDIT_CLASS = 'none';

export interface LicenceValues {
  id?: number;
  kind: Licence['kind'];
  number: string;
  scope?: string | null;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
}

export interface FormValues {
  name: string;
  formerNames: string[];
  uscc?: string | null;
  entityType: Enterprise['entityType'];
  legalRep?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  townshipCode?: string | null;
  grid?: string | null;
  industryCode?: string | null;
  status: Enterprise['status'];
  supervisionClass: Enterprise['supervisionClass'];
  creditClass: NonNullable<Enterprise['creditClass']> | typeof NO_CREDIT_CLASS;
  establishedOn?: Dayjs | null;
  riskNotes?: string | null;
  tags: string[];
  products: string[];
  licences: LicenceValues[];
  /** 代码核对无误，确实如此 */
  codeConfirmed?: boolean;
  codeOverrideReason?: string;
}

/** The label of an enterprise field, as the schema (and so every error message) names it. */
export const label = (key: keyof EnterpriseInputValue | string, ...rest: (string | number)[]): string =>
  fieldLabel(EnterpriseInput, [key, ...rest]) ?? String(key);

const day = (s: string | null): Dayjs | null => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);
const text = (s: string | null | undefined): string | null => (s && s.trim() ? s : null);

export const emptyValues: FormValues = {
  name: '',
  formerNames: [],
  entityType: '企业',
  status: '存续',
  supervisionClass: '普通',
  creditClass: NO_CREDIT_CLASS,
  tags: [],
  products: [],
  licences: [],
};

/** The form's values for an enterprise; `idNumber` is the full number when it was revealed for editing. */
export function fromEnterprise(e: Enterprise, idNumber: string | null): FormValues {
  return {
    name: e.name,
    formerNames: e.formerNames,
    uscc: e.uscc,
    entityType: e.entityType,
    legalRep: e.legalRep,
    idNumber,
    phone: e.phone,
    address: e.address,
    townshipCode: e.townshipCode,
    grid: e.grid,
    industryCode: e.industryCode,
    status: e.status,
    supervisionClass: e.supervisionClass,
    creditClass: e.creditClass ?? NO_CREDIT_CLASS,
    establishedOn: day(e.establishedOn),
    riskNotes: e.riskNotes,
    tags: e.tags,
    products: e.products.map((p) => p.id),
    licences: e.licences.map((l) => ({ ...l, validFrom: day(l.validFrom), validTo: day(l.validTo) })),
  };
}

/** What the backend receives as `data`. */
export function toInput(v: FormValues): EnterpriseInputValue {
  return {
    name: v.name ?? '',
    formerNames: v.formerNames ?? [],
    uscc: text(v.uscc),
    entityType: v.entityType,
    legalRep: text(v.legalRep),
    idNumber: text(v.idNumber),
    phone: text(v.phone),
    address: text(v.address),
    townshipCode: v.townshipCode ?? null,
    grid: text(v.grid),
    industryCode: v.industryCode ?? null,
    status: v.status,
    supervisionClass: v.supervisionClass,
    creditClass: v.creditClass === NO_CREDIT_CLASS ? null : v.creditClass,
    establishedOn: iso(v.establishedOn),
    riskNotes: text(v.riskNotes),
    tags: v.tags ?? [],
    products: v.products ?? [],
    licences: (v.licences ?? []).map((l) => ({
      ...(l.id ? { id: l.id } : {}),
      kind: l.kind,
      number: l.number ?? '',
      scope: text(l.scope),
      validFrom: iso(l.validFrom),
      validTo: iso(l.validTo),
    })),
  };
}

/** 'data.licences.0.number' → ['licences', 0, 'number'] (the form edits `data`). */
export function problemPath(field: string): (string | number)[] {
  return field
    .replace(/^data\.?/, '')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
