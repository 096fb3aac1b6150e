// Creating, editing, archiving and restoring enterprises: each one transaction with its audit row.
import { AppError } from '../../../shared/errors';
import type { Enterprise, EnterpriseData, EnterpriseSaved } from '../../../shared/enterprise';
import type { AuditEntry } from '../../../shared/system';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import { diffData } from './diff';
import { duplicateHints } from './duplicates';
import { enterpriseWriter, getData, getEnterprise, idNumberOf, reindex } from './repo';
import { assertCodeFree, checkCreditCode, checkReferences } from './validate';

/** Adds an enterprise after checking its code (unique, valid or overridden) and reference codes. */
export function createEnterprise(core: Core, ctx: RequestContext, data: EnterpriseData, overrideReason: string | null): EnterpriseSaved {
  const code = checkCreditCode(data.uscc, overrideReason);
  const clean = { ...data, uscc: code.code };
  return write(core, ctx, 'enterprises.create', (scope) => {
    checkReferences(core.sqlite, clean);
    assertCodeFree(core.sqlite, clean.uscc, null);
    const id = enterpriseWriter(core.sqlite).insert(clean, code.overrideReason, new Date().toISOString());
    scope.audit({ entity: 'enterprise', entityId: id, after: diffData(null, clean)?.after, reason: code.overrideReason });
    return { enterprise: getEnterprise(core.sqlite, id), duplicates: duplicateHints(core.sqlite, id) };
  });
}

/** Replaces an enterprise's data; refused with CONFLICT if someone saved it since `expectedUpdatedAt`. */
export function updateEnterprise(
  core: Core,
  ctx: RequestContext,
  id: number,
  data: EnterpriseData,
  overrideReason: string | null,
  expectedUpdatedAt: string,
  keepIdNumber = false,
): EnterpriseSaved {
  return write(core, ctx, 'enterprises.update', (scope) => {
    const current = getEnterprise(core.sqlite, id);
    if (current.archived) throw new AppError('CONFLICT', `「${current.name}」已归档，请先恢复再修改`);
    if (current.updatedAt !== expectedUpdatedAt) {
      throw new AppError('CONFLICT', `「${current.name}」在您打开之后已被修改（${current.updatedAt}），请重新打开后再改`, {
        updatedAt: current.updatedAt,
      });
    }
    const before = getData(core.sqlite, id);
    if (keepIdNumber) data = { ...data, idNumber: before.idNumber };
    // Class changes need a reason and leave a record in the dossier: they go through dossier.create.
    if (data.supervisionClass !== before.supervisionClass || data.creditClass !== before.creditClass) {
      const field = data.supervisionClass !== before.supervisionClass ? 'supervisionClass' : 'creditClass';
      throw new AppError('VALIDATION', `${field === 'supervisionClass' ? '监管类别' : '信用风险分类'}请在「一企一档」中调整，并写明原因`, { field });
    }
    // A code that was accepted with a reason stays accepted while it is unchanged.
    const keptReason = before.uscc !== null && before.uscc === data.uscc ? current.codeOverrideReason : null;
    const code = checkCreditCode(data.uscc, overrideReason ?? keptReason);
    const clean = { ...data, uscc: code.code };
    checkReferences(core.sqlite, clean);
    assertCodeFree(core.sqlite, clean.uscc, id);
    const diff = diffData(before, clean);
    if (!diff) return { enterprise: current, duplicates: [] };
    enterpriseWriter(core.sqlite).update(id, clean, code.overrideReason, new Date().toISOString());
    scope.audit({ entity: 'enterprise', entityId: id, ...diff, reason: overrideReason });
    return { enterprise: getEnterprise(core.sqlite, id), duplicates: duplicateHints(core.sqlite, id) };
  }, { allowNoAudit: true });
}

