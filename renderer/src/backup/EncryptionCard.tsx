// 设置 → 数据库加密 (administrators): whether the database is encrypted at rest, and turning it on,
// changing its password or turning it off. The password is asked twice and never shown again.
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { EncryptionStatus } from '../../../shared/backup';
import { useCan } from '../accounts/auth';
import { applyFieldErrors } from '../accounts/formErrors';
import { call } from '../api/client';
import { focusFirstField } from '../ui/focus';

type Mode = 'encrypt' | 'change' | 'decrypt';

const titles: Record<Mode, string> = { encrypt: '加密数据库', change: '更换数据库密码', decrypt: '解除数据库加密' };

interface Values {
  current?: string;
  next?: string;
  again?: string;
  remember?: boolean;
}

/** The card; renders nothing for roles that may not change the encryption. */
export function EncryptionCard() {
  return useCan('system.encryption') ? <EncryptionCardBody /> : null;
}

function EncryptionCardBody() {
  const status = useQuery({ queryKey: ['system.encryption'], queryFn: () => call('system.encryption', {}) });
  const [mode, setMode] = useState<Mode | null>(null);
  const s = status.data;
  return (
    <Card title="数据库加密" data-testid="encryption-card">
      {s && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text data-testid="encryption-status">
            {s.encrypted ? <LockOutlined style={{ color: '#389e0d', marginRight: 8 }} /> : <UnlockOutlined style={{ marginRight: 8 }} />}
            {s.encrypted ? `数据库已加密（${s.cipher ?? '未知算法'}）` : '数据库未加密'}
            {s.encrypted && s.canRememberKey && (s.remembered ? '，这台电脑已记住密码' : '，每次启动时询问密码')}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            加密后，数据库文件离开清波即无法读取（例如笔记本丢失）。文件库中的照片和扫描件不加密；加密之后的备份随之加密，之前的备份保持原样。
            忘记密码时数据和加密的备份都无法打开，请把密码交由单位负责人另行保管。
          </Typography.Paragraph>
          <Space>
            {!s.encrypted && (
              <Button type="primary" icon={<LockOutlined />} onClick={() => setMode('encrypt')}>
                加密数据库…
              </Button>
            )}
            {s.encrypted && <Button onClick={() => setMode('change')}>更换密码…</Button>}
            {s.encrypted && (
              <Button danger onClick={() => setMode('decrypt')}>
                解除加密…
              </Button>
            )}
          </Space>
        </Space>
      )}
      {mode && s && <EncryptionModal mode={mode} status={s} onClose={() => setMode(null)} />}
    </Card>
  );
}

function EncryptionModal({ mode, status, onClose }: { mode: Mode; status: EncryptionStatus; onClose(): void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: Values) =>
      call('system.setEncryption', { current: mode === 'encrypt' ? null : (v.current ?? ''), next: mode === 'decrypt' ? null : (v.next ?? ''), remember: v.remember ?? false }),
    meta: { quiet: true },
    onMutate: () => setProblem(null),
    onSuccess: (r) => {
      queryClient.setQueryData(['system.encryption'], r);
      void queryClient.invalidateQueries({ queryKey: ['audit.list', 'settings'] });
      void message.success(mode === 'decrypt' ? '已解除数据库加密' : mode === 'change' ? '已更换数据库密码' : '数据库已加密');
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setProblem(err.message);
    },
  });
  return (
    <Modal
      afterOpenChange={focusFirstField}
      open
      title={titles[mode]}
      okText={titles[mode]}
      okButtonProps={{ danger: mode === 'decrypt', loading: save.isPending }}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ remember: false }} onFinish={(v) => save.mutate(v)}>
        {mode !== 'encrypt' && (
          <Form.Item label="当前数据库密码" name="current" rules={[{ required: true, message: '请输入当前的数据库密码' }]}>
            <Input.Password autoComplete="off" autoFocus />
          </Form.Item>
        )}
        {mode !== 'decrypt' && (
          <>
            <Form.Item
              label="新的数据库密码"
              name="next"
              rules={[
                { required: true, message: '请输入新的数据库密码' },
                { min: 8, message: '数据库密码至少 8 位' },
                { max: 128, message: '数据库密码最多 128 位' },
              ]}
            >
              <Input.Password autoComplete="new-password" autoFocus={mode === 'encrypt'} />
            </Form.Item>
            <Form.Item
              label="再输入一次"
              name="again"
              dependencies={['next']}
              rules={[
                { required: true, message: '请再输入一次新的数据库密码' },
                ({ getFieldValue }) => ({
                  validator: (_r, v) => (!v || v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            {status.canRememberKey && (
              <Form.Item name="remember" valuePropName="checked">
                <Checkbox>在这台电脑上记住（仅限当前的系统用户），启动时不再询问</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        <Alert
          type={mode === 'decrypt' ? 'warning' : 'info'}
          showIcon
          title={
            mode === 'decrypt'
              ? '解除后数据库以普通文件保存，任何拿到文件的人都能读取。'
              : '设置时数据库会整体重写一遍，期间其他人的保存会稍候；数据越多用时越长（十万家企业约需数秒）。'
          }
        />
        {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 16 }} />}
      </Form>
    </Modal>
  );
}
