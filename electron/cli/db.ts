// `qingbo db status|encrypt|decrypt`: encryption of the database at rest from the console.
import type { EncryptionStatus } from '../../shared/backup';
import type { Backend } from '../backend/backend';
import { DB_PASSWORD_ENV, dbKey, readSecret, setDbKey } from './dbkey';
import { callApi } from './jobs';
import { UsageError } from './usage';

export const DB_HELP = `  db status --data 目录 [--json]
          显示数据库是否加密（SQLite3 Multiple Ciphers，默认 ChaCha20-Poly1305）。
  db encrypt --data 目录
          加密数据库，或更换已加密数据库的密码：新密码（至少 8 位）在终端中输入两次，或从标准输入读一行。
          之后的命令用环境变量 ${DB_PASSWORD_ENV} 或在终端中输入密码；桌面程序和浏览器页面会询问密码。
          文件库中的照片和扫描件不加密；已有的备份保持原样（加密前的备份未加密）。
  db decrypt --data 目录
          解除加密，数据库恢复为普通 SQLite 文件。`;

function describe(s: EncryptionStatus): string {
  return s.encrypted ? `数据库已加密（${s.cipher ?? '未知算法'}）。文件库中的照片和扫描件未加密。` : '数据库未加密。';
}

async function newPassword(): Promise<string> {
  const first = await readSecret('请输入新的数据库密码（至少 8 位）：');
  if (!first) throw new UsageError('没有读到新的数据库密码：请在终端中输入，或从标准输入给出一行密码');
  if (process.stdin.isTTY) {
    const again = await readSecret('请再输入一次：');
    if (again !== first) throw new UsageError('两次输入的密码不一致，数据库没有改动');
  }
  return first;
}

/** Runs one `db` subcommand; resolves to the exit code. */
export async function dbCommand(backend: Backend, sub: string | undefined, json: boolean): Promise<number> {
  const print = (s: EncryptionStatus, text: string) => console.log(json ? JSON.stringify({ ok: true, ...s }) : text);
  if (sub === 'status') {
    const s = await callApi<EncryptionStatus>(backend, 'system.encryption', {});
    print(s, describe(s));
    return 0;
  }
  if (sub === 'encrypt' || sub === 'decrypt') {
    const current = dbKey().key ?? null;
    const next = sub === 'encrypt' ? await newPassword() : null;
    const t = performance.now();
    const s = await callApi<EncryptionStatus>(backend, 'system.setEncryption', { current, next, remember: false });
    setDbKey(next ?? undefined);
    const ms = Math.round(performance.now() - t);
    const text = s.encrypted
      ? `${current ? '已更换数据库密码' : '数据库已加密'}（${s.cipher ?? '未知算法'}，用时 ${ms} ms）。文件库中的照片和扫描件未加密。\n` +
        `以后运行命令时请在终端中输入数据库密码，或设置环境变量 ${DB_PASSWORD_ENV}。`
      : `已解除数据库加密（用时 ${ms} ms），数据库恢复为普通 SQLite 文件。`;
    print(s, text);
    return 0;
  }
  throw new UsageError('用法：qingbo db status|encrypt|decrypt --data 目录（运行 qingbo --help 查看详情）');
}
