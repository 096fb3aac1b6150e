// Runs one 导出报表 job and follows it: progress from the push channel, polling as a fallback (a
// lost event must never leave the page waiting), the result parsed as a 报送记录.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MethodInput } from '../../../shared/contract';
import type { JobInfo } from '../../../shared/jobs';
import { SentReport } from '../../../shared/report-format';
import { call, onJobProgress } from '../api/client';

const POLL_MS = 1000;

export interface ExportJob {
  job: JobInfo | null;
  result: SentReport | null;
  running: boolean;
  /** Starts the export; rejects at once (no job) when the backend refuses, e.g. findings not confirmed. */
  start(input: MethodInput<'reports.export'>): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

export function useExportJob(): ExportJob {
  const [job, setJob] = useState<JobInfo | null>(null);
  const jobId = useRef<string | null>(null);
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
    if (!running || !job?.id) return;
    const id = job.id;
    const timer = setInterval(() => {
      call('jobs.get', { jobId: id })
        .then((info) => {
          if (jobId.current === id) setJob((prev) => (prev && prev.status !== 'running' ? prev : info));
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, job?.id]);

  const start = useCallback(async (input: MethodInput<'reports.export'>) => {
    early.current.clear();
    jobId.current = null;
    const now = new Date().toISOString();
    setJob({ id: '', kind: 'reports.export', title: '', status: 'running', progress: 0, message: '正在开始…', startedAt: now, finishedAt: null, result: null, error: null });
    try {
      const { jobId: id } = await call('reports.export', input);
      jobId.current = id;
      const seen = early.current.get(id);
      early.current.clear();
      if (seen) setJob(seen);
      else setJob((prev) => (prev ? { ...prev, id } : prev));
    } catch (err) {
      setJob(null);
      throw err;
    }
  }, []);

  const cancel = useCallback(async () => {
    if (jobId.current) setJob(await call('jobs.cancel', { jobId: jobId.current }));
  }, []);

  const reset = useCallback(() => {
    jobId.current = null;
    setJob(null);
  }, []);

  // Parsed once per finished job, so the page can react to a new result only.
  const result = useMemo(() => {
    if (job?.status !== 'succeeded' || job.result === null) return null;
    const parsed = SentReport.safeParse(job.result);
    return parsed.success ? parsed.data : null;
  }, [job?.status, job?.result]);
  return { job, result, running, start, cancel, reset };
}
