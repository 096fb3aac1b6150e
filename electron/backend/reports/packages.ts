// County → city exchange packages. A county exports the data its formats need (tally rows and
// totals, draw results, unqualified samplings) as JSON parts in a zip with a manifest of SHA-256
// hashes; a city imports packages of its own counties, refusing an altered, unknown or duplicate
// one, and a newer package of the same county and period replaces the earlier only when asked.
import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, type PackageExportInput, type PackageImportInput, type PackageListInput, PackageManifest, type ReportPackage } from '../../../shared/report';
import { campaignTally } from '../campaigns/tally';
import { currentDraw } from '../campaigns/draw-record';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import type { Sqlite } from '../db/open';
import { countyByCode, countyTree } from '../divisions/divisions';
import { appVersion } from '../paths';
import { officeOf, type DataRow } from './data';
import { listFormats } from './formats';
import { sha256, unzipAll, zipParts } from './package-zip';
import { drawResultsData } from './source-campaign';
import { unqualifiedData } from './source-records';

export const PART_TALLY = 'data/campaignTally.json';
export const PART_DRAW = 'data/drawResults.json';
export const PART_UNQUALIFIED = 'data/unqualifiedSamplings.json';

/** The campaign tally part: township rows and the campaign's totals keyed by tally key, with the tally definitions. */
export interface TallyPart {
  campaign: { id: number; name: string; templateId: string };
  from: string;
  to: string;
  definitions: { key: string; label: string; unit: string; source: string }[];
  rows: DataRow[];
  total: Record<string, number>;
}
export interface ListPart {
  from: string | null;
  to: string | null;
  rows: DataRow[];
}

interface PackageRow {
  id: number;
  direction: 'exported' | 'imported';
  office_code: string;
  office_name: string;
  manifest_sha256: string;
  manifest: string;
  sha256: string;
  file_name: string;
  period_from: string | null;
  period_to: string | null;
  withdrawn_at: string | null;
  actor: string;
  at: string;
  size: number;
  mime: string;
}

const SELECT = 'SELECT p.*, f.size, f.mime FROM report_packages p JOIN files f ON f.sha256 = p.sha256';

const toPackage = (r: PackageRow): ReportPackage => {
  const m = JSON.parse(r.manifest) as PackageManifest;
  return {
    id: r.id,
    direction: r.direction,
    officeCode: r.office_code,
    officeName: r.office_name,
    countyName: m.office.countyName,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    campaigns: m.campaigns.map((c) => ({ name: c.name, templateId: c.templateId })),
    manifestSha256: r.manifest_sha256,
    file: { sha256: r.sha256, name: r.file_name, size: r.size, mime: r.mime },
    withdrawnAt: r.withdrawn_at,
    actor: r.actor,
    at: r.at,
  };
};

