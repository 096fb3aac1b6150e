// 执法人员名录库: the inspectors a campaign assigns and a 双随机 draw picks from. Never deleted:
// someone who left is made inactive, so old draws and results still name them.
import type { z } from 'zod';
import type { Inspector, InspectorSaveInput } from '../../../shared/campaign';
import { AppError } from '../../../shared/errors';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import type { Sqlite } from '../db/open';
import { townshipName } from '../divisions/divisions';

interface InspectorRow {
  id: number;
  name: string;
  unit: string;
  township_code: string | null;
  cert_no: string;
  active: number;
  updated_at: string;
}

const toInspector = (r: InspectorRow): Inspector => ({
  id: r.id,
  name: r.name,
  unit: r.unit,
  townshipCode: r.township_code,
  townshipName: r.township_code ? (townshipName(r.township_code) ?? null) : null,
  certNo: r.cert_no,
  active: r.active === 1,
  updatedAt: r.updated_at,
});

/** The inspectors, those in post first, then by township office (county bureau first) and id. */
export function listInspectors(sqlite: Sqlite, includeInactive: boolean): Inspector[] {
  const rows = sqlite
    .prepare(
      `SELECT id, name, unit, township_code, cert_no, active, updated_at FROM inspectors
       ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY active DESC, township_code IS NOT NULL, township_code, id`,
    )
    .all() as InspectorRow[];
  return rows.map(toInspector);
}

function inspectorRow(sqlite: Sqlite, id: number): InspectorRow | undefined {
  return sqlite.prepare('SELECT id, name, unit, township_code, cert_no, active, updated_at FROM inspectors WHERE id = ?').get(id) as
    | InspectorRow
    | undefined;
}

/** Adds (id null) or edits an inspector; the 执法证号 is unique, and an edit is refused if someone saved since `expectedUpdatedAt`. */
export function saveInspector(core: Core, ctx: RequestContext, input: z.output<typeof InspectorSaveInput>): Inspector {
  return write(core, ctx, 'inspectors.save', (scope) => {
    const { data } = input;
    const current = input.id === null ? null : inspectorRow(core.sqlite, input.id);
    if (input.id !== null && !current) throw new AppError('NOT_FOUND', `找不到执法人员（编号 ${input.id}），请刷新后重试`);
    if (current && input.expectedUpdatedAt === null) {
      throw new AppError('VALIDATION', '修改执法人员时须提供读取时的修改时间，请重新打开后再改', { field: 'expectedUpdatedAt' });
    }
    if (current && current.updated_at !== input.expectedUpdatedAt) {
      throw new AppError('CONFLICT', `执法人员「${current.name}」在您打开之后已被修改（${current.updated_at}），请重新打开后再改`, {
        updatedAt: current.updated_at,
      });
    }
    if (data.townshipCode && !townshipName(data.townshipCode)) {
      throw new AppError('VALIDATION', `所属乡镇（街道）：找不到乡镇代码 ${data.townshipCode}`, { field: 'data.townshipCode' });
    }
    const holder = core.sqlite.prepare('SELECT id, name FROM inspectors WHERE cert_no = ? AND id IS NOT ?').get(data.certNo, input.id) as
      | { id: number; name: string }
      | undefined;
    if (holder) throw new AppError('CONFLICT', `执法证号 ${data.certNo} 已属于 ${holder.name}`, { field: 'data.certNo', existingId: holder.id });
    const now = new Date().toISOString();
    const values = { name: data.name, unit: data.unit, townshipCode: data.townshipCode, certNo: data.certNo, active: data.active };
    if (!current) {
      const id = Number(
        core.sqlite
          .prepare('INSERT INTO inspectors (name, unit, township_code, cert_no, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(data.name, data.unit, data.townshipCode, data.certNo, data.active ? 1 : 0, now, now).lastInsertRowid,
      );
      scope.audit({ entity: 'inspector', entityId: id, after: values });
      return toInspector(inspectorRow(core.sqlite, id)!);
    }
    const before = { name: current.name, unit: current.unit, townshipCode: current.township_code, certNo: current.cert_no, active: current.active === 1 };
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => values[k] !== before[k]);
    if (!changed.length) return toInspector(current);
    core.sqlite
      .prepare('UPDATE inspectors SET name = ?, unit = ?, township_code = ?, cert_no = ?, active = ?, updated_at = ? WHERE id = ?')
      .run(data.name, data.unit, data.townshipCode, data.certNo, data.active ? 1 : 0, now, current.id);
    scope.audit({
      entity: 'inspector',
      entityId: current.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, values[k]])),
    });
    return toInspector(inspectorRow(core.sqlite, current.id)!);
  }, { allowNoAudit: true });
}
