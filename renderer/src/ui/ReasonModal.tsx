// Asks why before a change that must carry a reason (归档, 恢复, 合并, 不是重复).
import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { focusFirstField } from './focus';

export interface ReasonModalProps {
  open: boolean;
  title: string;
  /** What will happen, above the reason box. */
  children?: ReactNode;
  okText: string;
  danger?: boolean;
  placeholder?: string;
  loading?: boolean;
  onOk(reason: string): void;
  onCancel(): void;
}

export function ReasonModal({ open, title, children, okText, danger, placeholder, loading, onOk, onCancel }: ReasonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      afterOpenChange={focusFirstField}
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger, loading }}
      cancelText="取消"
      destroyOnHidden
      onCancel={onCancel}
      onOk={() =>
        void form.validateFields().then(
          (v) => {
            // A click while the dialog is still opening can validate before the field exists.
            const reason = (v.reason ?? '').trim();
            if (reason) onOk(reason);
            else form.setFields([{ name: 'reason', errors: ['请填写原因'] }]);
          },
          () => undefined,
        )
      }
    >
      {children}
      <Form form={form} name="reason" layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label="原因"
          rules={[
            { required: true, message: '请填写原因' },
            { validator: (_, v: string | undefined) => (v && v.trim().length < 2 ? Promise.reject(new Error('至少 2 个字')) : Promise.resolve()) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={placeholder ?? '请写明原因，将记入修改记录'} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