/** Packages exported or imported, newest first (withdrawn ones only when asked). */
export function listPackages(sqlite: Sqlite, input: z.output<typeof PackageListInput>): ReportPackage[] {
  const where = [input.direction ? 'p.direction = ?' : null, input.includeWithdrawn ? null : 'p.withdrawn_at IS NULL'].filter(Boolean);
  const rows = sqlite
    .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.at DESC, p.id DESC`)
    .all(...(input.direction ? [input.direction] : [])) as PackageRow[];
  return rows.map(toPackage);
}

/** One package; NOT_FOUND when there is none. */
export function packageById(sqlite: Sqlite, id: number): ReportPackage {
  const r = sqlite.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PackageRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到数据包 ${id}`);
  return toPackage(r);
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8');
const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Builds the county's package for a campaign and period, keeps it in the file store and records it. */
export async function exportPackage(core: Core, ctx: RequestContext, input: z.output<typeof PackageExportInput>): Promise<ReportPackage> {
  const office = officeOf(core.sqlite);
  if (!office) throw new AppError('VALIDATION', '请先在「设置」中填写本单位名称和所在县（区），数据包要写明是哪个单位报送的');
  const c = core.sqlite.prepare('SELECT id, name, template_id FROM campaigns WHERE id = ?').get(input.campaignId) as { id: number; name: string; template_id: string } | undefined;
  if (!c) throw new AppError('NOT_FOUND', `找不到专项 ${input.campaignId}`, { field: 'campaignId' });
  const tally = campaignTally(core.sqlite, { campaignId: c.id, from: input.from, to: input.to });
  const campaign = { id: c.id, name: c.name, templateId: c.template_id };
  const tallyPart: TallyPart = {
    campaign,
    from: input.from,
    to: input.to,
    definitions: tally.definitions.map((d) => ({ key: d.key, label: d.label, unit: d.unit, source: d.source })),
    rows: tally.rows.map((r) => ({ area: r.townshipName, areaCode: r.townshipCode, county: office.countyName, campaign: c.name, ...r.values })),
    total: tally.total,
  };
  const drawRows = currentDraw(core.sqlite, c.id) ? [...drawResultsData(core.sqlite, c.id, input.from, input.to).rows()] : [];
  const parts = [
    { path: PART_TALLY, bytes: json(tallyPart) },
    { path: PART_DRAW, bytes: json({ from: input.from, to: input.to, rows: drawRows } satisfies ListPart) },
    { path: PART_UNQUALIFIED, bytes: json({ from: input.from, to: input.to, rows: [...unqualifiedData(core.sqlite, input.from, input.to).rows()] } satisfies ListPart) },
  ];
  const formats = listFormats(core.sqlite)
    .filter((f) => !f.archived && f.source !== 'registry')
    .filter((f) => f.source !== 'campaignTally' || (JSON.parse((core.sqlite.prepare('SELECT definition FROM report_formats WHERE id = ?').get(f.id) as { definition: string }).definition) as { templateId?: string }).templateId === c.template_id)
    .map((f) => ({ id: f.id, version: f.version, source: f.source }));
  const now = new Date();
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    office: { name: office.name, countyCode: office.countyCode, countyName: office.countyName },
    period: { from: input.from, to: input.to },
    campaigns: [campaign],
    createdAt: now.toISOString(),
    createdBy: ctx.actor,
    appVersion: appVersion(),
    formats,
    parts: parts.map((p) => ({ path: p.path, sha256: sha256(p.bytes), size: p.bytes.length })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const zip = await zipParts([{ path: 'manifest.json', bytes: manifestBytes }, ...parts], now);
  const file = await core.files.putBytes(zip, `${office.countyName}-${c.name}-数据包-${input.from}至${input.to}.zip`, 'application/zip');
  return write(core, ctx, 'reports.exportPackage', (scope) => {
    core.files.register(core.sqlite, file);
    const id = Number(
      core.sqlite
        .prepare(
          `INSERT INTO report_packages (direction, office_code, office_name, manifest_sha256, manifest, sha256, file_name, period_from, period_to, actor, at)
           VALUES ('exported', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(office.countyCode, office.name, sha256(manifestBytes), JSON.stringify(manifest), file.sha256, file.name, input.from, input.to, ctx.actor, now.toISOString())
        .lastInsertRowid,
    );
    scope.audit({ entity: 'report_package', entityId: id, after: { direction: 'exported', campaignId: c.id, from: input.from, to: input.to, file: file.sha256 } });
    return packageById(core.sqlite, id);
  });
}

/** The prefecture (地级市) a county belongs to, by name. */
function prefectureOf(code: string): string | null {
  for (const p of countyTree()) for (const c of p.children ?? []) if ((c.children ?? []).some((k) => k.code === code)) return c.name === '市辖区' || c.name === '县' ? p.name : c.name;
  return null;
}

export interface OpenedPackage {
  manifest: PackageManifest;
  manifestSha256: string;
  parts: Map<string, Buffer>;
}

/** Reads a package file and checks every part against the manifest; an altered, missing or extra part is refused naming it. */
export async function openPackage(path: string): Promise<OpenedPackage> {
  const entries = await unzipAll(path);
  const manifestBytes = entries.get('manifest.json');
  if (!manifestBytes) throw new AppError('VALIDATION', '这个 zip 文件中没有 manifest.json，不是清波的上报数据包', { field: 'file' });
  let raw: unknown;
  try {
    raw = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw new AppError('INTEGRITY', '数据包的清单（manifest.json）不是有效的 JSON，数据包已损坏或被改动过', { field: 'file' });
  }
  const head = raw as { format?: unknown; formatVersion?: unknown };
  if (head?.format !== PACKAGE_FORMAT) throw new AppError('VALIDATION', `这不是清波的上报数据包（清单的 format 应为 ${PACKAGE_FORMAT}）`, { field: 'file' });
  if (head.formatVersion !== PACKAGE_FORMAT_VERSION) throw new AppError('VALIDATION', `数据包的版本（${String(head.formatVersion)}）本程序无法读取，请升级清波后再导入`, { field: 'file' });
  const parsed = PackageManifest.safeParse(raw);
  if (!parsed.success) throw new AppError('INTEGRITY', `数据包的清单内容不完整或格式不对（${parsed.error.issues[0]?.path.join('.') ?? ''}），数据包已损坏或被改动过`, { field: 'file' });
  const manifest = parsed.data;
  const parts = new Map<string, Buffer>();
  for (const part of manifest.parts) {
    const bytes = entries.get(part.path);
    if (!bytes) throw new AppError('INTEGRITY', `数据包中缺少清单列出的「${part.path}」，数据包不完整或被改动过，已拒绝导入`, { field: 'file', part: part.path });
    if (bytes.length !== part.size || sha256(bytes) !== part.sha256) {
      throw new AppError('INTEGRITY', `数据包中的「${part.path}」与清单记录的 SHA-256 不符：文件在导出后被改动过，已拒绝导入。请让${manifest.office.name}重新导出`, { field: 'file', part: part.path });
    }
    parts.set(part.path, bytes);
  }
  for (const name of entries.keys()) {
    if (name !== 'manifest.json' && !parts.has(name)) throw new AppError('INTEGRITY', `数据包中多出清单上没有的文件「${name}」，可能被改动过，已拒绝导入`, { field: 'file', part: name });
  }
  return { manifest, manifestSha256: sha256(manifestBytes), parts };
}

/** Imports a county's package (city office): hashes, sender and duplicates checked; `replace` withdraws the earlier package of the same county and period. */
export async function importPackage(core: Core, ctx: RequestContext, input: z.output<typeof PackageImportInput>): Promise<ReportPackage> {
  const path = core.files.pathOf(input.file);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', '找不到上传的文件，请重新选择文件', { field: 'file' });
  const own = officeOf(core.sqlite);
  if (!own) throw new AppError('VALIDATION', '请先在「设置」中填写本单位名称和所在地区，才能判断数据包是否来自本市的县（市、区）');
  const pkg = await openPackage(path);
  const { manifest } = pkg;
  const sender = manifest.office;
  const county = countyByCode(sender.countyCode);
  if (!county) throw new AppError('VALIDATION', `数据包来自未知单位「${sender.name}」：区划代码 ${sender.countyCode}（${sender.countyName}）不是有效的县级行政区划，已拒绝导入`, { field: 'file' });
  const ownPrefecture = prefectureOf(own.countyCode);
  if (sender.countyCode.slice(0, 4) !== own.countyCode.slice(0, 4)) {
    throw new AppError('VALIDATION', `数据包来自「${sender.name}」（${county.fullName}，区划代码 ${sender.countyCode}），不属于本单位所在的${ownPrefecture ?? '地区'}，不能汇总，已拒绝导入`, { field: 'file' });
  }
  for (const path of [PART_TALLY, PART_DRAW, PART_UNQUALIFIED]) {
    const bytes = pkg.parts.get(path);
    if (!bytes) continue;
    try {
      JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new AppError('VALIDATION', `数据包中的「${path}」无法读取（不是有效的 JSON）`, { field: 'file' });
    }
  }
  const file = { sha256: input.file, name: input.fileName, size: readFileSync(path).length, mime: 'application/zip' };
  const period = `${manifest.period.from} 至 ${manifest.period.to}`;
  return write(core, ctx, 'reports.importPackage', (scope) => {
    const dup = core.sqlite.prepare("SELECT at FROM report_packages WHERE direction = 'imported' AND manifest_sha256 = ?").get(pkg.manifestSha256) as { at: string } | undefined;
    if (dup) throw new AppError('CONFLICT', `这个数据包（${sender.name}，${period}）已于 ${chinaTime(dup.at)} 导入过，不能重复导入`, { field: 'file' });
    const earlier = core.sqlite
      .prepare("SELECT id FROM report_packages WHERE direction = 'imported' AND office_code = ? AND period_from = ? AND period_to = ? AND withdrawn_at IS NULL")
      .all(sender.countyCode, manifest.period.from, manifest.period.to) as { id: number }[];
    if (earlier.length && !input.replace) {
      const existing = packageById(core.sqlite, earlier[0]!.id);
      throw new AppError('CONFLICT', `已有${county.name}（${sender.name}）${period}的数据包（${chinaTime(existing.at)} 导入）。如要用这个新数据包替换，请确认替换，原数据包将被撤下`, { existing });
    }
    const now = new Date().toISOString();
    for (const e of earlier) {
      core.sqlite.prepare('UPDATE report_packages SET withdrawn_at = ? WHERE id = ?').run(now, e.id);
      scope.audit({ entity: 'report_package', entityId: e.id, before: { withdrawnAt: null }, after: { withdrawnAt: now }, reason: '被同一县（市、区）同一期间的新数据包替换' });
    }
    core.files.register(core.sqlite, file);
    const id = Number(
      core.sqlite
        .prepare(
          `INSERT INTO report_packages (direction, office_code, office_name, manifest_sha256, manifest, sha256, file_name, period_from, period_to, actor, at)
           VALUES ('imported', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(sender.countyCode, sender.name, pkg.manifestSha256, JSON.stringify(manifest), file.sha256, file.name, manifest.period.from, manifest.period.to, ctx.actor, now)
        .lastInsertRowid,
    );
    scope.audit({ entity: 'report_package', entityId: id, after: { direction: 'imported', office: sender, period: manifest.period, file: file.sha256, replaced: earlier.map((e) => e.id) } });
    return packageById(core.sqlite, id);
  });
}

/** Sets an imported package aside (it no longer counts in roll-ups), with the reason in the audit trail. */
export function withdrawPackage(core: Core, ctx: RequestContext, id: number, reason: string): ReportPackage {
  return write(core, ctx, 'reports.withdrawPackage', (scope) => {
    const p = packageById(core.sqlite, id);
    if (p.withdrawnAt) throw new AppError('CONFLICT', `数据包已于 ${chinaTime(p.withdrawnAt)} 撤下`);
    const now = new Date().toISOString();
    core.sqlite.prepare('UPDATE report_packages SET withdrawn_at = ? WHERE id = ?').run(now, id);
    scope.audit({ entity: 'report_package', entityId: id, before: { withdrawnAt: null }, after: { withdrawnAt: now }, reason });
    return packageById(core.sqlite, id);
  });
}
