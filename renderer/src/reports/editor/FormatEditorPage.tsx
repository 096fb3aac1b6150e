// 格式编辑: a built-in format read-only (复制为本单位格式 to change it); the office's own edited in place.
// The backend's problems (a field the source does not have, a bad expression) are shown at their
// field; each save raises the version; the format can be saved as a JSON file or stopped.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Form, Input, Result, Space, Spin, Tag, Typography, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type ReportFormatInfo } from '../../../../shared/report';
import { reportSourceLabels } from '../../../../shared/report-format';
import { useCan } from '../../accounts/auth';
import { ApiError, call } from '../../api/client';
import { useLeaveGuard } from '../../ui/useLeaveGuard';
import { formatInstant } from '../../ui/format';
import { CopyFormatModal, useFormatActions } from '../formatActions';
import { refreshFormats, useFormat, useSourceFields } from '../queries';
import { ColumnsSection } from './ColumnsSection';
import { fromDefinition, toDefinition, type FormatValues } from './formatForm';
import { HeaderPreview } from './HeaderPreview';
import { CodeTablesSection, FooterSection, PlaceholderHint, SettingsSection, TitleSection } from './LayoutSections';
import { placeProblems } from './problems';

export function FormatEditorPage() {
  const id = useParams()['id'] ?? '';
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormatValues>();
  const format = useFormat(id);
  const f = format.data;
  const fields = useSourceFields(f?.definition.source, f?.definition.templateId ?? null);
  const [otherProblems, setOtherProblems] = useState<string[]>([]);
  const [copying, setCopying] = useState(false);
  const [dirty, setDirty] = useState(false);
  useLeaveGuard(dirty, '报表格式的修改还没有保存');
  const { exportFormat, archive } = useFormatActions();
  const canSave = useCan('reports.save');
  const canCopy = useCan('reports.copy');
  const canArchive = useCan('reports.archive');
  const readOnly = !!f?.builtin || !!f?.archived || !canSave;

  useEffect(() => {
    if (!f) return;
    form.setFieldsValue(fromDefinition(f.definition));
    setDirty(false);
  }, [f, form]);

  /** Puts each of the backend's reasons at its field; true when there were any. */
  const showProblems = (err: unknown): boolean => {
    const { fields, others } = placeProblems(err, form.getFieldsValue(true) as FormatValues);
    if (!fields.length && !others.length) return false;
    // Paths come from the backend, so they are not known to the form's types.
    (form as unknown as FormInstance).setFields(fields);
    setOtherProblems(others);
    const first = fields[0]?.name;
    if (first) form.scrollToField(first, { block: 'center' });
    return true;
  };

  const save = useMutation({
    meta: { quiet: true },
    mutationFn: (v: FormatValues) => call('reports.save', { id, expectedUpdatedAt: f?.updatedAt ?? '', definition: toDefinition(v, f!.definition) as ReportFormatInfo['definition'] }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['reports.get', id], saved);
      refreshFormats(queryClient);
      setOtherProblems([]);
      void message.success(`报表格式已保存（第 ${saved.version} 版）。以前的报送记录仍注明当时的版本。`);
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) return void modal.error({ title: '没有保存', content: String(err) });
      const { code, details, message: text } = err.info;
      if (code === 'CONFLICT' && details?.['updatedAt']) {
        modal.confirm({
          title: '别人已经先保存了这个格式',
          content: `「${f?.definition.name ?? ''}」在您打开之后已被修改（${formatInstant(String(details['updatedAt']))}）。重新载入会显示最新的内容，您的修改需要重新填写。`,
          okText: '重新载入',
          cancelText: '留在此页',
          onOk: () => queryClient.invalidateQueries({ queryKey: ['reports.get', id] }),
        });
        return;
      }
      if (!showProblems(err)) setOtherProblems([text]);
    },
  });

  if (format.isError) {
    return <Result status="404" title="找不到这个报表格式" subTitle={format.error.message} extra={<Link to="/reports">返回报表导出</Link>} />;
  }
  if (!f) return <Spin style={{ display: 'block', marginTop: 64 }} />;

  const submit = () =>
    void form.validateFields().then(
      // Every value of the form, also those without an input of their own (a title row's height, a column's scale).
      () => save.mutate(form.getFieldsValue(true) as FormatValues),
      ({ errorFields }: { errorFields: { name: (string | number)[] }[] }) => {
        const first = errorFields[0]?.name;
        if (first) form.scrollToField(first, { block: 'center' });
      },
    );

  return (
    <div
      style={{ maxWidth: 1280, paddingBottom: readOnly ? 0 : 72 }}
      onKeyDown={(e) => {
        if (!readOnly && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          submit();
        }
      }}
    >
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/reports">报表导出</Link> }, { title: f.definition.name }]} />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} align="start">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="format-title">
            {f.definition.name}
          </Typography.Title>
          <Space size={4} style={{ marginTop: 4 }}>
            {f.builtin ? <Tag color="blue">内置</Tag> : <Tag color="green">本单位</Tag>}
            {f.archived && <Tag>已停用</Tag>}
            <Tag>{reportSourceLabels[f.definition.source]}</Tag>
            <Typography.Text type="secondary" data-testid="format-version">
              第 {f.version} 版 · 修改于 {formatInstant(f.updatedAt)}
            </Typography.Text>
          </Space>
        </div>
        <Space>
          <Button onClick={() => void navigate(`/reports?format=${encodeURIComponent(f.id)}`)} disabled={f.archived}>
            用此格式导出
          </Button>
          <Button onClick={() => exportFormat.mutate(f.id)} loading={exportFormat.isPending}>
            导出格式文件
          </Button>
          {canCopy && (
            <Button type={f.builtin ? 'primary' : 'default'} onClick={() => setCopying(true)} data-testid="format-copy">
              {f.builtin ? '复制为本单位格式' : '复制'}
            </Button>
          )}
          {!f.builtin && canArchive && (
            <Button danger={!f.archived} onClick={() => archive.mutate({ id: f.id, archived: !f.archived })} loading={archive.isPending}>
              {f.archived ? '恢复使用' : '停用'}
            </Button>
          )}
        </Space>
      </Space>
      {f.builtin && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="内置格式不能直接修改" description="请点击右上角“复制为本单位格式”，在副本上按上级的新要求调整标题、表头和列。" />
      )}
      {f.archived && !f.builtin && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="这个格式已停用" description="停用的格式不能修改，也不能用来导出。" />}
      {otherProblems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title="没有保存" description={otherProblems.map((p) => <div key={p}>{p}</div>)} data-testid="format-problems" />
      )}
      <Form<FormatValues>
        form={form}
        name="format"
        layout="vertical"
        disabled={readOnly}
        onValuesChange={() => {
          setDirty(true);
          if (otherProblems.length) setOtherProblems([]);
        }}
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title="基本信息" size="small">
            <Form.Item name="name" label="报表名称" rules={[{ required: true, whitespace: true, message: '请填写报表名称' }]}>
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item name="description" label="说明" style={{ marginBottom: 0 }}>
              <Input.TextArea rows={2} maxLength={2000} placeholder="依据的文件、报送对象、报送周期等（可不填）" />
            </Form.Item>
          </Card>
          <Card title="表样预览" size="small" extra={<Typography.Text type="secondary">随修改即时更新；数据在导出页检查时预览</Typography.Text>}>
            <HeaderPreview />
          </Card>
          <Card title="标题行" size="small">
            <PlaceholderHint />
            <TitleSection readOnly={readOnly} />
          </Card>
          <Card title="列" size="small" extra={<Typography.Text type="secondary">计算式可用字段代号、数字和 + - * / ( )</Typography.Text>}>
            <ColumnsSection readOnly={readOnly} fields={fields} />
          </Card>
          <Card title="代码表" size="small">
            <CodeTablesSection readOnly={readOnly} />
          </Card>
          <Card title="表尾" size="small">
            <FooterSection readOnly={readOnly} />
          </Card>
          <Card title="行、字体、打印和文件" size="small">
            <SettingsSection fields={fields} />
          </Card>
        </Space>
      </Form>
      {!readOnly && (
        <div style={{ position: 'fixed', bottom: 0, left: 0, right: 0, padding: '12px 24px 12px 200px', background: '#fff', borderTop: '1px solid #eee', zIndex: 10, display: 'flex', gap: 8, alignItems: 'center' }}>
          <Button type="primary" onClick={submit} loading={save.isPending} data-testid="format-save">
            保存
          </Button>
          <Button onClick={() => void navigate('/reports')}>返回报表导出</Button>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            Ctrl+S 保存；保存后版本号加一
          </Typography.Text>
        </div>
      )}
      <CopyFormatModal source={copying ? { id: f.id, name: f.definition.name } : null} onClose={() => setCopying(false)} />
    </div>
  );
}
