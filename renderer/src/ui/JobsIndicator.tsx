// Running jobs in the header: progress, message, and a cancel button.
import { LoadingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popover, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { JobInfo } from '../../../shared/jobs';
import { call, onJobProgress } from '../api/client';
import { reportError } from './notify';

export function JobsIndicator() {
  const [jobs, setJobs] = useState<Record<string, JobInfo>>({});
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  useEffect(
    () =>
      onJobProgress((job) => {
        setJobs((prev) => ({ ...prev, [job.id]: job }));
        if (job.status !== 'running') {
          void queryClient.invalidateQueries();
          // A title naming a file ("导入企业名录：名录.xlsx") takes the message after a space, not a second colon.
          const said = `${job.title}${job.title.includes('：') ? ' — ' : '：'}${job.message}`;
          if (job.status === 'succeeded') void message.success(said);
          else void message.warning(said, 8);
          setTimeout(() => setJobs(({ [job.id]: _done, ...rest }) => rest), 4000);
        }
      }),
    [queryClient, message],
  );

  const list = Object.values(jobs);
  if (list.length === 0) return null;
  const running = list.filter((j) => j.status === 'running');
  const content = (
    <Space direction="vertical" style={{ width: 320 }}>
      {list.map((j) => (
        <div key={j.id}>
          <Typography.Text strong>{j.title}</Typography.Text>
          <Progress
            percent={Math.round(j.progress * 100)}
            status={j.status === 'running' ? 'active' : j.status === 'succeeded' ? 'success' : 'exception'}
          />
          <Space>
            <Typography.Text type="secondary">{j.message}</Typography.Text>
            {j.status === 'running' && (
              <Button size="small" danger onClick={() => call('jobs.cancel', { jobId: j.id }).catch(reportError)}>
                取消
              </Button>
            )}
          </Space>
        </div>
      ))}
    </Space>
  );
  return (
    <Popover content={content} title="任务" placement="bottomRight" trigger="click">
      <Button
        icon={running.length ? <LoadingOutlined /> : undefined}
        aria-label="任务进度"
        // A fixed width keeps the button still while the percentage changes.
        style={{ width: 200, fontVariantNumeric: 'tabular-nums' }}
      >
        {running.length ? `${running.length} 个任务进行中 · ${Math.round((running[0]?.progress ?? 0) * 100)}%` : '任务已结束'}
      </Button>
    </Popover>
  );
}
