// Runs a contract job and follows it: progress from the push channel, with polling as a fallback
// (a lost event must never leave the page waiting), the result parsed with its schema.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import type { MethodInput, MethodName } from '../../../shared/contract';
import type { JobInfo } from '../../../shared/jobs';
import { call, onJobProgress } from './client';

// The contract's job helper does not keep `kind` as a literal type, so the job methods are named here.
type JobMethod = Extract<MethodName, 'enterprises.import' | 'enterprises.export' | 'dossier.export' | 'demo.generate' | 'notices.bulkIssue' | 'backups.create' | 'reports.export'>;

const POLL_MS = 1000;

export interface JobState<M extends JobMethod, R> {
  job: JobInfo | null;
  /** The finished job's result, parsed with the contract's result schema. */
  result: R | null;
  running: boolean;
  start(input: MethodInput<M>): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

/** Starts and follows one job of `method` at a time. */
export function useJob<M extends JobMethod, S extends z.ZodType>(method: M, resultSchema: S): JobState<M, z.output<S>> {
  const [job, setJob] = useState<JobInfo | null>(null);
  const jobId = useRef<string | null>(null);
  // Events may arrive before the call that started the job has answered.
  const early = useRef(new Map<string, JobInfo>());

  useEffect(
    () =>
      onJobProgress((info) => {
        if (info.id === jobId.current) setJob(info);
        else if (jobId.current === null) early.current.set(info.id, info);
      }),
    [],
  );

  const running = job?.status === 'running';
  useEffect(() => {
    if (!running || !job) return;
    const id = job.id;
    const timer = setInterval(() => {
      call('jobs.get', { jobId: id })
        .then((info) => {
          if (jobId.current === id) setJob((prev) => (prev && prev.status !== 'running' ? prev : info));
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, job]);

  const start = useCallback(
    async (input: MethodInput<M>) => {
      early.current.clear();
      jobId.current = null;
      const now = new Date().toISOString();
      setJob({ id: '', kind: method, title: '', status: 'running', progress: 0, message: '正在开始…', startedAt: now, finishedAt: null, result: null, error: null });
      try {
        const { jobId: id } = (await call(method, input as never)) as { jobId: string };
        jobId.current = id;
        const seen = early.current.get(id);
        early.current.clear();
        if (seen) setJob(seen);
        else setJob((prev) => (prev ? { ...prev, id } : prev));
      } catch (err) {
        setJob(null);
        throw err;
      }
    },
    [method],
  );

  const cancel = useCallback(async () => {
    if (jobId.current) setJob(await call('jobs.cancel', { jobId: jobId.current }));
  }, []);

  const reset = useCallback(() => {
    jobId.current = null;
    setJob(null);
  }, []);

  // Parsed once per finished job, so that a page can react to a new result only.
  const status = job?.status;
  const raw = job?.result ?? null;
  const result = useMemo((): z.output<S> | null => {
    if (status !== 'succeeded' || raw === null) return null;
    const parsed = resultSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  }, [status, raw, resultSchema]);
  return { job, result, running, start, cancel, reset };
}