function setArchived(core: Core, ctx: RequestContext, method: string, id: number, reason: string, archive: boolean): Enterprise {
  return write(core, ctx, method, (scope) => {
    const e = getEnterprise(core.sqlite, id);
    if (e.archived === archive) throw new AppError('CONFLICT', `「${e.name}」${archive ? '已经归档' : '没有归档'}`);
    if (!archive && e.mergedInto) throw new AppError('CONFLICT', `「${e.name}」已并入「${e.mergedInto.name}」，不能恢复`);
    const now = new Date().toISOString();
    core.sqlite
      .prepare('UPDATE enterprises SET archived_at = ?, archive_reason = ?, updated_at = ? WHERE id = ?')
      .run(archive ? now : null, archive ? reason : null, now, id);
    reindex(core.sqlite, id);
    scope.audit({
      entity: 'enterprise',
      entityId: id,
      before: { archived: e.archived },
      after: { archived: archive },
      reason,
    });
    return getEnterprise(core.sqlite, id);
  });
}

/** Archives an enterprise (never deleted): it leaves the default list, its history stays. */
export const archiveEnterprise = (core: Core, ctx: RequestContext, id: number, reason: string): Enterprise =>
  setArchived(core, ctx, 'enterprises.archive', id, reason, true);

/** Brings an archived enterprise back into the list. */
export const restoreEnterprise = (core: Core, ctx: RequestContext, id: number, reason: string): Enterprise =>
  setArchived(core, ctx, 'enterprises.restore', id, reason, false);

/** The full ID number; the viewing itself is recorded in the audit trail (personal data). */
export function revealIdNumber(core: Core, ctx: RequestContext, id: number): { idNumber: string | null } {
  return write(core, ctx, 'enterprises.revealIdNumber', (scope) => {
    const idNumber = idNumberOf(core.sqlite, id);
    scope.audit({ entity: 'enterprise', entityId: id, reason: '查看完整证件号码' });
    return { idNumber };
  });
}

interface AuditRaw {
  id: number;
  at: string;
  actor: string;
  method: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
}

/** Every recorded change of an enterprise, newest first, including those of records merged into it. */
export function enterpriseHistory(core: Core, id: number): (AuditEntry & { reason: string | null })[] {
  getEnterprise(core.sqlite, id);
  const ids = [id, ...(core.sqlite.prepare('SELECT id FROM enterprises WHERE merged_into = ?').all(id) as { id: number }[]).map((r) => r.id)];
  const rows = core.sqlite
    .prepare(
      `SELECT id, at, actor, method, entity, entity_id, before, after, reason FROM audit_log
       WHERE entity = 'enterprise' AND entity_id IN (${ids.map(() => '?').join(',')}) ORDER BY id DESC LIMIT 1000`,
    )
    .all(...ids.map(String)) as AuditRaw[];
  // Enterprises an import created are recorded once, in the import's own audit row (CreatedRuns).
  const byImport = core.sqlite.prepare(
    `SELECT a.id, a.at, a.actor, a.method, a.after ->> '$.file' AS file, r.value ->> 0 AS firstId, r.value ->> 1 AS firstRow
     FROM audit_log a, json_each(a.after, '$.created') r
     WHERE a.entity = 'import' AND ? BETWEEN r.value ->> 0 AND r.value ->> 0 + r.value ->> 2 - 1`,
  );
  for (const enterpriseId of ids) {
    for (const c of byImport.all(enterpriseId) as { id: number; at: string; actor: string; method: string; file: string; firstId: number; firstRow: number }[]) {
      rows.push({
        id: c.id,
        at: c.at,
        actor: c.actor,
        method: c.method,
        entity: 'enterprise',
        entity_id: String(enterpriseId),
        before: null,
        after: null,
        reason: `新建自「${c.file}」第 ${c.firstRow + enterpriseId - c.firstId} 行`,
      });
    }
  }
  rows.sort((a, b) => b.id - a.id);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    method: r.method,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before ? (JSON.parse(r.before) as unknown) : null,
    after: r.after ? (JSON.parse(r.after) as unknown) : null,
    reason: r.reason,
  }));
}
