// 新建专项: template, name, 文件依据, period and scope; the targets are listed from the scope at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Divider, Form, Input, Modal, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import type { CampaignScopeInput } from '../../../shared/campaign';
import { call } from '../api/client';
import { problemPath, problemsOf, useTemplates } from './queries';
import { ScopeFields } from './ScopeFields';

interface Values {
  templateId: string;
  name: string;
  docRef: string;
  period: [Dayjs, Dayjs];
  scope: CampaignScopeInput;
}

/** A problem's place in this form: the two dates are one range field. */
const fieldOf = (field: string): (string | number)[] => {
  const path = problemPath(field, '');
  return path[0] === 'startsOn' || path[0] === 'endsOn' ? ['period'] : path;
};

export function NewCampaignModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const templates = useTemplates();
  const usable = (templates.data ?? []).filter((t) => !t.archived);
  const year = dayjs().year();

  const create = useMutation({
    mutationFn: (v: Values) =>
      call('campaigns.create', {
        templateId: v.templateId,
        name: v.name,
        docRef: v.docRef ?? null,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
        scope: v.scope,
      }),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: ['campaigns.list'] });
      queryClient.setQueryData(['campaigns.get', c.id], c);
      void message.success(`已新建专项「${c.name}」，按范围列入检查对象 ${c.targetCount} 户`);
      onClose();
      void navigate(`/campaigns/${c.id}`);
    },
    onError: (err) => {
      // Field problems also go beside their fields (the notification says them all).
      (form as unknown as FormInstance).setFields(problemsOf(err).map((p) => ({ name: fieldOf(p.field), errors: [p.message] })));
    },
  });

  const pickTemplate = (id: string) => {
    const t = usable.find((x) => x.id === id);
    const name = form.getFieldValue('name') as string | undefined;
    // The name follows the template until the clerk writes one.
    const previous = usable.find((x) => name === `${year}年${x.name}`);
    if (t && (!name || previous)) form.setFieldValue('name', `${year}年${t.name}`);
  };

  return (
    <Modal
      open={open}
      title="新建专项"
      width={760}
      okText="新建并列出检查对象"
      cancelText="取消"
      confirmLoading={create.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => create.mutate(v), () => undefined)}
    >
      <Form<Values>
        form={form}
        name="newCampaign"
        layout="vertical"
        preserve={false}
        initialValues={{ period: [dayjs(), dayjs().endOf('year')], scope: { statuses: ['存续'] } }}
      >
        <Form.Item name="templateId" label="检查模板" rules={[{ required: true, message: '请选择检查模板' }]} extra="模板规定检查事项和统计项；专项保存所选模板当时的版本">
          <Select
            placeholder="选择模板"
            loading={templates.isLoading}
            options={usable.map((t) => ({ value: t.id, label: `${t.name}${t.builtin ? '（内置）' : ''}` }))}
            onChange={pickTemplate}
            showSearch={{ optionFilterProp: 'label' }}
            autoFocus
          />
        </Form.Item>
        <Form.Item name="name" label="专项名称" rules={[{ required: true, whitespace: true, message: '请填写专项名称' }]}>
          <Input maxLength={100} placeholder={`如：${year}年含磷洗涤用品专项整治`} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="docRef" label="文件依据" style={{ flex: 1 }}>
            <Input maxLength={100} placeholder="如：华市监发〔2026〕8号（可不填）" />
          </Form.Item>
          <Form.Item name="period" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]} style={{ flex: 1 }}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          检查范围（新建后可在“检查对象”中按范围更新，或逐户添加、移出）
        </Divider>
        <ScopeFields />
      </Form>
    </Modal>
  );
}
