// The database password for commands on an encrypted data directory: from the environment
// variable QINGBO_DB_PASSWORD, or typed at the terminal (not echoed). Read once per command.
import { createInterface } from 'node:readline';
import { isEncryptedDatabase } from '../backend/db/open';
import { dataPaths } from '../backend/paths';
import { UsageError } from './usage';

export const DB_PASSWORD_ENV = 'QINGBO_DB_PASSWORD';

let key: string | undefined;

/** Options for openBackend: the key this command was given, if any. */
export const dbKey = (): { key?: string } => (key !== undefined ? { key } : {});

let lines: AsyncIterator<string> | null = null;

/** Reads one line: hidden when typed at a terminal, else the next line of standard input. */
export async function readSecret(prompt: string): Promise<string | undefined> {
  if (process.stdin.isTTY) {
    process.stderr.write(prompt);
    return new Promise((resolveLine) => {
      const stdin = process.stdin;
      let typed = '';
      stdin.setRawMode(true);
      stdin.resume();
      stdin.setEncoding('utf8');
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off('data', onData);
            process.stderr.write('\n');
            resolveLine(typed);
            return;
          }
          if (ch === '\u0003') process.exit(130);
          typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
        }
      };
      stdin.on('data', onData);
    });
  }
  lines ??= createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const next = await lines.next();
  return next.done ? undefined : next.value;
}

/**
 * Finds the password when the data directory's database is encrypted. `lockedIsFine`: the
 * server starts without it and the page asks (when it is neither set nor can be typed).
 */
export async function resolveDbKey(dataDir: string | null, lockedIsFine = false): Promise<void> {
  const fromEnv = process.env[DB_PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    key = fromEnv;
    return;
  }
  if (dataDir === null || !isEncryptedDatabase(dataPaths(dataDir).db)) return;
  if (!process.stdin.isTTY) {
    if (lockedIsFine) return;
    throw new UsageError(`数据目录 ${dataDir} 的数据库已加密。请在终端中运行此命令以输入数据库密码，或用环境变量 ${DB_PASSWORD_ENV} 给出密码。`);
  }
  key = await readSecret('数据库已加密，请输入数据库密码：');
}

/** Forgets the key (the database was re-keyed by this command). */
export function setDbKey(next: string | undefined): void {
  key = next;
}
