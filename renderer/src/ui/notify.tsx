// One place that shows failed calls to the clerk, whatever page made them.
import { App } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../api/client';

type NotifyApi = ReturnType<typeof App.useApp>['notification'];
let api: NotifyApi | null = null;

/** Mount once inside antd's <App>: makes `reportError` able to show notifications. */
export function Notifier() {
  const { notification } = App.useApp();
  useEffect(() => {
    api = notification;
    return () => {
      api = null;
    };
  }, [notification]);
  return null;
}

/** Shows an error as a notification with its Chinese message. */
export function reportError(err: unknown): void {
  const message = err instanceof ApiError ? err.info.message : err instanceof Error ? err.message : String(err);
  const title = err instanceof ApiError && err.info.code === 'VALIDATION' ? '输入有误' : '操作未完成';
  if (api) api.error({ title, description: message, placement: 'topRight', duration: 8 });
  else window.alert(`${title}：${message}`);
}
