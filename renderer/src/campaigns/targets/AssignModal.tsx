// 分配执法人员: the inspectors (in post) and the responsible unit of the chosen targets.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Form, Modal, Select, Typography } from 'antd';
import type { Campaign, TargetRow } from '../../../../shared/campaign';
import { call } from '../../api/client';
import { problemPath, problemsOf, refreshTargets, useInspectors } from '../queries';
import { ReasonField, reasonOf } from './ReasonField';
import { focusFirstField } from '../../ui/focus';

interface Values {
  inspectorIds: number[];
  responsibleUnit?: string;
  reason?: string;
}

interface Props {
  campaign: Campaign;
  /** The chosen targets; null closes the dialog. */
  targets: TargetRow[] | null;
  onClose(): void;
  onDone(): void;
}

export function AssignModal({ campaign, targets, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const inspectors = useInspectors(true);
  const [form] = Form.useForm<Values>();
  const drawn = campaign.draw !== null;
  const chosen = (Form.useWatch('inspectorIds', form) ?? []) as number[];
  const units = [...new Set((inspectors.data ?? []).map((i) => i.unit))];
  const one = targets?.length === 1 ? targets[0] : undefined;

  const assign = useMutation({
    mutationFn: (v: Values) =>
      call('campaigns.assign', {
        campaignId: campaign.id,
        enterpriseIds: (targets ?? []).map((t) => t.enterpriseId),
        inspectorIds: v.inspectorIds ?? [],
        responsibleUnit: v.responsibleUnit ?? null,
        reason: reasonOf(drawn, v.reason),
      }),
    onSuccess: (r) => {
      refreshTargets(queryClient, campaign.id);
      void message.success(r.changed ? `已为 ${r.changed} 户分配执法人员` : '分配与原来相同，没有变化');
      onDone();
    },
    onError: (err) => {
      const fields = problemsOf(err)
        .map((p) => ({ name: problemPath(p.field, '')[0], errors: [p.message] }))
        .filter((f): f is { name: keyof Values; errors: string[] } => f.name === 'inspectorIds' || f.name === 'responsibleUnit' || f.name === 'reason');
      form.setFields(fields);
    },
  });

  const options = (inspectors.data ?? []).map((i) => ({
    value: i.id,
    label: `${i.name}（${i.townshipName ?? '县局机关'}）`,
    search: `${i.name} ${i.certNo} ${i.unit} ${i.townshipName ?? ''}`,
  }));

  return (
    <Modal
      afterOpenChange={focusFirstField}
      open={targets !== null}
      title={`分配执法人员（${targets?.length ?? 0} 户）`}
      okText="分配"
      cancelText="取消"
      confirmLoading={assign.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => assign.mutate(v), () => undefined)}
    >
      <Typography.Paragraph type="secondary">
        {one ? `「${one.name}」` : `选中的 ${targets?.length ?? 0} 户`}将由下面的执法人员检查，原来的分配会被替换。每户检查至少需要两名执法人员。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        name="assign"
        layout="vertical"
        preserve={false}
        initialValues={{ inspectorIds: one?.inspectors.map((i) => i.id) ?? [], responsibleUnit: one?.responsibleUnit ?? undefined }}
      >
        <Form.Item
          name="inspectorIds"
          label="执法人员"
          extra={chosen.length === 1 ? '只选了一名：现场检查须两人以上，录入结果时还需补上另一名。' : '最多 5 名；只列出在岗人员，可按姓名、执法证号或单位搜索'}
          rules={[{ type: 'array', max: 5, message: '最多选 5 名' }]}
        >
          <Select
            mode="multiple"
            allowClear
            autoFocus
            placeholder={inspectors.data?.length === 0 ? '还没有执法人员，请先在“设置”中添加' : '选择执法人员'}
            loading={inspectors.isLoading}
            options={options}
            showSearch={{ optionFilterProp: 'search' }}
            maxCount={5}
          />
        </Form.Item>
        <Form.Item name="responsibleUnit" label="责任单位" extra="不填则由企业所在乡镇的市场监管所负责">
          <AutoComplete
            options={units.map((u) => ({ value: u }))}
            maxLength={60}
            allowClear
            placeholder="如：东山市场监督管理所"
            showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
          />
        </Form.Item>
        <ReasonField drawn={drawn} />
      </Form>
    </Modal>
  );
}
