// 修改密码: the signed-in user's own password; also forced after an administrator set it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { call } from '../api/client';
import { AUTH_KEY } from './auth';
import { applyFieldErrors } from './formErrors';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** The change-password dialog; `forced` hides the cancel button (the administrator set the password). */
export function ChangePasswordModal({ open, onClose, forced = false }: { open: boolean; onClose: () => void; forced?: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (v: Values) => call('accounts.changePassword', { oldPassword: v.oldPassword, newPassword: v.newPassword }),
    meta: { quiet: true },
    onSuccess: () => {
      void message.success('密码已修改');
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: AUTH_KEY });
      onClose();
    },
    onError: (err) => void (applyFieldErrors(form, err) || form.setFields([{ name: 'oldPassword', errors: [err.message] }])),
  });
  return (
    <Modal
      title="修改密码"
      open={open}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      maskClosable={false}
      okText="修改"
      cancelButtonProps={forced ? { style: { display: 'none' } } : {}}
      onOk={() => form.submit()}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      {forced && <Typography.Paragraph>管理员为您设置了初始密码，请先改成只有您知道的新密码。</Typography.Paragraph>}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => change.mutate(v)}>
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请填写原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={[{ required: true, min: 8, message: '新密码至少 8 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_r, v: string) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
