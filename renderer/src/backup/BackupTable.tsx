// The list of backups: when, what kind, how big, whether it can be used; restore from a row.
import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { BackupInfo } from '../../../shared/backup';
import { formatCount, formatInstant, formatSize } from '../ui/format';

const kindColors: Record<BackupInfo['kind'], string> = { 每日: 'blue', 手动: 'green', 迁移前: 'purple', 恢复前: 'orange' };

export interface BackupTableProps {
  backups: BackupInfo[];
  loading?: boolean;
  /** The backup to mark as the one to use (rescue mode). */
  highlight?: string | null;
  onRestore(b: BackupInfo): void;
  restoring?: string | null;
}

export function BackupTable({ backups, loading, highlight, onRestore, restoring }: BackupTableProps) {
  return (
    <Table<BackupInfo>
      size="small"
      rowKey={(b) => `${b.folder}/${b.name}`}
      loading={loading ?? false}
      dataSource={backups}
      pagination={backups.length > 10 ? { pageSize: 10 } : false}
      rowClassName={(b) => (b.name === highlight ? 'backup-latest-good' : '')}
      locale={{ emptyText: '还没有备份' }}
      columns={[
        {
          title: '备份时间',
          key: 'at',
          render: (_, b) => (
            <span>
              {formatInstant(b.createdAt)}
              {b.name === highlight && (
                <Tag color="success" style={{ marginLeft: 8 }}>
                  最近的完好备份
                </Tag>
              )}
            </span>
          ),
        },
        { title: '类型', key: 'kind', render: (_, b) => <Tag color={kindColors[b.kind]}>{b.kind}{b.databaseOnly ? '（仅数据库）' : ''}</Tag> },
        { title: '大小', key: 'size', render: (_, b) => formatSize(b.size) },
        {
          title: '内容',
          key: 'counts',
          render: (_, b) =>
            b.counts
              ? `${formatCount(b.counts.enterprises)} 家企业，${formatCount(b.counts.records)} 条档案，${formatCount(b.counts.files)} 个文件${b.encrypted ? '（数据库已加密）' : ''}`
              : '—',
        },
        {
          title: '状态',
          key: 'state',
          render: (_, b) =>
            b.problem ? (
              <Tooltip title={b.problem}>
                <Tag color="error">不可用</Tag>
              </Tooltip>
            ) : (
              <Tag color="success">已校验</Tag>
            ),
        },
        {
          title: '',
          key: 'actions',
          align: 'right',
          render: (_, b) => (
            <Button size="small" disabled={!!b.problem || (!!restoring && restoring !== b.name)} loading={restoring === b.name} onClick={() => onRestore(b)}>
              从此备份恢复
            </Button>
          ),
        },
      ]}
      footer={backups.length ? () => <Typography.Text type="secondary">文件夹：{[...new Set(backups.map((b) => b.folder))].join('；')}</Typography.Text> : undefined}
    />
  );
}
