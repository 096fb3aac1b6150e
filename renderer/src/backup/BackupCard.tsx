// 设置 → 备份与恢复 (administrators): the backups, 立即备份 with progress, restore with a clear
// confirmation, and the folder and retention settings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { BackupResult, type BackupInfo } from '../../../shared/backup';
import { useCan } from '../accounts/auth';
import { call } from '../api/client';
import { useJob } from '../api/useJob';
import { JobProgress } from '../ui/JobProgress';
import { formatMs, formatSize } from '../ui/format';
import { BackupSettingsForm } from './BackupSettingsForm';
import { BackupTable } from './BackupTable';
import { confirmRestore } from './confirmRestore';

/** The card; renders nothing for roles that may not back up or restore. */
export function BackupCard() {
  return useCan('backups.list') ? <BackupCardBody /> : null;
}

function BackupCardBody() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['backups', 'list'], queryFn: () => call('backups.list', {}) });
  const settings = useQuery({ queryKey: ['backups', 'settings'], queryFn: () => call('backups.getSettings', {}) });
  const job = useJob('backups.create', BackupResult);
  const done = job.job?.status;
  useEffect(() => {
    if (done && done !== 'running') void queryClient.invalidateQueries({ queryKey: ['backups'] });
  }, [done, queryClient]);

  const restore = useMutation({
    mutationFn: (b: BackupInfo) => call('backups.restore', { name: b.name }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries();
      modal.success({
        title: '已从备份恢复',
        content: (
          <div>
            <p>数据已恢复为备份 {r.restored} 中的样子（用时 {formatMs(r.ms)}）。</p>
            {r.previousBackup && <p>恢复前的数据已另存为备份 {r.previousBackup}。</p>}
            {r.setAsideFolder && <p>恢复前的数据已原样移到 {r.setAsideFolder}。</p>}
          </div>
        ),
      });
    },
  });

  const onRestore = async (b: BackupInfo) => {
    const encryptedNow = (await queryClient.fetchQuery({ queryKey: ['system.encryption'], queryFn: () => call('system.encryption', {}) })).encrypted;
    if (await confirmRestore(modal, b, true, encryptedNow)) restore.mutate(b);
  };

  return (
    <Card title="备份与恢复" id="backups">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          每天第一次启动时自动备份一次；升级前、恢复前也会自动备份。每个备份写完后都会逐个文件校验。
        </Typography.Text>
        <Space>
          <Button type="primary" loading={job.running} onClick={() => void job.start({}).catch((e: unknown) => void message.error(String((e as Error).message)))}>
            立即备份
          </Button>
          {job.result && (
            <Typography.Text type="success">
              已备份：{job.result.name}（{formatSize(job.result.size)}，写入 {formatMs(job.result.writeMs)}，校验 {formatMs(job.result.verifyMs)}）
            </Typography.Text>
          )}
        </Space>
        {job.job && job.job.status !== 'succeeded' && <JobProgress job={job.job} onCancel={() => void job.cancel()} />}
        {restore.isPending && <Alert type="info" showIcon title="正在从备份恢复，请稍候，不要关闭清波…" />}
        <BackupTable backups={list.data ?? []} loading={list.isLoading} onRestore={(b) => void onRestore(b)} restoring={restore.isPending ? (restore.variables?.name ?? null) : null} />
        {settings.data && (
          <Collapse
            size="small"
            items={[{ key: 'settings', label: '备份文件夹与保留规则', children: <BackupSettingsForm settings={settings.data} /> }]}
          />
        )}
      </Space>
    </Card>
  );
}
