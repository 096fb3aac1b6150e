// 检查模板: a built-in template read-only (copy it to change it); a custom one edited in place.
// The backend's problems are shown under their fields; a save after someone else's is refused.
// Roles that may not save templates see every template read-only.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Form, Input, Result, Space, Spin, Tag, Typography, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CampaignTemplate } from '../../../../shared/campaign-template';
import { useCan } from '../../accounts/auth';
import { CannotNotice } from '../../accounts/Can';
import { ApiError, call } from '../../api/client';
import { formatInstant } from '../../ui/format';
import { problemsOf, refreshTemplates, useTemplate } from '../queries';
import { ChecklistSection } from './ChecklistSection';
import { ParametersSection, QuantitiesSection, TalliesSection } from './ListSections';
import { CopyTemplateModal, useTemplateActions } from './templateActions';
import { formPath, fromDefinition, toDefinition, type TemplateValues } from './templateForm';
import { useLeaveGuard } from '../../ui/useLeaveGuard';

export function TemplateEditorPage() {
  const id = useParams()['id'] ?? '';
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TemplateValues>();
  const template = useTemplate(id);
  const t = template.data;
  const [otherProblems, setOtherProblems] = useState<string[]>([]);
  const [copying, setCopying] = useState(false);
  const [dirty, setDirty] = useState(false);
  useLeaveGuard(dirty, '模板的修改还没有保存');
  const { exportTemplate, archive } = useTemplateActions();
  const canSave = useCan('campaignTemplates.save');
  const canCopy = useCan('campaignTemplates.copy');
  const canArchive = useCan('campaignTemplates.archive');
  // Built-in templates are copied, not changed; a stopped one is restored first.
  const readOnly = !!t?.builtin || !!t?.archived || !canSave;

  useEffect(() => {
    if (!t) return;
    form.setFieldsValue(fromDefinition(t.definition));
    setDirty(false);
  }, [t, form]);

  const showProblems = (err: unknown) => {
    const values = form.getFieldsValue(true) as TemplateValues;
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    const others: string[] = [];
    for (const p of problemsOf(err)) {
      const path = formPath(p.field, values);
      if (path) fields.push({ name: path, errors: [p.message] });
      else others.push(p.message.includes(p.label) ? p.message : `${p.label}：${p.message}`);
    }
    // Paths come from the backend, so they are not known to the form's types.
    (form as unknown as FormInstance).setFields(fields);
    setOtherProblems(others);
    const first = fields[0]?.name;
    if (first) form.scrollToField(first, { block: 'center' });
  };

  const save = useMutation({
    meta: { quiet: true },
    mutationFn: (v: TemplateValues) => call('campaignTemplates.save', { id, expectedUpdatedAt: t?.updatedAt ?? '', definition: toDefinition(v) }),
    onSuccess: (saved: CampaignTemplate) => {
      queryClient.setQueryData(['campaignTemplates.get', id], saved);
      refreshTemplates(queryClient);
      setOtherProblems([]);
      void message.success(`模板已保存（第 ${saved.version} 版）。已建立的专项仍按建立时的版本检查。`);
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) return void modal.error({ title: '没有保存', content: String(err) });
      const { code, details, message: text } = err.info;
      if (code === 'CONFLICT' && details?.['updatedAt']) {
        modal.confirm({
          title: '别人已经先保存了这个模板',
          content: `「${t?.definition.name ?? ''}」在您打开之后已被修改（${formatInstant(String(details['updatedAt']))}）。您的修改还没有保存。重新载入会显示最新的内容，您的修改需要重新填写。`,
          okText: '重新载入',
          cancelText: '留在此页',
          onOk: () => queryClient.invalidateQueries({ queryKey: ['campaignTemplates.get', id] }),
        });
        return;
      }
      if (problemsOf(err).length) return showProblems(err);
      modal.error({ title: '没有保存', content: text });
    },
  });

  if (template.isError) {
    return <Result status="404" title="找不到这个模板" subTitle={template.error.message} extra={<Link to="/campaigns/templates">返回模板列表</Link>} />;
  }
  if (!t) return <Spin style={{ display: 'block', marginTop: 64 }} />;

  const submit = () => void form.validateFields().then((v) => save.mutate(v), ({ errorFields }: { errorFields: { name: (string | number)[] }[] }) => {
    const first = errorFields[0]?.name;
    if (first) form.scrollToField(first, { block: 'center' });
  });

  return (
    <div
      style={{ maxWidth: 1200, paddingBottom: readOnly ? 0 : 72 }}
      onKeyDown={(e) => {
        if (!readOnly && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          submit();
        }
      }}
    >
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/campaigns">专项整治</Link> }, { title: <Link to="/campaigns/templates">检查模板</Link> }, { title: t.definition.name }]} />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} align="start">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t.definition.name}
          </Typography.Title>
          <Space size={4} style={{ marginTop: 4 }}>
            {t.builtin ? <Tag color="blue">内置</Tag> : <Tag color="green">自定义</Tag>}
            {t.archived && <Tag>已停用</Tag>}
            <Typography.Text type="secondary">
              第 {t.version} 版 · 修改于 {formatInstant(t.updatedAt)}
            </Typography.Text>
          </Space>
        </div>
        <Space>
          <Button onClick={() => exportTemplate.mutate(t.id)} loading={exportTemplate.isPending}>
            导出
          </Button>
          {canCopy && (
            <Button type={t.builtin ? 'primary' : 'default'} onClick={() => setCopying(true)}>
              {t.builtin ? '复制后编辑' : '复制'}
            </Button>
          )}
        </Space>
      </Space>
      {t.archived && !t.builtin && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="这个模板已停用"
          description="停用的模板不能修改，也不能用来新建专项。"
          action={
            canArchive && (
              <Button onClick={() => archive.mutate({ id: t.id, archived: false })} loading={archive.isPending}>
                恢复使用
              </Button>
            )
          }
        />
      )}
      {!canSave && !t.builtin && !t.archived && <CannotNotice doing="修改检查模板" style={{ marginBottom: 16 }} />}
      {t.builtin && canCopy && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="内置模板不能直接修改"
          description="请点击右上角“复制后编辑”，在副本上按本局要求调整检查事项、数量和统计项。"
        />
      )}
      {otherProblems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title="没有保存" description={otherProblems.map((p) => <div key={p}>{p}</div>)} />
      )}
      <Form<TemplateValues>
        form={form}
        name="template"
        layout="vertical"
        disabled={readOnly}
        onValuesChange={() => {
          setDirty(true);
          if (otherProblems.length) setOtherProblems([]);
        }}
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title="基本信息">
            <Form.Item name="name" label="模板名称" rules={[{ required: true, whitespace: true, message: '请填写模板名称' }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="description" label="说明" style={{ marginBottom: 0 }}>
              <Input.TextArea rows={3} maxLength={2000} placeholder="依据的法规、检查对象、注意事项等（可不填）" />
            </Form.Item>
          </Card>
          <Card title="参数" extra={<Typography.Text type="secondary">各专项可单独调整参数值</Typography.Text>}>
            <ParametersSection readOnly={readOnly} />
          </Card>
          <Card title="检查事项" extra={<Typography.Text type="secondary">现场检查时逐项填写；“视为问题”的答案会把该户计为发现问题</Typography.Text>}>
            <ChecklistSection readOnly={readOnly} />
          </Card>
          <Card title="数量" extra={<Typography.Text type="secondary">每次检查登记的数字，不能为负数</Typography.Text>}>
            <QuantitiesSection readOnly={readOnly} />
          </Card>
          <Card title="统计项" extra={<Typography.Text type="secondary">向上报送的数字，由检查结果自动计算</Typography.Text>}>
            <TalliesSection readOnly={readOnly} />
          </Card>
        </Space>
      </Form>
      {!readOnly && (
        <div
          style={{
            position: 'fixed', bottom: 0, left: 0, right: 0, padding: '12px 24px 12px 200px', background: '#fff',
            borderTop: '1px solid #eee', zIndex: 10, display: 'flex', gap: 8, alignItems: 'center',
          }}
        >
          <Button type="primary" onClick={submit} loading={save.isPending}>
            保存
          </Button>
          <Button onClick={() => void navigate('/campaigns/templates')}>返回模板列表</Button>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            Ctrl+S 保存；保存后版本号加一，已建立的专项不受影响
          </Typography.Text>
        </div>
      )}
      <CopyTemplateModal source={copying ? { id: t.id, name: t.definition.name } : null} onClose={() => setCopying(false)} />
    </div>
  );
}
