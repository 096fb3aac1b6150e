// `qingbo audit verify|list`: checks the hash chain of the operation records, or lists them.
import { existsSync } from 'node:fs';
import { contract, isMethodName } from '../../shared/contract';
import { isIsoDate } from '../../shared/dates';
import type { AuditPage, AuditVerifyResult } from '../../shared/system';
import { openBackend } from '../backend/backend';
import { dataPaths } from '../backend/paths';
import { callApi } from './jobs';
import { dbKey } from './dbkey';
import { UsageError } from './usage';

export const AUDIT_HELP = `  audit verify --data 目录 [--json]
          校验操作记录链：任何一条记录被改动、删除或插入都会被发现，并指出第一条出问题的记录；
          完好时退出码为 0，否则为 1。同时打印最后一条记录的编号和校验值，可抄下与日后比对。
  audit list --data 目录 [--since 日期] [--to 日期] [--actor 操作人] [--method 操作] [--q 关键词]
          [--limit 条数] [--json]
          按时间倒序列出操作记录（日期按北京时间，含首尾两天）。`;

export interface AuditOptions {
  since?: string;
  to?: string;
  actor?: string;
  method?: string;
  q?: string;
  limit?: string;
  json: boolean;
}

function dateOption(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!isIsoDate(v)) throw new UsageError(`--${name} 应为日期，格式 YYYY-MM-DD，收到「${v}」`);
  return v;
}

const shanghaiTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** Runs `audit verify` or `audit list` on the data folder; resolves to the exit code. */
export async function auditCommand(dataDir: string, sub: string | undefined, o: AuditOptions): Promise<number> {
  if (sub !== 'verify' && sub !== 'list') throw new UsageError('用法：qingbo audit verify|list --data 目录（运行 qingbo --help 查看详情）');
  const since = dateOption('since', o.since);
  const to = dateOption('to', o.to);
  const limit = o.limit === undefined ? 50 : Number(o.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError(`--limit 应为 1 到 500 的整数，收到「${o.limit}」`);
  if (!existsSync(dataPaths(dataDir).db)) throw new UsageError(`数据目录 ${dataDir} 中没有数据库（qingbo.db），请检查 --data`);
  // Read as found: no migration, no start-up upkeep that would write to a database under examination.
  const backend = openBackend(dataDir, { ...dbKey(), migrate: false, stderrLevel: 'silent' });
  try {
    if (sub === 'verify') {
      const r = await callApi<AuditVerifyResult>(backend, 'audit.verify', {});
      if (o.json) console.log(JSON.stringify(r));
      else {
        console.log(`${r.ok ? '✓' : '✗'} ${r.reason}`);
        if (r.head) console.log(`登记的最后一条：第 ${r.head.id} 条，校验值 ${r.head.hash}`);
        if (!r.ok) console.log('操作记录被人在清波之外改动过。请从改动之前的备份恢复，或联系管理员。');
      }
      return r.ok ? 0 : 1;
    }
    const input = { from: since, to, actor: o.actor, method: o.method, q: o.q, limit };
    const page = await callApi<AuditPage>(backend, 'audit.search', Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    if (o.json) console.log(JSON.stringify({ ok: true, ...page }));
    else if (page.entries.length === 0) console.log('没有符合条件的操作记录。');
    else {
      for (const e of page.entries) {
        const title = isMethodName(e.method) ? contract[e.method].title : e.method;
        console.log([e.id, shanghaiTime(e.at), e.actor, title, `${e.entity}${e.entityId ? ` ${e.entityId}` : ''}`, e.reason ?? ''].join('\t'));
      }
      console.log(`共 ${page.total}${page.totalCapped ? ' 条以上' : ' 条'}${page.hasMore ? `，只列出最新 ${page.entries.length} 条` : ''}。`);
    }
    return 0;
  } finally {
    await backend.close();
  }
}
