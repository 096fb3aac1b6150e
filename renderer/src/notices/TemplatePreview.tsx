// 预览 of a template: the saved template filled from a chosen enterprise (and its latest record
// the backend finds), rendered without a number. Previews use what is saved, not the text being edited.
import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { StoredFileRef } from '../../../shared/import';
import type { NoticeType } from '../../../shared/notice';
import { call } from '../api/client';
import { PdfPreview } from '../ui/PdfPreview';
import { EnterprisePicker, type PickedEnterprise } from './EnterprisePicker';

export function TemplatePreview({ type, dirty }: { type: NoticeType; dirty: boolean }) {
  const [enterprise, setEnterprise] = useState<PickedEnterprise | null>(null);
  const [file, setFile] = useState<StoredFileRef | null>(null);
  const run = useMutation({
    meta: { quiet: true },
    mutationFn: async (enterpriseId: number) => {
      const draft = await call('notices.prepare', { type, enterpriseId, recordId: null, campaignId: null });
      return call('notices.preview', { type, enterpriseId, recordId: null, campaignId: null, correctsId: null, fields: draft.fields });
    },
    onSuccess: setFile,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Space.Compact style={{ width: '100%' }}>
        <div style={{ flex: '1 1 auto', minWidth: 0 }}>
          <EnterprisePicker value={enterprise} onChange={setEnterprise} />
        </div>
        <Tooltip title={dirty ? '预览使用已保存的模板，请先保存修改' : enterprise ? undefined : '先选一家企业'}>
          <Button
            icon={<EyeOutlined />}
            disabled={!enterprise || dirty}
            loading={run.isPending}
            data-testid="template-preview"
            onClick={() => enterprise && run.mutate(enterprise.id)}
          >
            预览
          </Button>
        </Tooltip>
      </Space.Compact>
      {run.error && <Alert type="error" showIcon title="无法预览" description={run.error.message} />}
      {file && <PdfPreview file={file} open onClose={() => setFile(null)} />}
    </Space>
  );
}
