// Where backups go (a folder on this computer, e.g. a USB disk) and how many are kept.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import type { BackupSettings, BackupSettingsView } from '../../../shared/backup';
import { ApiError, call } from '../api/client';
import { formatSize } from '../ui/format';

interface Values extends Omit<BackupSettings, 'folder'> {
  folder: string;
}

export function BackupSettingsForm({ settings }: { settings: BackupSettingsView }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  useEffect(() => form.setFieldsValue({ ...settings, folder: settings.folder ?? '' }), [settings, form]);
  const save = useMutation({
    mutationFn: (v: Values) => call('backups.saveSettings', { ...v, folder: v.folder.trim() === '' ? null : v.folder.trim() }),
    meta: { quiet: true },
    onSuccess: () => {
      void message.success('备份设置已保存');
      void queryClient.invalidateQueries({ queryKey: ['backups'] });
    },
    onError: (err) => {
      const text = err instanceof ApiError ? err.info.message : String(err);
      const field = err instanceof ApiError ? (err.info.details?.['field'] as keyof Values | undefined) : undefined;
      if (field) form.setFields([{ name: field, errors: [text] }]);
      else void message.error(text);
    },
  });
  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 640 }}>
      <Form.Item
        name="folder"
        label="备份文件夹"
        extra={
          <Typography.Text type="secondary">
            留空则保存在数据目录中：{settings.defaultFolder}。可以填移动硬盘上的文件夹（例如 E:\清波备份）。当前写入：{settings.activeFolder}
            {settings.freeBytes !== null ? `（剩余 ${formatSize(settings.freeBytes)}）` : ''}
          </Typography.Text>
        }
      >
        <Input placeholder={settings.defaultFolder} allowClear />
      </Form.Item>
      <Space wrap size={16}>
        <Form.Item name="keepDaily" label="每日备份保留（天）" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item name="keepWeekly" label="每周保留（周）" rules={[{ required: true, message: '请填写周数' }]}>
          <InputNumber min={0} max={52} />
        </Form.Item>
        <Form.Item name="keepMonthly" label="每月保留（月）" rules={[{ required: true, message: '请填写月数' }]}>
          <InputNumber min={0} max={120} />
        </Form.Item>
        <Form.Item name="keepOtherDays" label="手动及其他备份保留（天）" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={1} max={3650} />
        </Form.Item>
      </Space>
      <Button htmlType="submit" loading={save.isPending}>
        保存备份设置
      </Button>
    </Form>
  );
}
