// Long work (import, export, backup, demo data) runs as a job with progress and cancellation.
import { z } from 'zod';
import { ErrorCode } from './errors';

export const jobStatuses = ['running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export const JobStatus = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof JobStatus>;

export const jobStatusLabels: Record<JobStatus, string> = {
  running: '进行中',
  succeeded: '已完成',
  failed: '失败',
  cancelled: '已取消',
  interrupted: '中断（程序退出）',
};

export const JobInfo = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  status: JobStatus,
  /** 0..1 */
  progress: z.number(),
  message: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: z.unknown().nullable(),
  error: z.object({ code: ErrorCode, message: z.string() }).nullable(),
});
export type JobInfo = z.infer<typeof JobInfo>;

export const JobRef = z.object({ jobId: z.string() });
export type JobRef = z.infer<typeof JobRef>;

export const JobId = z.object({ jobId: z.string().min(1).describe('任务编号') });
