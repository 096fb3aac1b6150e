// The signed-in user in the header, with 修改密码 and 退出登录.
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, Tag } from 'antd';
import { useState } from 'react';
import { roleLabels } from '../../../shared/accounts';
import { call } from '../api/client';
import { useAuth } from './auth';
import { ChangePasswordModal } from './ChangePasswordModal';

/** Name and role of the signed-in user; nothing before an account exists. */
export function UserMenu() {
  const auth = useAuth();
  const queryClient = useQueryClient();
  const [changing, setChanging] = useState(false);
  const logout = useMutation({
    mutationFn: () => call('accounts.logout', {}),
    onSuccess: () => {
      // Nothing cached for the previous user may show to the next one.
      void queryClient.resetQueries();
    },
  });
  const me = auth.data?.me;
  if (!me) return null;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', label: '修改密码' },
            { key: 'logout', label: '退出登录', danger: true },
          ],
          onClick: ({ key }) => (key === 'password' ? setChanging(true) : logout.mutate()),
        }}
      >
        <Button type="text" icon={<UserOutlined />} aria-label={`当前用户：${me.displayName}`}>
          {me.displayName}
          <Tag style={{ marginLeft: 8, marginRight: 0 }}>{roleLabels[me.role]}</Tag>
          <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing || me.mustChangePassword} forced={me.mustChangePassword} onClose={() => setChanging(false)} />
    </>
  );
}
