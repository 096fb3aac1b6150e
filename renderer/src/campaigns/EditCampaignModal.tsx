// 修改专项: name, 文件依据, period, status and the parameters (e.g. 含磷判定限值), saved with
// `campaigns.update`. Someone else's newer save is never overwritten (CONFLICT).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Campaign, type CampaignStatus, campaignStatuses } from '../../../shared/campaign';
import { ApiError, call } from '../api/client';
import { formatInstant } from '../ui/format';

interface Values {
  name: string;
  docRef: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
  status: CampaignStatus;
  parameters: Record<string, number | null>;
}

const FIELDS = new Set(['name', 'docRef', 'startsOn', 'endsOn', 'status']);

/** The form field a backend problem belongs to (parameters.phosphorusLimit → ['parameters', 'phosphorusLimit']). */
const fieldPath = (field: string): string[] | null =>
  FIELDS.has(field) ? [field] : field.startsWith('parameters.') ? ['parameters', field.slice('parameters.'.length)] : null;

export function EditCampaignModal({ campaign, open, onClose }: { campaign: Campaign; open: boolean; onClose(): void }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [other, setOther] = useState<string | null>(null);
  const params = campaign.template.parameters;

  const save = useMutation({
    meta: { quiet: true },
    mutationFn: (v: Values) =>
      call('campaigns.update', {
        id: campaign.id,
        expectedUpdatedAt: campaign.updatedAt,
        name: v.name,
        docRef: v.docRef ?? '',
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn.format('YYYY-MM-DD'),
        status: v.status,
        parameters: Object.fromEntries(Object.entries(v.parameters ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number')),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['campaigns.get', campaign.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['campaigns.list'] });
      void queryClient.invalidateQueries({ queryKey: ['campaigns.progress', campaign.id] });
      void message.success('专项信息已保存');
      onClose();
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) return setOther(String(err));
      const { code, details } = err.info;
      if (code === 'CONFLICT') {
        onClose();
        const at = details?.['updatedAt'] ? `（${formatInstant(String(details['updatedAt']))}）` : '';
        modal.warning({ title: '专项已被别人修改', content: `这个专项在您打开之后已被修改${at}，您的修改没有保存。页面已显示最新内容，请重新修改。` });
        void queryClient.invalidateQueries({ queryKey: ['campaigns.get', campaign.id] });
        return;
      }
      const problems = Array.isArray(details?.['problems']) ? (details['problems'] as { field: string; message: string }[]) : [];
      const placed = problems.flatMap((p) => {
        const name = fieldPath(p.field);
        return name ? [{ name, errors: [p.message] }] : [];
      });
      (form as FormInstance).setFields(placed); // paths come from the backend, not typed by the form
      setOther(placed.length === problems.length && placed.length > 0 ? null : err.info.message);
    },
  });

  return (
    <Modal
      open={open}
      title="修改专项信息"
      okText="保存"
      cancelText="取消"
      width={640}
      destroyOnHidden
      okButtonProps={{ loading: save.isPending }}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v), () => undefined)}
    >
      <Form<Values>
        form={form}
        name="campaign-edit"
        layout="vertical"
        preserve={false}
        initialValues={{
          name: campaign.name,
          docRef: campaign.docRef ?? '',
          startsOn: dayjs(campaign.startsOn),
          endsOn: dayjs(campaign.endsOn),
          status: campaign.status,
          parameters: Object.fromEntries(params.map((p) => [p.key, campaign.parameters[p.key] ?? p.value])),
        }}
      >
        <Form.Item name="name" label="专项名称" rules={[{ required: true, whitespace: true, message: '请填写专项名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="docRef" label="文件依据">
          <Input maxLength={100} placeholder="如：华市监发〔2026〕8号" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="startsOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
              <DatePicker style={{ width: '100%' }} placeholder="年-月-日" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="endsOn"
              label="结束日期"
              dependencies={['startsOn']}
              rules={[
                { required: true, message: '请选择结束日期' },
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | undefined) => {
                    const from = getFieldValue('startsOn') as Dayjs | undefined;
                    return v && from && v.isBefore(from, 'day') ? Promise.reject(new Error('结束日期不能早于开始日期')) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} placeholder="年-月-日" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label="状态">
              <Select options={campaignStatuses.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </Col>
        </Row>
        {params.map((p) => (
          <Form.Item key={p.key} name={['parameters', p.key]} label={p.label} rules={[{ required: true, message: `请填写${p.label}` }]}>
            <InputNumber style={{ width: 240 }} suffix={p.unit ?? undefined} step={0.1} />
          </Form.Item>
        ))}
        {other && <div style={{ color: '#cf1322' }}>{other}</div>}
      </Form>
    </Modal>
  );
}
