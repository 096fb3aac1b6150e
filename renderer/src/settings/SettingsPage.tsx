// 设置: the office (name, county, document-number abbreviation), deadline rules, demo data, products,
// and the history of changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Cascader, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { BackupSettings } from '../../../shared/backup';
import { contract, isMethodName } from '../../../shared/contract';
import type { DivisionNode } from '../../../shared/divisions';
import { DeadlineRules } from '../../../shared/dossier';
import { OfficeSettings, type OfficeSettingsInput } from '../../../shared/office';
import { fieldLabel } from '../../../shared/validation';
import { useCan } from '../accounts/auth';
import { UsersCard } from '../accounts/UsersCard';
import { BackupCard } from '../backup/BackupCard';
import { EncryptionCard } from '../backup/EncryptionCard';
import { ApiError, call } from '../api/client';
import { DeadlineRulesCard } from './DeadlineRulesCard';
import { InspectorsCard } from './InspectorsCard';
import { ProductsCard } from './ProductsCard';

interface FormValues {
  name: string;
  county: string[];
  docAbbrev: string;
}

/** The path province → city → county for a county code, for the cascader. */
function pathOf(tree: DivisionNode[], code: string): string[] | undefined {
  for (const p of tree) for (const c of p.children ?? []) for (const k of c.children ?? []) if (k.code === code) return [p.code, c.code, k.code];
  return undefined;
}

