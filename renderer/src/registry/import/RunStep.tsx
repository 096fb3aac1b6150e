// ③ 试导入 and ④ 正式导入: runs the import job, follows its progress, shows what it did.
import { Alert, Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ImportResult } from '../../../../shared/import';
import type { JobInfo } from '../../../../shared/jobs';
import { JobProgress } from '../../ui/JobProgress';
import { ImportResultView } from './ImportResultView';

interface Props {
  dryRun: boolean;
  job: JobInfo | null;
  result: ImportResult | null;
  /** Why the run cannot start now, if it cannot. */
  blocked?: string | null;
  onStart(): void;
  onCancel(): void;
  /** Shown under a finished result (next step, back to the list). */
  after?: ReactNode;
}

export function RunStep({ dryRun, job, result, blocked, onStart, onCancel, after }: Props) {
  const running = job?.status === 'running';
  const startLabel = dryRun ? (result ? '重新试导入' : '开始试导入') : '正式导入';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {!result && !running && (
        <Typography.Paragraph style={{ margin: 0 }}>
          {dryRun
            ? '试导入会检查文件中的每一行，列出将新增、更新的企业和有问题的行。名录不会有任何改动。'
            : '正式导入会把试导入中通过检查的行写入名录。整个导入一次完成：中途取消或出错，名录保持原样。'}
        </Typography.Paragraph>
      )}
      {blocked && <Alert type="warning" showIcon title={blocked} />}
      {(!result || dryRun) && (
        <Button type="primary" danger={!dryRun} onClick={onStart} loading={running} disabled={!!blocked || running}>
          {startLabel}
        </Button>
      )}
      {job && <JobProgress job={job} onCancel={onCancel} />}
      {result && <ImportResultView result={result} />}
      {result && after}
    </Space>
  );
}
