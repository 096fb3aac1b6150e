// The `qingbo` command line: serve, demo, check. Reporting commands take --json and then
// print exactly one JSON object on stdout.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { openAppBackend, openBackend, type Backend } from '../backend/backend';
import { checkIntegrity } from '../backend/check';
import { appRoot, appVersion, dataPaths } from '../backend/paths';
import { startServer } from '../server/index';
import { AUDIT_HELP, auditCommand } from './audit';
import { activeAdminCount } from '../backend/accounts/repo';
import { ACCOUNT_HELP, accountCommand } from './account';
import { BACKUP_HELP, backupCommand, restoreCommand } from './backup';
import { CAMPAIGN_HELP, campaignCommand } from './campaign';
import { checkDossierOut, DOSSIER_HELP, exportDossierCommand } from './dossier';
import { DB_HELP, dbCommand } from './db';
import { DB_PASSWORD_ENV, dbKey, resolveDbKey } from './dbkey';
import { runJob } from './jobs';
import { NOTICE_HELP, noticeCommand } from './notice';
import { exportEnterprises, importEnterprises } from './registry';
import { formatsCommand, packageCommand, REPORTS_HELP, reportExportCommand } from './reports';
import { UsageError } from './usage';

const HELP = `清波 — 县级市场监督管理局业务工作台

用法：qingbo <命令> [选项]

命令：
  serve   --data 目录 [--port 端口] [--host 地址]
          启动办公室服务器，在浏览器中使用清波；默认只监听本机 127.0.0.1。
          加 --host（如 0.0.0.0）在局域网提供服务时必须登录，且需已有管理员（见 account add）。
          加 --json 时启动后打印一个含访问地址的 JSON 对象。
  demo    --data 目录 [--enterprises 数量] [--records-per-enterprise 数量] [--json]
          生成一个演示县（华容县）：单位设置、企业名录（默认 3000 家）和 2021 年以来的企业档案
          （检查、抽查、责令改正、投诉举报等，平均每家 10 条；--records-per-enterprise 0 只生成名录）。
  check   --data 目录 [--json]
          检查数据完整性（数据库、结构版本、操作记录链、文件库），有问题时退出码为 1。
  import enterprises 文件 --data 目录 [--dry-run] [--rejected-out 文件.xlsx] [--json]
          从 xlsx、xls 或 csv（UTF-8 或 GBK）导入企业名录；按表头识别各列，同一信用代码的企业更新。
          --dry-run 只检查不写入；未导入的行逐行列出原因。
  export enterprises --data 目录 --out 文件.xlsx [筛选] [--json]
          导出企业名录。筛选：--q 关键词 --township 乡镇 --status 登记状态 --class 监管类别
          --credit 信用风险分类(A/B/C/D/none) --tag 标签 --industry 行业代码 --archived active|archived|all
          （--township、--status、--class、--credit、--tag 可重复）
${DOSSIER_HELP}
${BACKUP_HELP}
${CAMPAIGN_HELP}
${ACCOUNT_HELP}
${NOTICE_HELP}
${REPORTS_HELP}
${AUDIT_HELP}
${DB_HELP}

通用选项：
  --data 目录   数据目录（数据库 qingbo.db、文件库 files/、备份 backups/、日志 logs/）
                数据库加密时，密码取自环境变量 ${DB_PASSWORD_ENV}，没有时在终端中询问
  --json        以一个 JSON 对象输出结果，便于其他程序读取
  --help        显示本帮助
  --version     显示版本

示例：
  npx qingbo demo --data ./data
  npx qingbo serve --data ./data --port 8080
  npx qingbo dossier export --data ./data --code 91430623MA4L000000 --out 企业档案.zip
  npx qingbo notice render --data ./data --type 责令改正通知书 --code 91430623MA4L000000 --out 预览.pdf
`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function requireData(v: string | undefined): string {
  if (!v) throw new UsageError('缺少 --data 目录，例如：--data ./data');
  return resolve(v);
}

