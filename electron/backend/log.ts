// A small JSON-lines logger: to logs/qingbo.log in the data directory, warnings also to stderr.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/** A logger writing to `<logsDir>/qingbo.log`; `stderrLevel` decides what is echoed. */
export function createLogger(logsDir: string | null, stderrLevel: Level | 'silent' = 'warn'): Logger {
  const file = logsDir ? join(logsDir, 'qingbo.log') : null;
  if (logsDir) mkdirSync(logsDir, { recursive: true });
  const write = (level: Level, msg: string, data?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, msg, ...data });
    if (file) {
      try {
        appendFileSync(file, line + '\n');
      } catch {
        // The log must never take the application down.
      }
    }
    if (stderrLevel !== 'silent' && order[level] >= order[stderrLevel]) process.stderr.write(line + '\n');
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
