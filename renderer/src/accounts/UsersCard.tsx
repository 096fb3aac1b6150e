// 用户管理 (administrators): add users, change roles, deactivate, unlock, reset passwords, and
// choose the account this computer signs in as automatically.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { roleDescriptions, roleLabels, roles, type Account, type Role } from '../../../shared/accounts';
import { call } from '../api/client';
import { AccountFormModal, type AccountDialog } from './AccountFormModal';
import { AUTH_KEY, useAuth, useCan } from './auth';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '从未');

/** The card; renders nothing for roles that may not manage users. */
export function UsersCard() {
  const can = useCan('accounts.list');
  return can ? <UsersCardBody /> : null;
}

function UsersCardBody() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const me = useAuth().data?.me;
  const [dialog, setDialog] = useState<AccountDialog>(null);
  const list = useQuery({ queryKey: ['accounts.list'], queryFn: () => call('accounts.list', {}) });
  const auto = useQuery({ queryKey: ['accounts.getAutoLogin'], queryFn: () => call('accounts.getAutoLogin', {}) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['accounts.list'] });
    void queryClient.invalidateQueries({ queryKey: ['accounts.getAutoLogin'] });
    void queryClient.invalidateQueries({ queryKey: AUTH_KEY });
  };
  const update = useMutation({
    mutationFn: (input: { id: number; role?: Role; active?: boolean; unlock?: true }) => call('accounts.update', input),
    onSuccess: (a) => {
      void message.success(`已更新「${a.displayName}」`);
      refresh();
    },
  });
  const setAuto = useMutation({
    mutationFn: (accountId: number | null) => call('accounts.setAutoLogin', { accountId }),
    onSuccess: (v) => {
      void message.success(v.accountId === null ? '已关闭本机自动登录' : '已设置本机自动登录');
      refresh();
    },
  });
  const rows = list.data ?? [];
  const toggle = (a: Account) =>
    a.active
      ? modal.confirm({
          title: `停用「${a.displayName}」？`,
          content: '停用后该用户立即退出，不能再登录；其操作记录保留。可随时重新启用。',
          okText: '停用',
          okButtonProps: { danger: true },
          onOk: () => update.mutateAsync({ id: a.id, active: false }),
        })
      : update.mutate({ id: a.id, active: true });

  return (
    <Card title="用户管理" extra={<Button type="primary" onClick={() => setDialog({ mode: 'create' })}>新增用户</Button>}>
      <Table<Account>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={rows}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 140 },
          { title: '姓名', dataIndex: 'displayName', width: 140 },
          {
            title: '角色',
            dataIndex: 'role',
            width: 160,
            render: (role: Role, a) => (
              <Select<Role>
                size="small"
                value={role}
                style={{ width: 130 }}
                aria-label={`${a.username} 的角色`}
                disabled={!a.active}
                options={roles.map((r) => ({ value: r, label: roleLabels[r], title: roleDescriptions[r] }))}
                onChange={(r) => update.mutate({ id: a.id, role: r })}
              />
            ),
          },
          {
            title: '状态',
            width: 150,
            render: (_: unknown, a) =>
              !a.active ? <Tag>已停用</Tag> : a.lockedUntil ? <Tag color="red">锁定至 {when(a.lockedUntil)}</Tag> : <Tag color="green">启用</Tag>,
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 170, render: when },
          {
            title: '操作',
            render: (_: unknown, a) => (
              <Space size={4} wrap>
                {a.lockedUntil && (
                  <Button size="small" onClick={() => update.mutate({ id: a.id, unlock: true })}>
                    解锁
                  </Button>
                )}
                <Button size="small" onClick={() => setDialog({ mode: 'reset', account: a })}>
                  重设密码
                </Button>
                {a.id !== me?.id && (
                  <Button size="small" danger={a.active} onClick={() => toggle(a)}>
                    {a.active ? '停用' : '启用'}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 16 }} wrap>
        <Typography.Text>本机自动登录：</Typography.Text>
        <Select<number | null>
          style={{ width: 240 }}
          aria-label="本机自动登录的用户"
          value={auto.data?.accountId ?? null}
          loading={auto.isLoading || setAuto.isPending}
          options={[{ value: null, label: '不自动登录（每次都要输入密码）' }, ...rows.filter((a) => a.active).map((a) => ({ value: a.id, label: `${a.displayName}（${roleLabels[a.role]}）` }))]}
          onChange={(v) => setAuto.mutate(v)}
        />
        <Typography.Text type="secondary">只对这台电脑上的清波有效；局域网中的其他电脑始终需要登录。</Typography.Text>
      </Space>
      <AccountFormModal dialog={dialog} onClose={() => setDialog(null)} onDone={refresh} />
    </Card>
  );
}
