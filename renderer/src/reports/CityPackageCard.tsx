// 县级数据包 (city side): import the packages the counties sent (several at once), see which are in
// force, why one was refused (altered, duplicate, not a county of this city), replace or withdraw.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ReportPackage } from '../../../shared/report';
import { useCan } from '../accounts/auth';
import { ApiError, call, saveFile, uploadFile } from '../api/client';
import { formatInstant } from '../ui/format';
import { ReasonModal } from '../ui/ReasonModal';
import { refreshPackages, usePackages } from './queries';

interface Refusal {
  file: string;
  reason: string;
}

const errorText = (err: unknown): string => (err instanceof ApiError || err instanceof Error ? err.message : String(err));

export function CityPackageCard() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [withWithdrawn, setWithWithdrawn] = useState(false);
  const imported = usePackages('imported', withWithdrawn);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [busy, setBusy] = useState(0);
  const [withdrawing, setWithdrawing] = useState<ReportPackage | null>(null);
  const canImport = useCan('reports.importPackage');
  const canWithdraw = useCan('reports.withdrawPackage');

  /** Asks before a package replaces the one of the same county and period already in force. */
  const askReplace = (file: File, sha256: string, existing: ReportPackage) =>
    new Promise<boolean>((resolve) =>
      modal.confirm({
        title: `${existing.countyName}这一期间已有数据包`,
        content: `「${file.name}」与 ${formatInstant(existing.at)} 导入的数据包（${existing.periodFrom} 至 ${existing.periodTo}）是同一县、同一期间。替换后，原数据包撤下，汇总改用新的。`,
        okText: '替换',
        cancelText: '保留原数据包',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    ).then(async (replace) => {
      if (!replace) return null;
      return call('reports.importPackage', { file: sha256, fileName: file.name, replace: true });
    });

  const importOne = async (file: File) => {
    setBusy((n) => n + 1);
    try {
      if (!/\.zip$/i.test(file.name)) throw new Error('不是数据包文件（.zip）。请选择县局“生成数据包”得到的文件。');
      const stored = await uploadFile(file);
      let pkg: ReportPackage | null;
      try {
        pkg = await call('reports.importPackage', { file: stored.sha256, fileName: file.name, replace: false });
      } catch (err) {
        const existing = err instanceof ApiError && err.info.code === 'CONFLICT' ? err.info.details?.['existing'] : undefined;
        if (!existing) throw err;
        pkg = await askReplace(file, stored.sha256, existing as ReportPackage);
      }
      if (pkg) {
        setRefusals((r) => r.filter((x) => x.file !== file.name));
        void message.success(`已导入${pkg.countyName}的数据包（${pkg.periodFrom} 至 ${pkg.periodTo}）`);
      }
    } catch (err) {
      setRefusals((r) => [...r.filter((x) => x.file !== file.name), { file: file.name, reason: errorText(err) }]);
    } finally {
      setBusy((n) => n - 1);
      refreshPackages(queryClient);
    }
  };

  const withdraw = useMutation({
    mutationFn: (v: { id: number; reason: string }) => call('reports.withdrawPackage', v),
    onSuccess: (p) => {
      setWithdrawing(null);
      refreshPackages(queryClient);
      void message.success(`已撤下${p.countyName}的数据包，汇总不再计入`);
    },
  });

  return (
    <Card
      title="县级数据包（市局汇总）"
      size="small"
      data-testid="city-packages"
      extra={
        <Space>
          <Switch size="small" checked={withWithdrawn} onChange={setWithWithdrawn} aria-label="显示已撤下的数据包" />
          <Typography.Text>显示已撤下</Typography.Text>
          {canImport && (
            <Upload
              accept=".zip,application/zip"
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                void importOne(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={busy > 0} data-testid="package-import">
                导入县级数据包
              </Button>
            </Upload>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        可一次选择多个县的数据包。被改动过的、重复的、不属于本市的数据包会被拒收并说明原因。导入后，在“报表导出”里打开“县级汇总”，即可生成每县一行的汇总表。
      </Typography.Paragraph>
      {refusals.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusals([])}
          style={{ marginBottom: 12 }}
          title={`${refusals.length} 个数据包没有导入`}
          data-testid="package-refusals"
          description={refusals.map((r) => (
            <div key={r.file}>
              「{r.file}」：{r.reason}
            </div>
          ))}
        />
      )}
      <Table<ReportPackage>
        rowKey="id"
        size="small"
        data-testid="imported-packages"
        dataSource={imported.data ?? []}
        loading={imported.isLoading}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有导入县级数据包。' }}
        columns={[
          { title: '县（市、区）', key: 'county', width: 170, render: (_, p) => `${p.countyName}（${p.officeCode}）` },
          { title: '报送单位', dataIndex: 'officeName', width: 190 },
          { title: '期间', key: 'period', width: 200, render: (_, p) => `${p.periodFrom ?? ''} 至 ${p.periodTo ?? ''}` },
          { title: '专项', key: 'campaigns', render: (_, p) => p.campaigns.map((c) => c.name).join('、') },
          { title: '导入时间', dataIndex: 'at', width: 140, render: (v: string) => formatInstant(v) },
          {
            title: '状态',
            key: 'status',
            width: 130,
            render: (_, p) => (p.withdrawnAt ? <Tag>已撤下 {formatInstant(p.withdrawnAt).slice(5)}</Tag> : <Tag color="green">在用</Tag>),
          },
          {
            title: '操作',
            key: 'actions',
            width: 110,
            render: (_, p) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void saveFile(p.file)} aria-label={`下载${p.countyName}数据包`} />
                {!p.withdrawnAt && canWithdraw && (
                  <Button type="link" size="small" danger onClick={() => setWithdrawing(p)} aria-label={`撤下${p.countyName}数据包`}>
                    撤下
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ReasonModal
        open={withdrawing !== null}
        title={`撤下${withdrawing?.countyName ?? ''}的数据包`}
        okText="撤下"
        danger
        placeholder="例如：县局更正数据后重新报送"
        loading={withdraw.isPending}
        onOk={(reason) => withdrawing && withdraw.mutate({ id: withdrawing.id, reason })}
        onCancel={() => setWithdrawing(null)}
      >
        <Typography.Paragraph>撤下后，这个数据包不再计入汇总，记录仍保留。</Typography.Paragraph>
      </ReasonModal>
    </Card>
  );
}