function intOption(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} 应为正整数，收到「${v}」`);
  return n;
}

async function runDemo(backend: Backend, options: { enterprises?: number; recordsPerEnterprise?: number }, json: boolean): Promise<number> {
  const input = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const done = await runJob(backend, 'demo.generate', input, json);
  if (done.status !== 'succeeded') {
    if (json) console.log(JSON.stringify({ ok: false, error: done.error }));
    else console.error(`演示数据未生成：${done.message}`);
    return 1;
  }
  const result = done.result as { enterprises: number; records: number; county: string };
  if (json) console.log(JSON.stringify({ ok: true, ...result }));
  else console.log(`已为 ${result.county} 生成 ${result.enterprises} 家企业、${result.records} 条档案记录。运行 qingbo serve --data <目录> 查看。`);
  return 0;
}

async function runCheck(dataDir: string, json: boolean): Promise<number> {
  // A folder whose database is missing or cannot be opened fails the check with that one item.
  const cannotOpen = (detail: string): number => {
    if (json) console.log(JSON.stringify({ ok: false, items: [{ name: '数据库', ok: false, detail }] }));
    else console.error(`✗ 数据库：${detail}`);
    return 1;
  };
  if (!existsSync(dataPaths(dataDir).db)) return cannotOpen(`数据目录 ${dataDir} 中没有数据库（qingbo.db）`);
  let backend: Backend;
  try {
    backend = openBackend(dataDir, { ...dbKey(), migrate: false, stderrLevel: 'silent' });
  } catch (err) {
    return cannotOpen((err as Error).message);
  }
  try {
    const report = await checkIntegrity(backend.core);
    if (json) console.log(JSON.stringify(report));
    else {
      for (const i of report.items) console.log(`${i.ok ? '✓' : '✗'} ${i.name}：${i.detail}`);
      console.log(report.ok ? '检查通过。' : '检查发现问题，请从最近的备份恢复或联系管理员。');
    }
    return report.ok ? 0 : 1;
  } finally {
    await backend.close();
  }
}

async function runServe(dataDir: string, port: number | undefined, host: string | undefined, json: boolean): Promise<number> {
  // Any address but loopback is office mode: everyone logs in, so an administrator must exist first.
  const office = host !== undefined && !LOOPBACK.has(host);
  const t0 = performance.now();
  const backend = openAppBackend(dataDir, { ...dbKey(), stderrLevel: 'warn' });
  if (office && !backend.rescue && !backend.locked && activeAdminCount(backend.core.sqlite) === 0) {
    await backend.close();
    throw new UsageError(
      `在 ${host} 上对外提供服务需要账户登录，但还没有管理员。请先运行 qingbo account add --data ${dataDir} --role admin --username 用户名 --display-name 姓名，` +
        '或先不加 --host 启动一次，在本机浏览器中创建管理员。',
    );
  }
  const server = await startServer(backend, {
    office,
    staticDir: join(appRoot(), 'out', 'renderer'),
    ...(host ? { host } : {}),
    ...(port !== undefined ? { port } : {}),
  });
  const startupMs = Math.round(performance.now() - t0);
  if (json) console.log(JSON.stringify({ ok: true, url: server.url, dataDir, startupMs }));
  else {
    console.log(`清波已启动：${server.url}`);
    console.log(`数据目录：${dataDir}（启动用时 ${startupMs} ms，按 Ctrl+C 停止）`);
  }
  if (office && !json) console.log('局域网模式：每位用户须用自己的账户登录。');
  if (backend.rescue) console.error('数据检查未通过：清波以恢复模式启动，请在本机浏览器中打开上面的地址，从备份恢复数据。');
  if (backend.locked) console.error(`数据库已加密：请在浏览器中打开上面的地址输入数据库密码，或用环境变量 ${DB_PASSWORD_ENV} 给出密码后重新启动。`);
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await backend.close();
  if (!json) console.log('清波已停止。');
  return 0;
}

/** Opens a data directory that must already hold a database. */
function openExistingBackend(dataDir: string): Backend {
  if (!existsSync(dataPaths(dataDir).db)) throw new UsageError(`数据目录 ${dataDir} 中没有数据库（qingbo.db），请检查 --data`);
  return openBackend(dataDir, { ...dbKey(), stderrLevel: 'warn' });
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      enterprises: { type: 'string' },
      'records-per-enterprise': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
      username: { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'rejected-out': { type: 'string' },
      out: { type: 'string' },
      q: { type: 'string' },
      township: { type: 'string', multiple: true },
      status: { type: 'string', multiple: true },
      class: { type: 'string', multiple: true },
      credit: { type: 'string', multiple: true },
      tag: { type: 'string', multiple: true },
      industry: { type: 'string' },
      archived: { type: 'string' },
      code: { type: 'string' },
      format: { type: 'string' },
      campaign: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      type: { type: 'string' },
      fields: { type: 'string' },
      since: { type: 'string' },
      actor: { type: 'string' },
      method: { type: 'string' },
      limit: { type: 'string' },
      period: { type: 'string' },
      rollup: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      confirm: { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
      preparer: { type: 'string' },
      phone: { type: 'string' },
    },
  });
  const [command] = positionals;
  const json = values.json ?? false;
  if (values.version) {
    console.log(json ? JSON.stringify({ version: appVersion() }) : appVersion());
    return 0;
  }
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 1;
  }
  // An encrypted database needs its password before anything opens it; the server may start locked.
  await resolveDbKey(values.data ? resolve(values.data) : null, command === 'serve');
  switch (command) {
    case 'serve':
      return runServe(requireData(values.data), intOption('port', values.port), values.host, json);
    case 'demo': {
      const backend = openBackend(requireData(values.data), { ...dbKey(), stderrLevel: 'warn' });
      try {
        const options = {
          enterprises: intOption('enterprises', values.enterprises),
          recordsPerEnterprise: intOption('records-per-enterprise', values['records-per-enterprise']),
        };
        return await runDemo(backend, options, json);
      } finally {
        await backend.close();
      }
    }
    case 'check':
      return runCheck(requireData(values.data), json);
    case 'export':
    case 'import': {
      if (command === 'export' && positionals[1] === undefined && values.format !== undefined) {
        const backend = openExistingBackend(requireData(values.data));
        try {
          return await reportExportCommand(backend, {
            format: values.format, campaign: values.campaign, from: values.from, to: values.to, period: values.period, rollup: values.rollup ?? false,
            csv: values.csv ?? false, confirm: values.confirm ?? false, preparer: values.preparer, phone: values.phone, out: values.out, json,
          });
        } finally {
          await backend.close();
        }
      }
      if (positionals[1] !== 'enterprises') throw new UsageError(`用法：qingbo ${command} enterprises …（目前可${command === 'import' ? '导入' : '导出'}的只有企业名录）`);
      const dataDir = requireData(values.data);
      if (command === 'import' && !positionals[2]) throw new UsageError('缺少要导入的文件，例如：qingbo import enterprises 名录.xlsx --data ./data');
      if (command === 'export' && !values.out) throw new UsageError('缺少 --out 文件，例如：--out 企业名录.xlsx');
      // An export only reads: its quick check runs on the other core meanwhile (exportEnterprises awaits it).
      const backend = openBackend(dataDir, { ...dbKey(), stderrLevel: 'warn', deferQuickCheck: command === 'export' });
      try {
        return command === 'import'
          ? await importEnterprises(backend, positionals[2]!, { dryRun: values['dry-run'] ?? false, json, rejectedOut: values['rejected-out'] })
          : await exportEnterprises(backend, {
              out: values.out!,
              json,
              q: values.q,
              townships: values.township ?? [],
              statuses: values.status ?? [],
              classes: values.class ?? [],
              credit: values.credit ?? [],
              tags: values.tag ?? [],
              industry: values.industry,
              archived: values.archived,
            });
      } finally {
        await backend.close();
      }
    }
    case 'dossier': {
      if (positionals[1] !== 'export') throw new UsageError('用法：qingbo dossier export --data 目录 --code 统一社会信用代码 --out 文件.zip（运行 qingbo --help 查看详情）');
      const dataDir = requireData(values.data);
      const target = checkDossierOut(values.out);
      if (!existsSync(dataPaths(dataDir).db)) throw new UsageError(`数据目录 ${dataDir} 中没有数据库（qingbo.db），请检查 --data`);
      const backend = openBackend(dataDir, { ...dbKey(), stderrLevel: 'warn' });
      try {
        return await exportDossierCommand(backend, {
          code: values.code,
          format: values.format,
          json,
          q: values.q,
          townships: values.township ?? [],
          statuses: values.status ?? [],
          classes: values.class ?? [],
          credit: values.credit ?? [],
          tags: values.tag ?? [],
          industry: values.industry,
          archived: values.archived,
        }, target);
      } finally {
        await backend.close();
      }
    }
    case 'campaign': {
      const dataDir = requireData(values.data);
      if (!existsSync(dataPaths(dataDir).db)) throw new UsageError(`数据目录 ${dataDir} 中没有数据库（qingbo.db），请检查 --data`);
      const backend = openBackend(dataDir, { ...dbKey(), stderrLevel: 'warn' });
      try {
        return await campaignCommand(backend, positionals[1], { campaign: values.campaign, from: values.from, to: values.to, json });
      } finally {
        await backend.close();
      }
    }
    case 'notice': {
      const dataDir = requireData(values.data);
      if (!existsSync(dataPaths(dataDir).db)) throw new UsageError(`数据目录 ${dataDir} 中没有数据库（qingbo.db），请检查 --data`);
      const backend = openBackend(dataDir, { ...dbKey(), stderrLevel: 'warn' });
      try {
        return await noticeCommand(backend, positionals[1], { type: values.type, code: values.code, fields: values.fields, out: values.out, json });
      } finally {
        await backend.close();
      }
    }
    case 'backup':
      return backupCommand(positionals[1] === 'verify' ? 'verify' : positionals[1], values.data ? resolve(values.data) : undefined, {
        out: values.out, file: positionals[2], json,
      });
    case 'restore':
      return restoreCommand(positionals[1], requireData(values.data), json);
    case 'audit':
      return auditCommand(requireData(values.data), positionals[1], {
        since: values.since, to: values.to, actor: values.actor, method: values.method, q: values.q, limit: values.limit, json,
      });
    case 'account': {
      const backend = openBackend(requireData(values.data), { ...dbKey(), stderrLevel: 'warn' });
      try {
        return await accountCommand(backend, positionals[1], {
          username: values.username, displayName: values['display-name'], role: values.role, password: values.password, json,
        });
      } finally {
        await backend.close();
      }
    }
    case 'db': {
      const backend = openExistingBackend(requireData(values.data));
      try {
        return await dbCommand(backend, positionals[1], json);
      } finally {
        await backend.close();
      }
    }
    case 'package':
    case 'formats': {
      const backend = openExistingBackend(requireData(values.data));
      try {
        return command === 'formats'
          ? await formatsCommand(backend, positionals[1], json)
          : await packageCommand(backend, positionals[1], {
              campaign: values.campaign, from: values.from, to: values.to, out: values.out, file: positionals[2], replace: values.replace ?? false, json,
            });
      } finally {
        await backend.close();
      }
    }
    default:
      throw new UsageError(`未知命令「${command}」。运行 qingbo --help 查看可用命令。`);
  }
}

/** Entry point: maps errors to Chinese messages and exit codes. */
export function run(): void {
  const json = process.argv.includes('--json');
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      const isUsage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
      const message = isUsage
        ? (err as Error).message.replace(/^Unknown option '([^']+)'.*$/s, '未知选项 $1。运行 qingbo --help 查看用法。')
        : err instanceof AppError
          ? err.message
          : `出错了：${(err as Error).message}`;
      if (json) console.log(JSON.stringify({ ok: false, error: { code: err instanceof AppError ? err.code : isUsage ? 'VALIDATION' : 'INTERNAL', message } }));
      else console.error(message);
      process.exitCode = isUsage ? 2 : 1;
    },
  );
}
