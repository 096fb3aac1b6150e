// 登录: user name and password; a locked account is told when it unlocks.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../api/client';
import { applyFieldErrors } from './formErrors';

interface Values {
  username: string;
  password: string;
}

/** The login page shown whenever nobody is signed in. */
export function LoginPage() {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const login = useMutation({
    mutationFn: (v: Values) => call('accounts.login', v),
    meta: { quiet: true },
    onMutate: () => setProblem(null),
    onSuccess: () => {
      // Nothing cached for the previous user may show to the next one.
      void queryClient.resetQueries();
    },
    onError: (err) => {
      form.setFieldValue('password', '');
      if (!applyFieldErrors(form, err)) setProblem(err.message);
    },
  });
  return (
    <div className="auth-page" style={{ maxWidth: 400, margin: '96px auto' }}>
      <Card>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          清波 · 登录
        </Typography.Title>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => login.mutate(v)}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          忘记密码请联系本单位管理员重设。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
