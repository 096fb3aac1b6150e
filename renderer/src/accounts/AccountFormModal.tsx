// 新增用户 and 重设密码 dialogs of the user management card.
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { roleDescriptions, roleLabels, roles, type Account, type Role } from '../../../shared/accounts';
import { call } from '../api/client';
import { applyFieldErrors } from './formErrors';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export type AccountDialog = { mode: 'create' } | { mode: 'reset'; account: Account } | null;

/** Adds a user, or sets a new password for one; either way the user changes it at next login. */
export function AccountFormModal({ dialog, onClose, onDone }: { dialog: AccountDialog; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      dialog?.mode === 'reset'
        ? call('accounts.resetPassword', { id: dialog.account.id, password: v.password })
        : call('accounts.create', { username: v.username, displayName: v.displayName, role: v.role, password: v.password }),
    meta: { quiet: true },
    onSuccess: (a) => {
      void message.success(dialog?.mode === 'reset' ? `已重设「${a.displayName}」的密码，请当面告知本人` : `已新增用户「${a.displayName}」`);
      form.resetFields();
      onDone();
      onClose();
    },
    onError: (err) => void (applyFieldErrors(form, err) || form.setFields([{ name: 'password', errors: [err.message] }])),
  });
  const creating = dialog?.mode === 'create';
  return (
    <Modal
      title={creating ? '新增用户' : `重设「${dialog?.mode === 'reset' ? dialog.account.displayName : ''}」的密码`}
      open={dialog !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={creating ? '新增' : '重设'}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ role: 'clerk' }} onFinish={(v) => save.mutate(v)}>
        {creating && (
          <>
            <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }]} extra="登录时使用：汉字、字母、数字和 _ . -">
              <Input maxLength={32} autoComplete="off" />
            </Form.Item>
            <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input maxLength={32} />
            </Form.Item>
            <Form.Item label="角色" name="role">
              <Select options={roles.map((r) => ({ value: r, label: `${roleLabels[r]}：${roleDescriptions[r]}` }))} />
            </Form.Item>
          </>
        )}
        <Form.Item
          label={creating ? '初始密码' : '新密码'}
          name="password"
          rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}
          extra="请当面告知本人；首次登录后须改成自己的密码。"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
