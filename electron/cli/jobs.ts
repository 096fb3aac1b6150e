// Running a contract job from the command line: progress on stderr, the finished job returned.
import { AppError } from '../../shared/errors';
import type { JobInfo } from '../../shared/jobs';
import type { Backend } from '../backend/backend';
import { LOCAL_ACTOR, trustedContext } from '../backend/context';

function printProgress(job: JobInfo, json: boolean): void {
  if (json) return;
  const pct = `${Math.round(job.progress * 100)}`.padStart(3);
  process.stderr.write(process.stderr.isTTY ? `\r${pct}%  ${job.message}\u001b[K` : `${pct}%  ${job.message}\n`);
}

/** Calls a method through the API (as every transport does) and throws its error as AppError. */
export async function callApi<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const r = await backend.api.call(method, input, trustedContext(LOCAL_ACTOR));
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
  return r.value as T;
}

/** Starts a job method, shows its progress (unless --json) and resolves when it has finished. */
export async function runJob(backend: Backend, method: string, input: unknown, json: boolean): Promise<JobInfo> {
  const { jobId } = await callApi<{ jobId: string }>(backend, method, input);
  const off = backend.core.jobs.onProgress((j) => j.id === jobId && printProgress(j, json));
  const done = await backend.core.jobs.wait(jobId);
  off();
  if (!json && process.stderr.isTTY) process.stderr.write('\n');
  return done;
}
