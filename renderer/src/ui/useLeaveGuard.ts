// Asks before leaving a page whose changes are not saved yet.
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

export function useLeaveGuard(dirty: boolean, title: string, content = '离开此页会丢弃这些修改。', okText = '丢弃修改并离开'): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  const current = useRef(blocker);
  useEffect(() => {
    current.current = blocker;
  });
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title,
      content,
      okText,
      okButtonProps: { danger: true },
      cancelText: '留在此页',
      onOk: () => current.current.proceed?.(),
      onCancel: () => current.current.reset?.(),
    });
  }, [blocker.state, modal, title, content, okText]);
}
