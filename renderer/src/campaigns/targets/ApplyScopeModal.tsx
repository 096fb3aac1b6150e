// 按范围更新: change the campaign's scope and bring the list in line with it. Manual additions and
// removals stay as they are; targets that already have results are never dropped.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import type { Campaign, CampaignScopeInput } from '../../../../shared/campaign';
import { call } from '../../api/client';
import { formatCount } from '../../ui/format';
import { problemPath, problemsOf, refreshTargets } from '../queries';
import { ScopeFields } from '../ScopeFields';
import { ReasonField, reasonOf } from './ReasonField';

interface Values {
  scope: CampaignScopeInput;
  reason?: string;
}

export function ApplyScopeModal({ campaign, open, onClose }: { campaign: Campaign; open: boolean; onClose(): void }) {
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const drawn = campaign.draw !== null;

  const apply = useMutation({
    mutationFn: (v: Values) => call('campaigns.applyScope', { campaignId: campaign.id, scope: v.scope, reason: reasonOf(drawn, v.reason) }),
    onSuccess: (r) => {
      refreshTargets(queryClient, campaign.id);
      onClose();
      modal.success({
        title: '检查对象已按新范围更新',
        content: `新增 ${formatCount(r.added)} 户，移出 ${formatCount(r.removed)} 户，现共 ${formatCount(r.total)} 户。`,
      });
    },
    onError: (err) => {
      (form as unknown as FormInstance).setFields(problemsOf(err).map((p) => ({ name: problemPath(p.field, ''), errors: [p.message] })));
    },
  });

  return (
    <Modal
      open={open}
      title="按范围更新检查对象"
      width={760}
      okText="更新检查对象"
      cancelText="取消"
      confirmLoading={apply.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => apply.mutate(v), () => undefined)}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="符合新范围的企业会加入名单，不再符合的会移出。"
        description={`手动添加和手动移出的企业保持不变；已有检查结果的企业不会被移出。${drawn ? '本专项已完成双随机抽取：按范围新加入的企业不在抽取结果中。' : ''}`}
      />
      <Form<Values> form={form} name="applyScope" layout="vertical" preserve={false} initialValues={{ scope: campaign.scope }}>
        <ScopeFields chosenProducts={campaign.scope.productIds} />
        <ReasonField drawn={drawn} />
      </Form>
    </Modal>
  );
}
