// 首次使用: create the administrator before anything else.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../api/client';
import { applyFieldErrors } from './formErrors';

interface Values {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  autoLogin: boolean;
}

/** The first-start page; on a remote browser it only says where to create the administrator. */
export function SetupPage({ remote }: { remote: boolean }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const setup = useMutation({
    mutationFn: (v: Values) => call('accounts.setup', { username: v.username, displayName: v.displayName, password: v.password, autoLogin: v.autoLogin }),
    meta: { quiet: true },
    onSuccess: () => queryClient.invalidateQueries(),
    onMutate: () => setProblem(null),
    onError: (err) => void (applyFieldErrors(form, err) || setProblem(err.message)),
  });
  return (
    <div className="auth-page" style={{ maxWidth: 480, margin: '64px auto' }}>
      <Card>
        <Typography.Title level={3}>欢迎使用清波：创建管理员</Typography.Title>
        {remote ? (
          <Alert type="warning" showIcon title="还没有管理员" description="请在服务器这台电脑上打开清波创建管理员，或运行 qingbo account add --role admin。" />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              管理员负责添加用户、分配角色和修改设置。请记住用户名和密码：忘记时只能由其他管理员重设。
            </Typography.Paragraph>
            <Form<Values> form={form} layout="vertical" initialValues={{ autoLogin: true }} onFinish={(v) => setup.mutate(v)}>
              <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }]} extra="登录时使用，如 wangli">
                <Input autoComplete="username" maxLength={32} />
              </Form.Item>
              <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
                <Input maxLength={32} />
              </Form.Item>
              <Form.Item label="密码" name="password" rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                label="再次输入密码"
                name="confirm"
                dependencies={['password']}
                rules={[
                  { required: true, message: '请再次输入密码' },
                  ({ getFieldValue }) => ({
                    validator: (_r, v: string) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item name="autoLogin" valuePropName="checked" extra="这台电脑打开清波时自动以管理员身份登录；多人共用这台电脑时请不要勾选。">
                <Checkbox>本机自动登录</Checkbox>
              </Form.Item>
              {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
              <Button type="primary" htmlType="submit" block loading={setup.isPending}>
                创建管理员并进入
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