export function SettingsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const office = useQuery({ queryKey: ['settings.getOffice'], queryFn: () => call('settings.getOffice', {}) });
  const counties = useQuery({ queryKey: ['divisions.counties'], queryFn: () => call('divisions.counties', {}), staleTime: Infinity });
  const county = Form.useWatch('county', form);
  const abbrev = Form.useWatch('docAbbrev', form);
  const countyCode = county?.[2];
  const townships = useQuery({
    queryKey: ['divisions.townships', countyCode],
    queryFn: () => call('divisions.townships', { countyCode: countyCode ?? '' }),
    enabled: !!countyCode,
  });
  const canAudit = useCan('audit.list');
  const canSave = useCan('settings.saveOffice');
  const history = useQuery({
    queryKey: ['audit.list', 'settings'],
    queryFn: () => call('audit.list', { entity: 'settings', limit: 10 }),
    enabled: canAudit,
  });

  useEffect(() => {
    if (office.data && counties.data) {
      form.setFieldsValue({
        name: office.data.name,
        docAbbrev: office.data.docAbbrev,
        county: pathOf(counties.data, office.data.countyCode) ?? [],
      });
    }
  }, [office.data, counties.data, form]);

  const save = useMutation({
    mutationFn: (input: OfficeSettingsInput) => call('settings.saveOffice', input),
    onSuccess: () => {
      void message.success('本单位设置已保存');
      void queryClient.invalidateQueries();
    },
    onError: (err) => {
      // Put field-level problems next to their fields as well.
      if (err instanceof ApiError && err.info.code === 'VALIDATION') {
        const problems = (err.info.details?.['problems'] ?? []) as { field: string; message: string }[];
        const fieldOf = (f: string): keyof FormValues => (f === 'countyCode' ? 'county' : f === 'docAbbrev' ? 'docAbbrev' : 'name');
        form.setFields(problems.map((p) => ({ name: fieldOf(p.field), errors: [p.message] })));
      }
    },
  });

  const options = useMemo(() => counties.data ?? [], [counties.data]);
  const year = new Date().getFullYear();

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="本单位">
        <Form<FormValues>
          form={form}
          layout="horizontal"
          labelCol={{ span: 4 }}
          wrapperCol={{ span: 12 }}
          onFinish={(v) => save.mutate({ name: v.name, countyCode: v.county[2] ?? '', docAbbrev: v.docAbbrev })}
        >
          <Form.Item label="单位名称" name="name" rules={[{ required: true, message: '请填写单位名称' }]}>
            <Input placeholder="如：华容县市场监督管理局" maxLength={60} />
          </Form.Item>
          <Form.Item
            label="所在县（区）"
            name="county"
            rules={[{ required: true, type: 'array', len: 3, message: '请选择到县（区）一级' }]}
          >
            <Cascader
              options={options}
              fieldNames={{ label: 'name', value: 'code', children: 'children' }}
              showSearch={{ filter: (input, path) => path.some((o) => String(o['name']).includes(input)) }}
              placeholder="选择或输入县（区）名称搜索"
              loading={counties.isLoading}
            />
          </Form.Item>
          <Form.Item
            label="文号代字"
            name="docAbbrev"
            rules={[
              { required: true, message: '请填写文号代字' },
              { pattern: /^[\u4e00-\u9fa5]{2,12}$/, message: '只能是 2–12 个汉字，如「岳君市监」' },
            ]}
            extra={abbrev ? `文号示例：${abbrev}责改〔${year}〕1号` : '用于执法文书编号，如「岳君市监」'}
          >
            <Input placeholder="如：华市监" maxLength={12} />
          </Form.Item>
          <Form.Item label="辖区乡镇">
            {townships.data ? (
              <Space size={[4, 4]} wrap>
                {townships.data.map((t) => (
                  <Tag key={t.code}>{t.name}</Tag>
                ))}
                <Typography.Text type="secondary">共 {townships.data.length} 个</Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary">选择县（区）后显示</Typography.Text>
            )}
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 4 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!canSave}>
              保存
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <UsersCard />
      <BackupCard />
      <EncryptionCard />
      <DeadlineRulesCard />
      <InspectorsCard />
      {canAudit && <DemoCard />}
      <ProductsCard />
      {canAudit && (
        <Card title="修改记录">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={history.data ?? []}
            columns={[
              { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) },
              { title: '操作人', dataIndex: 'actor', width: 100 },
              { title: '操作', dataIndex: 'method', width: 160, render: (m: string) => (isMethodName(m) ? contract[m].title : m) },
              {
                title: '改动',
                render: (_: unknown, r: { before: unknown; after: unknown }) => describeChange(r.before, r.after),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

/** The fields a clerk recognises, labelled as the schema labels them (the code is shown by its name). */
const shownFields = ['name', 'countyName', 'docAbbrev'] as const;

function describeChange(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  if ('objection' in a) return describeRules(b, a);
  if ('accountId' in a) return `本机自动登录：${autoLoginText(b)} → ${autoLoginText(a)}`;
  if ('keepDaily' in a) return describeBackupSettings(b, a);
  if ('passwordChanged' in a) return a['passwordChanged'] ? '更换了数据库密码' : a['encrypted'] ? '数据库：未加密 → 加密' : '数据库：加密 → 未加密';
  const parts = shownFields
    .filter((k) => b[k] !== a[k])
    .map((k) => `${fieldLabel(OfficeSettings, [k]) ?? k}：${b[k] === undefined ? '（空）' : String(b[k])} → ${String(a[k] ?? '（空）')}`);
  return parts.join('；') || '无变化';
}

/** The automatic-login setting as recorded: the account's user name, or off. */
const autoLoginText = (v: Record<string, unknown>): string =>
  v['accountId'] === undefined || v['accountId'] === null ? '关闭' : String(v['username'] ?? `用户 ${String(v['accountId'])}`);

/** 备份设置 changes: the folder and each retention figure before → after. */
function describeBackupSettings(b: Record<string, unknown>, a: Record<string, unknown>): string {
  const text = (v: unknown) => (v === undefined ? '（默认）' : v === null ? '数据目录下的 backups' : String(v));
  const parts = (['folder', 'keepDaily', 'keepWeekly', 'keepMonthly', 'keepOtherDays'] as const)
    .filter((k) => b[k] !== a[k])
    .map((k) => `${fieldLabel(BackupSettings, [k]) ?? k}：${text(b[k])} → ${text(a[k])}`);
  return parts.join('；') || '无变化';
}

const ruleText = (r: unknown): string => {
  const v = r as { days?: number; unit?: string } | undefined;
  return v?.days === undefined ? '（默认）' : `${v.days} ${v.unit === 'working' ? '个工作日' : '日'}`;
};

/** 期限设置 changes: each rule before → after. */
function describeRules(b: Record<string, unknown>, a: Record<string, unknown>): string {
  const parts = (['objection', 'correct', 'recheck', 'complaintReply'] as const)
    .filter((k) => ruleText(b[k]) !== ruleText(a[k]))
    .map((k) => `${fieldLabel(DeadlineRules, [k]) ?? k}：${ruleText(b[k])} → ${ruleText(a[k])}`);
  if (b['extendPastRestDays'] !== a['extendPastRestDays']) parts.push(`遇节假日顺延：${a['extendPastRestDays'] ? '否 → 是' : '是 → 否'}`);
  return parts.join('；') || '无变化';
}

function DemoCard() {
  const [count, setCount] = useState(3000);
  const start = useMutation({ mutationFn: () => call('demo.generate', { enterprises: count }) });
  return (
    <Card title="演示数据">
      <Space>
        <Typography.Text>生成演示县的企业名录：</Typography.Text>
        <InputNumber min={1} max={2000000} value={count} onChange={(v) => setCount(v ?? 3000)} addonAfter="家" aria-label="演示企业数量" />
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          生成演示数据
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        尚未设置本单位时，演示数据使用湖南省岳阳市华容县；已设置时使用本单位所在县的乡镇。生成过程可在右上角查看进度或取消，取消后不留下任何数据。
      </Typography.Paragraph>
    </Card>
  );
}
