// 数据库已加密: shown instead of the app while the encrypted database waits for its password.
// The desktop app can keep the password for this computer's account.
import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { IntegrityReport } from '../../../shared/backup';
import { applyFieldErrors } from '../accounts/formErrors';
import { call } from '../api/client';

interface Values {
  password: string;
  remember: boolean;
}

export function UnlockPage({ report }: { report: IntegrityReport }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const unlock = useMutation({
    mutationFn: (v: Values) => call('system.unlock', { password: v.password, remember: report.canRememberKey && v.remember }),
    meta: { quiet: true },
    onMutate: () => setProblem(null),
    onSuccess: () => void queryClient.resetQueries(),
    onError: (err) => {
      form.setFieldValue('password', '');
      if (!applyFieldErrors(form, err)) setProblem(err.message);
    },
  });
  const said = report.items[0]?.detail;
  return (
    <div className="auth-page" style={{ maxWidth: 440, margin: '96px auto' }}>
      <Card>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          <LockOutlined style={{ marginRight: 8 }} />
          数据库已加密
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          本单位的数据库加密保存，请输入数据库密码打开它。这不是个人登录密码；打开后各人仍用自己的账户登录。
        </Typography.Paragraph>
        {said && said.includes('不对') && <Alert type="warning" showIcon title={said} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" initialValues={{ password: '', remember: false }} onFinish={(v) => unlock.mutate(v)}>
          <Form.Item label="数据库密码" name="password" rules={[{ required: true, message: '请输入数据库密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="off" autoFocus />
          </Form.Item>
          {report.canRememberKey && (
            <Form.Item name="remember" valuePropName="checked">
              <Checkbox>在这台电脑上记住（仅限当前的系统用户）</Checkbox>
            </Form.Item>
          )}
          {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={unlock.isPending}>
            打开数据库
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          忘记数据库密码时数据无法打开，也无法从加密的备份恢复。请把密码交由单位负责人另行妥善保管。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
