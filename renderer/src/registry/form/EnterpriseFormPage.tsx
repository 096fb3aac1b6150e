// 新增企业 / 编辑企业: every field of the enterprise in groups; the backend's field problems are
// shown under their fields, the credit code is checked on leaving it, and a save that comes after
// someone else's is refused (CONFLICT) rather than silently overwriting theirs.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Result, Space, Spin, Typography, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { EnterpriseSaved } from '../../../../shared/enterprise';
import { ApiError, call } from '../../api/client';
import { formatInstant } from '../../ui/format';
import { savedDuplicatesKey } from '../detail/SavedDuplicates';
import { CodeField, type CodeProblem } from './CodeField';
import { BasicSection, ContactSection, ProductsSection, SupervisionSection, TagsSection } from './FormSections';
import { emptyValues, fromEnterprise, problemPath, toInput, type FormValues } from './formValues';
import { LicencesField } from './LicencesField';

interface Problem {
  field: string;
  label: string;
  message: string;
}

export function EnterpriseFormPage() {
  const params = useParams();
  const id = params['id'] ? Number(params['id']) : null;
  const navigate = useNavigate();
  const location = useLocation();
  const fromDetail = (location.state as { fromDetail?: boolean } | null)?.fromDetail === true;
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [codeProblem, setCodeProblem] = useState<CodeProblem | null>(null);
  const [otherProblems, setOtherProblems] = useState<string[]>([]);
  const products = Form.useWatch('products', form) ?? [];

  const enterprise = useQuery({
    queryKey: ['enterprises.get', id],
    queryFn: () => call('enterprises.get', { id: id ?? 0 }),
    enabled: id !== null,
    staleTime: 0,
  });
  const e = enterprise.data;
  // A stored ID number stays as it is unless the clerk replaces it: editing never needs it in full.
  const [replaceIdNumber, setReplaceIdNumber] = useState(false);
  const keepIdNumber = id !== null && !!e?.idNumberMasked && !replaceIdNumber;
  const ready = id === null || !!e;
  // Set by the clerk's own changes (not by loading the enterprise): 取消 then asks first.
  const edited = useRef(false);

  useEffect(() => {
    if (id === null) form.setFieldsValue(emptyValues);
    else if (e) form.setFieldsValue(fromEnterprise(e, null));
  }, [id, e, form]);

  const showProblems = (problems: Problem[]) => {
    const others: string[] = [];
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    let code = false;
    for (const p of problems) {
      const path = problemPath(p.field);
      if (path[0] === 'uscc') {
        setCodeProblem({ message: p.message });
        code = true;
      } else if (path.length && path[0] !== '') fields.push({ name: path, errors: [p.message] });
      else others.push(`${p.label}：${p.message}`);
    }
    // Paths come from the backend, so they are not known to the form's types.
    (form as unknown as FormInstance).setFields(fields);
    setOtherProblems(others);
    // The save button is at the bottom: bring the first problem into view, the code field included.
    const first = code ? ['uscc'] : fields[0]?.name;
    if (first) form.scrollToField(first, { block: 'center' });
    else if (others.length) window.scrollTo({ top: 0 });
  };

  const save = useMutation({
    meta: { quiet: true },
    mutationFn: (v: FormValues): Promise<EnterpriseSaved> => {
      const data = toInput(v);
      const codeOverrideReason = v.codeConfirmed && v.codeOverrideReason ? v.codeOverrideReason : null;
      if (id === null) return call('enterprises.create', { data, codeOverrideReason });
      return call('enterprises.update', { id, data, codeOverrideReason, expectedUpdatedAt: e?.updatedAt ?? '', keepIdNumber });
    },
    onSuccess: (saved) => {
      const savedId = saved.enterprise.id;
      queryClient.setQueryData(['enterprises.get', savedId], saved.enterprise);
      queryClient.setQueryData(savedDuplicatesKey(savedId), saved.duplicates);
      void queryClient.invalidateQueries({ queryKey: ['enterprises.search'] });
      void queryClient.invalidateQueries({ queryKey: ['enterprises.history', savedId] });
      void queryClient.invalidateQueries({ queryKey: ['enterprises.tags'] });
      void queryClient.invalidateQueries({ queryKey: ['system.info'] });
      void message.success(id === null ? `已新增「${saved.enterprise.name}」` : `「${saved.enterprise.name}」已保存`);
      if (fromDetail) void navigate(-1);
      else void navigate(`/registry/${savedId}`, { replace: true });
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) return void modal.error({ title: '保存失败', content: String(err) });
      const { code, details, message: text } = err.info;
      if (code === 'VALIDATION') {
        const problems = (details?.['problems'] ?? []) as Problem[];
        void message.error('没有保存：请按标红的提示修改');
        showProblems(problems);
        if (details?.['overridable'] === true) {
          setCodeProblem({ message: text.replace(/^[^：]*：/, ''), overridable: true });
          form.scrollToField('uscc', { block: 'center' });
        }
        return;
      }
      if (code === 'CONFLICT' && details?.['field'] === 'data.uscc') {
        setCodeProblem({ message: text, existingId: Number(details['existingId']) });
        form.scrollToField('uscc', { block: 'center' });
        return;
      }
      if (code === 'CONFLICT' && details?.['updatedAt']) {
        modal.confirm({
          title: '别人已经先保存了这家企业',
          content: `「${e?.name ?? ''}」在您打开之后已被修改（${formatInstant(String(details['updatedAt']))}）。您的修改还没有保存。重新载入会显示最新的内容，您的修改需要重新填写。`,
          okText: '重新载入',
          cancelText: '留在此页',
          onOk: async () => {
            await queryClient.invalidateQueries({ queryKey: ['enterprises.get', id] });
          },
        });
        return;
      }
      modal.error({ title: '保存失败', content: text });
    },
  });

  if (id !== null && enterprise.isError) {
    return <Result status="404" title="找不到这家企业" subTitle={enterprise.error.message} extra={<Link to="/registry">返回企业名录</Link>} />;
  }
  if (e?.archived) {
    return <Result status="warning" title="已归档的企业不能修改" subTitle="请先在企业详情页恢复，再修改。" extra={<Link to={`/registry/${e.id}`}>返回企业详情</Link>} />;
  }
  if (!ready) return <Spin style={{ display: 'block', marginTop: 64 }} />;

  const title = id === null ? '新增企业' : `编辑：${e?.name ?? ''}`;
  return (
    <Form<FormValues>
      form={form}
      name="enterprise"
      layout="vertical"
      onFinish={(v) => save.mutate(v)}
      onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
      onValuesChange={() => {
        edited.current = true;
        if (otherProblems.length) setOtherProblems([]);
      }}
      scrollToFirstError={false}
      style={{ maxWidth: 1100, paddingBottom: 72 }}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {otherProblems.length > 0 && <Alert type="error" showIcon title="没有保存" description={otherProblems.map((p) => <div key={p}>{p}</div>)} />}
        <Card title="基本信息">
          <BasicSection
            codeField={<CodeField exceptId={id} serverProblem={codeProblem} onEdited={() => setCodeProblem(null)} />}
            storedIdNumber={keepIdNumber ? e?.idNumberMasked ?? null : null}
            onReplaceIdNumber={() => setReplaceIdNumber(true)}
          />
        </Card>
        <Card title="联系与地址">
          <ContactSection />
        </Card>
        <Card title="分类监管">
          <SupervisionSection editing={id !== null} />
        </Card>
        <Card title="证照">
          <LicencesField />
        </Card>
        <Card title="重点工业产品">
          <ProductsSection chosen={products} />
        </Card>
        <Card title="标签">
          <TagsSection />
        </Card>
      </Space>
      <div
        style={{
          position: 'fixed', bottom: 0, left: 0, right: 0, padding: '12px 24px 12px 200px', background: '#fff',
          borderTop: '1px solid #eee', zIndex: 10, display: 'flex', gap: 8,
        }}
      >
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
        <Button
          onClick={() => {
            // Typed changes are not thrown away without asking.
            if (!edited.current) return void navigate(-1);
            modal.confirm({
              title: '放弃未保存的修改？',
              content: '这次填写或修改的内容还没有保存，离开后不会保留。',
              okText: '放弃修改',
              okButtonProps: { danger: true },
              cancelText: '继续填写',
              onOk: () => void navigate(-1),
            });
          }}
        >
          取消
        </Button>
        <Typography.Text type="secondary" style={{ alignSelf: 'center', marginLeft: 8 }}>
          带 * 的为必填项；每次保存都会记入修改记录
        </Typography.Text>
      </div>
    </Form>
  );
}
