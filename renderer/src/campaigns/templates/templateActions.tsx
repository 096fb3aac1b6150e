// What the list and the editor both do to a template: copy (asking for the new name), export to a
// file, stop or resume using it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { call, saveFile } from '../../api/client';
import { reportError } from '../../ui/notify';
import { problemsOf, refreshTemplates } from '../queries';
import { focusFirstField } from '../../ui/focus';

export function useTemplateActions() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const exportTemplate = useMutation({
    mutationFn: async (id: string) => saveFile(await call('campaignTemplates.export', { id })),
    onSuccess: (r) => void (r.saved && message.success('模板已导出')),
  });

  const archive = useMutation({
    mutationFn: (v: { id: string; archived: boolean }) => call('campaignTemplates.archive', v),
    onSuccess: (t) => {
      refreshTemplates(queryClient);
      queryClient.setQueryData(['campaignTemplates.get', t.id], t);
      void message.success(t.archived ? `已停用「${t.definition.name}」，新建专项时不再列出` : `已恢复使用「${t.definition.name}」`);
    },
  });

  return { exportTemplate, archive };
}

interface CopyProps {
  /** The template to copy; null closes the dialog. */
  source: { id: string; name: string } | null;
  onClose(): void;
}

/** 复制模板: asks for the copy's name, then opens the copy in the editor. */
export function CopyTemplateModal({ source, onClose }: CopyProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const copy = useMutation({
    meta: { quiet: true },
    mutationFn: (v: { id: string; name: string }) => call('campaignTemplates.copy', v),
    onSuccess: (t) => {
      refreshTemplates(queryClient);
      onClose();
      void message.success(`已复制为「${t.definition.name}」，可以修改了`);
      void navigate(`/campaigns/templates/${encodeURIComponent(t.id)}`);
    },
    // A name in use goes beside the name; anything else to the usual notification.
    onError: (err) => {
      const problem = problemsOf(err)[0];
      if (problem) form.setFields([{ name: 'name', errors: [problem.message] }]);
      else reportError(err);
    },
  });
  return (
    <Modal
      afterOpenChange={focusFirstField}
      open={source !== null}
      title="复制模板"
      okText="复制并编辑"
      cancelText="取消"
      confirmLoading={copy.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => source && copy.mutate({ id: source.id, name: v.name.trim() }), () => undefined)}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ name: source ? `${source.name}（副本）` : '' }}>
        <Form.Item name="name" label="新模板名称" rules={[{ required: true, whitespace: true, message: '请填写新模板名称' }]}>
          <Input maxLength={60} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
