// 新建文书, first step: which notice, to whom. The form itself is the issue page.
import { Form, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import type { NoticeType } from '../../../shared/notice';
import { EnterprisePicker, type PickedEnterprise } from './EnterprisePicker';
import { issueHref, typeOptions } from './labels';
import { focusOnOpen } from '../ui/focus';

// The kind is usually chosen already (the default or the page's): the caret goes to 当事人.
const focusParty = focusOnOpen('input[aria-label="当事人"]');

interface Values {
  type?: NoticeType;
  enterprise?: PickedEnterprise | null;
}

export function NewNoticeModal({ open, onClose, initial }: { open: boolean; onClose(): void; initial?: Values }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const go = (v: Values) => {
    if (!v.type || !v.enterprise) return;
    onClose();
    void navigate(issueHref({ type: v.type, enterpriseId: v.enterprise.id }));
  };
  return (
    <Modal
      afterOpenChange={focusParty}
      open={open}
      title="新建文书"
      okText="下一步：填写文书"
      cancelText="取消"
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then(go, () => undefined)}
    >
      <Form form={form} layout="vertical" name="new-notice" initialValues={initial ?? { type: 'correctionOrder' }} preserve={false} onFinish={go}>
        <Form.Item name="type" label="文书种类" rules={[{ required: true, message: '请选择文书种类' }]}>
          <Select options={typeOptions} data-testid="new-notice-type" />
        </Form.Item>
        <Form.Item name="enterprise" label="当事人" rules={[{ required: true, message: '请选择当事人（企业）' }]}>
          <EnterprisePicker autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
