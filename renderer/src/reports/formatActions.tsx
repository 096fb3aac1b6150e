// What the list and the editor both do to a format: copy (asking for the new name), save as a JSON
// file, stop or resume using it, import a file another office shared.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError, call, saveFile, uploadFile } from '../api/client';
import { reportError } from '../ui/notify';
import { refreshFormats } from './queries';
import { focusFirstField } from '../ui/focus';

export const editorPath = (id: string) => `/reports/formats/${encodeURIComponent(id)}`;

export function useFormatActions() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const exportFormat = useMutation({
    mutationFn: async (id: string) => saveFile(await call('reports.exportFormat', { id })),
    onSuccess: (r) => void (r.saved && message.success('格式文件已导出')),
  });

  const archive = useMutation({
    mutationFn: (v: { id: string; archived: boolean }) => call('reports.archive', v),
    onSuccess: (f) => {
      refreshFormats(queryClient);
      queryClient.setQueryData(['reports.get', f.id], f);
      void message.success(f.archived ? `已停用「${f.definition.name}」，导出时不再列出` : `已恢复使用「${f.definition.name}」`);
    },
  });

  const importFormat = useMutation({
    meta: { quiet: true },
    mutationFn: async (file: File) => {
      if (!/\.json$/i.test(file.name)) throw new Error(`「${file.name}」不是报表格式文件（.json）。请选择从“导出格式文件”得到的文件。`);
      const stored = await uploadFile(file);
      return call('reports.import', { file: stored.sha256 });
    },
    onSuccess: (f) => {
      refreshFormats(queryClient);
      void message.success(`已导入格式「${f.definition.name}」`);
      void navigate(editorPath(f.id));
    },
    onError: (err) => modal.error({ title: '没有导入', content: err instanceof ApiError || err instanceof Error ? err.message : String(err), width: 560 }),
  });

  return { exportFormat, archive, importFormat };
}

interface CopyProps {
  /** The format to copy; null closes the dialog. */
  source: { id: string; name: string } | null;
  onClose(): void;
}

/** 复制为本单位格式: asks for the copy's name, then opens the copy in the editor. */
export function CopyFormatModal({ source, onClose }: CopyProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const copy = useMutation({
    meta: { quiet: true },
    mutationFn: (v: { id: string; name: string }) => call('reports.copy', v),
    onSuccess: (f) => {
      refreshFormats(queryClient);
      onClose();
      void message.success(`已复制为「${f.definition.name}」，可以修改了`);
      void navigate(editorPath(f.id));
    },
    // A name in use or not allowed goes beside the name; anything else to the usual notification.
    onError: (err) => {
      if (err instanceof ApiError && (err.info.code === 'VALIDATION' || err.info.code === 'CONFLICT')) form.setFields([{ name: 'name', errors: [err.info.message] }]);
      else reportError(err);
    },
  });
  return (
    <Modal
      afterOpenChange={focusFirstField}
      open={source !== null}
      title="复制为本单位格式"
      okText="复制并编辑"
      cancelText="取消"
      confirmLoading={copy.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => source && copy.mutate({ id: source.id, name: v.name.trim() }), () => undefined)}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ name: source ? `${source.name}（本单位）` : '' }}>
        <Form.Item name="name" label="新报表名称" rules={[{ required: true, whitespace: true, message: '请填写新报表名称' }]}>
          <Input maxLength={80} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
