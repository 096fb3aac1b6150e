// 检查模板: the built-in and the office's own checklist templates; copy, stop using, export, and
// import a template file another office shared. Roles that may not change templates only look and export.
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router';
import type { MethodOutput } from '../../../../shared/contract';
import { useCan } from '../../accounts/auth';
import { Can } from '../../accounts/Can';
import { ApiError, call, uploadFile } from '../../api/client';
import { formatInstant } from '../../ui/format';
import { refreshTemplates, useTemplates } from '../queries';
import { CopyTemplateModal, useTemplateActions } from './templateActions';

type Summary = MethodOutput<'campaignTemplates.list'>[number];

export function TemplatesPage() {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const templates = useTemplates();
  const { exportTemplate, archive } = useTemplateActions();
  const canSave = useCan('campaignTemplates.save');
  const canCopy = useCan('campaignTemplates.copy');
  const canArchive = useCan('campaignTemplates.archive');
  const [showArchived, setShowArchived] = useState(false);
  const [copying, setCopying] = useState<{ id: string; name: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const all = templates.data ?? [];
  const rows = showArchived ? all : all.filter((t) => !t.archived);
  const archivedCount = all.filter((t) => t.archived).length;

  const importFile = async (file: File) => {
    if (!/\.json$/i.test(file.name)) {
      modal.error({ title: '不是模板文件', content: `「${file.name}」不是清波导出的模板文件（.json）。请选择从“导出”得到的文件。` });
      return;
    }
    setImporting(true);
    try {
      const stored = await uploadFile(file);
      const t = await call('campaignTemplates.import', { file: stored.sha256 });
      refreshTemplates(queryClient);
      void message.success(`已导入模板「${t.definition.name}」`);
      void navigate(`/campaigns/templates/${encodeURIComponent(t.id)}`);
    } catch (err) {
      modal.error({ title: '没有导入', content: err instanceof ApiError || err instanceof Error ? err.message : String(err) });
    } finally {
      setImporting(false);
    }
  };

  const open = (t: Summary) => void navigate(`/campaigns/templates/${encodeURIComponent(t.id)}`);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/campaigns">专项整治</Link> }, { title: '检查模板' }]} />
      <Card
        title="检查模板"
        extra={
          <Space>
            {archivedCount > 0 && (
              <>
                <Switch size="small" checked={showArchived} onChange={setShowArchived} aria-label="显示已停用的模板" />
                <Typography.Text>显示已停用（{archivedCount}）</Typography.Text>
              </>
            )}
            <Can method="campaignTemplates.import">
              <Upload
                accept=".json,application/json"
                showUploadList={false}
                multiple={false}
                beforeUpload={(file) => {
                  void importFile(file);
                  return Upload.LIST_IGNORE;
                }}
              >
                <Button icon={<UploadOutlined />} loading={importing}>
                  导入模板
                </Button>
              </Upload>
            </Can>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          模板规定专项检查时逐户填写的检查事项、要登记的数量和向上报送的统计项。内置模板不能修改，可复制后按本局要求调整。新建专项时会保存所选模板当时的版本，之后修改模板不影响已建立的专项。
        </Typography.Paragraph>
        <Table<Summary>
          rowKey="id"
          size="middle"
          loading={templates.isLoading}
          dataSource={rows}
          pagination={false}
          onRow={(t) => ({ 'data-testid': `template-${t.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: '还没有模板。' }}
          columns={[
            {
              title: '模板名称',
              dataIndex: 'name',
              render: (name: string, t) => (
                <Space>
                  <Link to={`/campaigns/templates/${encodeURIComponent(t.id)}`}>{name}</Link>
                  {t.archived && <Tag>已停用</Tag>}
                </Space>
              ),
            },
            { title: '类型', dataIndex: 'builtin', width: 90, render: (b: boolean) => (b ? <Tag color="blue">内置</Tag> : <Tag color="green">自定义</Tag>) },
            { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
            { title: '检查事项', dataIndex: 'items', width: 90, align: 'right', render: (n: number) => `${n} 项` },
            { title: '修改时间', dataIndex: 'updatedAt', width: 160, render: (v: string) => formatInstant(v) },
            {
              title: '操作',
              key: 'actions',
              width: 240,
              render: (_, t) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => open(t)} aria-label={`查看${t.name}`}>
                    {t.builtin || t.archived || !canSave ? '查看' : '编辑'}
                  </Button>
                  {canCopy && (
                    <Button type="link" size="small" onClick={() => setCopying({ id: t.id, name: t.name })} aria-label={`复制${t.name}`}>
                      复制
                    </Button>
                  )}
                  {canArchive && (
                    <Button
                      type="link"
                      size="small"
                      danger={!t.archived}
                      onClick={() => archive.mutate({ id: t.id, archived: !t.archived })}
                      aria-label={`${t.archived ? '恢复' : '停用'}${t.name}`}
                    >
                      {t.archived ? '恢复' : '停用'}
                    </Button>
                  )}
                  <Button
                    type="link"
                    size="small"
                    loading={exportTemplate.isPending && exportTemplate.variables === t.id}
                    onClick={() => exportTemplate.mutate(t.id)}
                    aria-label={`导出${t.name}`}
                  >
                    导出
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CopyTemplateModal source={copying} onClose={() => setCopying(null)} />
    </Space>
  );
}
