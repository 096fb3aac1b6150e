// 记录复查: the office went back to see whether the order to correct was carried out. Saving
// completes the order's deadlines (整改期限, 复查期限) in the same update.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { DossierRecord } from '../../../../shared/dossier';
import { ApiError, call } from '../../api/client';
import { RecheckFields } from '../form/RectificationFields';
import { problemsOf, showProblems } from '../form/useSaveRecord';
import { toInput, type RecordFormValues } from '../form/values';
import { refreshAfterSave } from '../queries';

export function RecheckModal({ record, onClose }: { record: DossierRecord; onClose(): void }) {
  const [form] = Form.useForm<RecordFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    meta: { quiet: true },
    mutationFn: (values: RecordFormValues) => {
      const { data } = toInput('rectification', values, record.data);
      return call('dossier.update', {
        id: record.id, expectedUpdatedAt: record.updatedAt, kind: 'rectification', occurredOn: record.occurredOn, data, attachments: record.attachments,
      });
    },
    onSuccess: (saved) => {
      refreshAfterSave(queryClient, record.enterpriseId);
      const outcome = String(saved.record.data['outcome'] ?? '');
      void message.success(`复查已记录（${outcome}），整改期限和复查期限已完成`);
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.info.code === 'VALIDATION') {
        const others = showProblems(form as unknown as FormInstance, 'rectification', problemsOf(err));
        setProblem(others.length ? others.join('；') : problemsOf(err).length ? null : err.info.message);
      } else setProblem(err instanceof Error ? err.message : String(err));
    },
  });
  return (
    <Modal
      open
      title="记录复查"
      okText="保存复查"
      cancelText="取消"
      width={720}
      confirmLoading={save.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v), () => undefined)}
    >
      <Typography.Paragraph type="secondary">
        {record.summary}
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
      <Form form={form} name="recheck" layout="vertical" initialValues={{ data: { recheckOn: dayjs(), recheckInspectors: [] } }}>
        <RecheckFields required />
      </Form>
      <Typography.Text type="secondary">复查结果为“未整改”的，可以接着新增约谈或行政处罚记录。</Typography.Text>
    </Modal>
  );
}
