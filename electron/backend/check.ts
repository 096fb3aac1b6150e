// The integrity report behind `qingbo check`: database pages, foreign keys, migrations, audit
// chain and the file store.
import { verifyAuditChain } from './audit/audit';
import type { Core } from './core';
import { migrationState } from './db/open';

export interface CheckItem {
  name: string;
  ok: boolean;
  detail: string;
}

export interface CheckReport {
  ok: boolean;
  items: CheckItem[];
}

/** Runs every check; `ok` is true only if all pass. */
export async function checkIntegrity(core: Core): Promise<CheckReport> {
  const items: CheckItem[] = [];
  const integrity = core.sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const intOk = integrity.length === 1 && integrity[0]?.integrity_check === 'ok';
  items.push({ name: '数据库页面', ok: intOk, detail: intOk ? '完好' : integrity.slice(0, 5).map((r) => r.integrity_check).join('；') });

  const fk = core.sqlite.pragma('foreign_key_check') as unknown[];
  items.push({ name: '外键关联', ok: fk.length === 0, detail: fk.length === 0 ? '无断开的关联' : `${fk.length} 处关联指向不存在的记录` });

  const m = migrationState(core.sqlite);
  items.push({
    name: '数据库结构版本',
    ok: m.applied === m.shipped,
    detail: m.applied === m.shipped ? `第 ${m.applied} 版（最新）` : `已应用 ${m.applied} 个迁移，本程序带有 ${m.shipped} 个`,
  });

  const chain = verifyAuditChain(core.sqlite);
  items.push({
    name: '操作记录链',
    ok: chain.firstBrokenId === null,
    detail: chain.firstBrokenId === null ? `${chain.rows} 条记录，未被改动` : `第 ${chain.firstBrokenId} 条操作记录被改动过`,
  });

  const files = await core.files.verify(core.sqlite);
  const filesOk = files.missing.length === 0 && files.corrupt.length === 0;
  items.push({
    name: '文件库',
    ok: filesOk,
    detail: filesOk
      ? `${files.checked} 个文件齐全且内容无误`
      : [files.missing.length ? `缺少 ${files.missing.length} 个文件` : '', files.corrupt.length ? `${files.corrupt.length} 个文件内容与记录不符` : '']
          .filter(Boolean)
          .join('，'),
  });
  return { ok: items.every((i) => i.ok), items };
}
