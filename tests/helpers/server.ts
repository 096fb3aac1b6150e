// Runs the real `qingbo` CLI (the built one, as a user would) in a child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'qingbo.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `qingbo <args>` to completion. */
export function qingbo(args: string[], timeout = 120_000): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface Envelope<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

export interface RunningQingbo {
  url: string;
  proc: ChildProcess;
  /** POSTs to /api/<method> and returns the parsed result envelope. */
  api<T = unknown>(method: string, input?: unknown): Promise<Envelope<T>>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `qingbo serve` on a free port and waits until it prints its URL. */
export async function serve(dataDir: string, extraArgs: string[] = []): Promise<RunningQingbo> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--data', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /清波已启动：(http:\/\/\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const running: RunningQingbo = {
    url,
    proc,
    async api<T>(method: string, input: unknown = {}): Promise<Envelope<T>> {
      const res = await fetch(`${url}api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await res.json()) as Envelope<T>;
    },
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
  onTestFinished(() => running.stop());
  return running;
}
