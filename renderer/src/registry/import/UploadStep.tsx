// ① 选择文件: the clerk's spreadsheet goes into the file store, then its top is read for the preview.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { MAX_UPLOAD_BYTES } from '../../../../shared/bridge';
import type { ImportPreview, StoredFileRef } from '../../../../shared/import';
import { ApiError, call, uploadFile } from '../../api/client';

const ACCEPTED = /\.(xlsx|xls|csv)$/i;

interface Props {
  onReady(file: StoredFileRef, preview: ImportPreview): void;
}

export function UploadStep({ onReady }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const take = async (file: File) => {
    setError(null);
    if (!ACCEPTED.test(file.name)) return setError(`「${file.name}」不是 Excel 或 CSV 文件。请选择 .xlsx、.xls 或 .csv 文件。`);
    if (file.size > MAX_UPLOAD_BYTES) return setError(`「${file.name}」超过 100 MB，请拆分成几个文件分别导入。`);
    try {
      setBusy(`正在上传「${file.name}」…`);
      const stored = await uploadFile(file);
      setBusy(`正在读取「${file.name}」…`);
      const preview = await call('enterprises.importPreview', { file: stored.sha256, fileName: file.name });
      onReady(stored, preview);
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Spin spinning={!!busy} tip={busy ?? undefined}>
      <Upload.Dragger
        accept=".xlsx,.xls,.csv"
        multiple={false}
        showUploadList={false}
        disabled={!!busy}
        beforeUpload={(file) => {
          void take(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击选择或把文件拖到这里</p>
        <p className="ant-upload-hint">Excel（.xlsx、.xls）或 CSV 文件，不超过 100 MB。第一张工作表中要有表头行，如“企业名称”“统一社会信用代码”。</p>
      </Upload.Dragger>
      {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title="无法读取这个文件" description={error} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        导入分两步：先“试导入”检查每一行并列出问题，名录不会有任何改动；核对无误后再“正式导入”。已有的企业（信用代码相同）会按文件更新，文件中空着的格子不会清除已有内容。
      </Typography.Paragraph>
    </Spin>
  );
}
