// A running job as the clerk sees it: a bar, what it is doing, and a way to stop it.
import { Alert, Button, Progress, Space, Typography } from 'antd';
import type { JobInfo } from '../../../shared/jobs';
import { jobStatusLabels } from '../../../shared/jobs';

export function JobProgress({ job, onCancel }: { job: JobInfo; onCancel?: () => void }) {
  if (job.status === 'failed' || job.status === 'interrupted') {
    return <Alert type="error" showIcon title={`${jobStatusLabels[job.status]}：${job.error?.message ?? job.message}`} description="数据没有任何改动，可以修改后重试。" />;
  }
  if (job.status === 'cancelled') {
    return <Alert type="warning" showIcon title="已取消" description={job.message || '任务已取消，所有改动已撤销。'} />;
  }
  const percent = Math.round(job.progress * 100);
  return (
    <div role="status" aria-label="任务进度">
      <Progress percent={percent} status={job.status === 'running' ? 'active' : 'success'} />
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{job.message}</Typography.Text>
        {job.status === 'running' && onCancel && (
          <Button size="small" danger onClick={onCancel} disabled={!job.id}>
            取消
          </Button>
        )}
      </Space>
    </div>
  );
}
