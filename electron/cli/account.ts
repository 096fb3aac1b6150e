// `qingbo account add|list|reset-password`: accounts from the server's own console, e.g. the first
// administrator of an office server started with --host.
import { createInterface } from 'node:readline';
import { Role, roleLabels, type Account } from '../../shared/accounts';
import type { Backend } from '../backend/backend';
import { callApi } from './jobs';
import { UsageError } from './usage';

export const ACCOUNT_HELP = `  account add --data 目录 --username 用户名 --display-name 姓名 --role admin|coordinator|clerk|readonly [--password 密码]
          新增用户（admin 管理员、coordinator 专项负责人、clerk 办事员、readonly 只读）。不给 --password 时
          从标准输入读一行作为密码。新用户首次登录后须修改密码。
  account list --data 目录 [--json]
          列出用户、角色和状态。
  account reset-password --data 目录 --username 用户名 [--password 新密码]
          重设密码并解除锁定；该用户下次登录后须修改密码。`;

export interface AccountOptions {
  username?: string | undefined;
  displayName?: string | undefined;
  role?: string | undefined;
  password?: string | undefined;
  json: boolean;
}

async function passwordFrom(o: AccountOptions): Promise<string> {
  if (o.password) return o.password;
  if (process.stdin.isTTY) process.stderr.write('请输入密码（至少 8 位）后按回车：');
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new UsageError('没有读到密码：请加 --password，或从标准输入给出一行密码');
}

function need(name: string, v: string | undefined): string {
  if (!v) throw new UsageError(`缺少 --${name}`);
  return v;
}

/** Runs one `account` subcommand; resolves to the exit code. */
export async function accountCommand(backend: Backend, sub: string | undefined, o: AccountOptions): Promise<number> {
  if (sub === 'list') {
    const list = await callApi<Account[]>(backend, 'accounts.list', {});
    if (o.json) console.log(JSON.stringify({ ok: true, accounts: list }));
    else for (const a of list) console.log(`${a.username}\t${a.displayName}\t${roleLabels[a.role]}\t${a.active ? (a.lockedUntil ? '已锁定' : '启用') : '停用'}`);
    return 0;
  }
  if (sub === 'add') {
    const role = Role.safeParse(need('role', o.role));
    if (!role.success) throw new UsageError(`--role 应为 admin、coordinator、clerk 或 readonly，收到「${o.role ?? ''}」`);
    const input = { username: need('username', o.username), displayName: need('display-name', o.displayName), role: role.data, password: await passwordFrom(o) };
    const a = await callApi<Account>(backend, 'accounts.create', input);
    if (o.json) console.log(JSON.stringify({ ok: true, account: a }));
    else console.log(`已新增用户 ${a.username}（${a.displayName}，${roleLabels[a.role]}）。首次登录后须修改密码。`);
    return 0;
  }
  if (sub === 'reset-password') {
    const username = need('username', o.username);
    const list = await callApi<Account[]>(backend, 'accounts.list', {});
    const target = list.find((a) => a.username.toLowerCase() === username.toLowerCase());
    if (!target) throw new UsageError(`找不到用户「${username}」。运行 qingbo account list 查看已有用户`);
    const a = await callApi<Account>(backend, 'accounts.resetPassword', { id: target.id, password: await passwordFrom(o) });
    if (o.json) console.log(JSON.stringify({ ok: true, account: a }));
    else console.log(`已重设 ${a.username} 的密码并解除锁定。下次登录后须修改密码。`);
    return 0;
  }
  throw new UsageError('用法：qingbo account add|list|reset-password --data 目录 …（运行 qingbo --help 查看详情）');
}
