// 报表导出: the formats (built-in and the office's own) with their version and last export; choosing
// one opens its parameters, checks and export below the list.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Spin, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type ReportFormatSummary } from '../../../shared/report';
import { reportSourceLabels } from '../../../shared/report-format';
import { useCan } from '../accounts/auth';
import { EMPTY, formatInstant } from '../ui/format';
import { ExportPanel } from './ExportPanel';
import { CopyFormatModal, editorPath, useFormatActions } from './formatActions';
import { useFormat, useFormats, useSent, useSources } from './queries';

/** When each format was last exported, from the newest 报送记录. */
function useLastExported(): Map<string, string> {
  const sent = useSent(0, 500);
  return useMemo(() => {
    const last = new Map<string, string>();
    for (const r of sent.data?.rows ?? []) if (!last.has(r.formatId)) last.set(r.formatId, r.exportedAt);
    return last;
  }, [sent.data]);
}

function SelectedExport({ id }: { id: string }) {
  const format = useFormat(id);
  const sources = useSources(format.data?.definition.templateId ?? null);
  if (format.isError) return <Typography.Text type="danger">{format.error.message}</Typography.Text>;
  if (!format.data || !sources.data) return <Spin />;
  const source = sources.data.find((s) => s.source === format.data.definition.source);
  return <ExportPanel key={`${format.data.id}-${format.data.version}`} format={format.data} source={source} />;
}

export function FormatsTab() {
  const formats = useFormats();
  const last = useLastExported();
  const [search, setSearch] = useSearchParams();
  const selected = search.get('format');
  const [showArchived, setShowArchived] = useState(false);
  const [copying, setCopying] = useState<{ id: string; name: string } | null>(null);
  const { archive, exportFormat, importFormat } = useFormatActions();
  const canImport = useCan('reports.import');
  const canCopy = useCan('reports.copy');
  const canArchive = useCan('reports.archive');
  const canSave = useCan('reports.save');
  const canExport = useCan('reports.export');
  const all = formats.data ?? [];
  const rows = showArchived ? all : all.filter((f) => !f.archived);
  const archivedCount = all.filter((f) => f.archived).length;
  const choose = (id: string) => setSearch((s) => {
    s.set('format', id);
    return s;
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">内置格式不能修改，可“复制”为本单位格式后按上级新要求调整；也可以导入上级或兄弟单位发来的格式文件。</Typography.Text>
        <Space>
          {archivedCount > 0 && (
            <>
              <Switch size="small" checked={showArchived} onChange={setShowArchived} aria-label="显示已停用的格式" />
              <Typography.Text>显示已停用（{archivedCount}）</Typography.Text>
            </>
          )}
          {canImport && (
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              multiple={false}
              beforeUpload={(file) => {
                importFormat.mutate(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importFormat.isPending} data-testid="format-import">
                导入格式文件
              </Button>
            </Upload>
          )}
        </Space>
      </Space>
      <Table<ReportFormatSummary>
        rowKey="id"
        size="middle"
        loading={formats.isLoading}
        dataSource={rows}
        pagination={false}
        data-testid="formats-table"
        rowClassName={(f) => (f.id === selected ? 'ant-table-row-selected' : '')}
        onRow={(f) => ({ 'data-testid': `format-${f.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty description="还没有报表格式" /> }}
        columns={[
          {
            title: '报表名称',
            dataIndex: 'name',
            render: (name: string, f) => (
              <Space>
                <Link to={editorPath(f.id)}>{name}</Link>
                {f.builtin ? <Tag color="blue">内置</Tag> : <Tag color="green">本单位</Tag>}
                {f.archived && <Tag>已停用</Tag>}
              </Space>
            ),
          },
          { title: '数据来源', dataIndex: 'source', width: 140, render: (s: ReportFormatSummary['source']) => reportSourceLabels[s] },
          { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
          { title: '列数', dataIndex: 'columns', width: 70, align: 'right' },
          { title: '最近导出', key: 'last', width: 150, render: (_, f) => (last.get(f.id) ? formatInstant(last.get(f.id)!) : EMPTY) },
          {
            title: '操作',
            key: 'actions',
            width: 300,
            render: (_, f) => (
              <Space size={0}>
                <Button type="link" size="small" disabled={f.archived} onClick={() => choose(f.id)} aria-label={`导出${f.name}`}>
                  {canExport ? '导出报表' : '检查预览'}
                </Button>
                <Link to={editorPath(f.id)} aria-label={`查看${f.name}`} style={{ padding: '0 7px' }}>
                  {f.builtin || f.archived || !canSave ? '查看' : '编辑'}
                </Link>
                {canCopy && (
                  <Button type="link" size="small" onClick={() => setCopying({ id: f.id, name: f.name })} aria-label={`复制${f.name}`}>
                    复制
                  </Button>
                )}
                {!f.builtin && canArchive && (
                  <Button type="link" size="small" danger={!f.archived} onClick={() => archive.mutate({ id: f.id, archived: !f.archived })} aria-label={`${f.archived ? '恢复' : '停用'}${f.name}`}>
                    {f.archived ? '恢复' : '停用'}
                  </Button>
                )}
                <Button type="link" size="small" loading={exportFormat.isPending && exportFormat.variables === f.id} onClick={() => exportFormat.mutate(f.id)} aria-label={`导出格式文件${f.name}`}>
                  格式文件
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {selected && <SelectedExport id={selected} />}
      <CopyFormatModal source={copying} onClose={() => setCopying(null)} />
    </Space>
  );
}
