// 数据检查未通过: shown instead of the app when the data failed the start-up checks. It says what
// failed, lists the backups with the newest good one marked, restores one, and says where the
// data folder is.
import { WarningOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Space, Typography } from 'antd';
import type { BackupInfo, IntegrityReport } from '../../../shared/backup';
import { ApiError, call } from '../api/client';
import { BackupTable } from '../backup/BackupTable';
import { confirmRestore } from '../backup/confirmRestore';
import { formatInstant } from '../ui/format';

export function RescuePage({ report }: { report: IntegrityReport }) {
  const { modal } = App.useApp();
  const latest = report.backups.find((b) => b.name === report.latestGood) ?? null;
  const restore = useMutation({
    mutationFn: (b: BackupInfo) => call('backups.restore', { name: b.name }),
    meta: { quiet: true },
    onSuccess: (r) => {
      modal.success({
        title: '数据已恢复',
        content: (
          <div>
            <p>已从备份 {r.restored} 恢复。{r.setAsideFolder ? `原来无法读取的数据已移到 ${r.setAsideFolder}。` : ''}</p>
          </div>
        ),
        okText: '进入清波',
        onOk: () => window.location.reload(),
      });
    },
  });
  const onRestore = async (b: BackupInfo) => {
    if (await confirmRestore(modal, b, false)) restore.mutate(b);
  };

  return (
    <main style={{ minHeight: '100vh', background: '#f5f5f5', padding: '40px 24px' }}>
      <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 1000, margin: '0 auto', display: 'flex' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          <WarningOutlined style={{ color: '#cf1322', marginRight: 12 }} />
          数据检查未通过
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, margin: 0 }}>
          清波启动时检查了数据，发现下面的问题。为避免在损坏的数据上继续工作，现在只能从备份恢复。数据没有被删除。
        </Typography.Paragraph>
        <Card title="发现的问题" size="small">
          <List
            size="small"
            dataSource={report.items}
            renderItem={(i) => (
              <List.Item>
                <Typography.Text type={i.ok ? 'secondary' : 'danger'}>
                  {i.ok ? '✓' : '✗'} {i.name}：{i.detail}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
        <Card title="从备份恢复" size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            {latest ? (
              <Space wrap>
                <Typography.Text>
                  最近的完好备份：<Typography.Text strong>{formatInstant(latest.createdAt)}</Typography.Text>（{latest.name}）
                </Typography.Text>
                <Button type="primary" danger loading={restore.isPending} onClick={() => void onRestore(latest)}>
                  从此备份恢复
                </Button>
              </Space>
            ) : (
              <Alert
                type="warning"
                showIcon
                title="没有找到可用的备份"
                description="请把备份文件（qingbo-备份-….zip）复制到下面的数据目录的 backups 文件夹中，再重新启动清波；或联系技术支持。"
              />
            )}
            {restore.error && <Alert type="error" showIcon title={restore.error instanceof ApiError ? restore.error.info.message : String(restore.error)} />}
            <BackupTable
              backups={report.backups}
              highlight={report.latestGood}
              onRestore={(b) => void onRestore(b)}
              restoring={restore.isPending ? (restore.variables?.name ?? null) : null}
            />
          </Space>
        </Card>
        <Typography.Text type="secondary">
          数据目录：<Typography.Text copyable>{report.dataDir}</Typography.Text>
        </Typography.Text>
      </Space>
    </main>
  );
}
