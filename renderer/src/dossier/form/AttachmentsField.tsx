// 附件 on the record form: drop files or pick them; each shows its picture or icon, its state and a
// remove button. Files are uploaded as soon as they are added; the record links them when saved.
import { CheckCircleFilled, CloseCircleFilled, DeleteOutlined, InboxOutlined, LoadingOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography, Upload } from 'antd';
import type { StoredFileRef } from '../../../../shared/import';
import { Thumbnail, THUMB } from '../../ui/AttachmentView';
import { useFileSrc } from '../../ui/files';
import { formatSize } from '../../ui/format';
import type { AttachmentItem, useAttachments } from './useAttachments';

type Attachments = ReturnType<typeof useAttachments>;

function Status({ item }: { item: AttachmentItem }) {
  if (item.status === 'uploading') {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <LoadingOutlined /> 正在上传
      </Typography.Text>
    );
  }
  if (item.status === 'error') {
    return (
      <Tooltip title={item.error}>
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          <CloseCircleFilled /> 上传失败
        </Typography.Text>
      </Tooltip>
    );
  }
  return (
    <Typography.Text type="success" style={{ fontSize: 12 }}>
      <CheckCircleFilled /> {item.stored && !item.file ? '已保存' : '已上传'}
    </Typography.Text>
  );
}

function Tile({ item, onRemove, onRetry }: { item: AttachmentItem; onRemove(): void; onRetry(): void }) {
  // A saved picture comes from the store; a newly picked one is shown from this computer.
  const stored = useFileSrc(!item.localUrl && item.stored ? (item.stored as StoredFileRef) : null);
  return (
    <div role="listitem" aria-label={item.name} style={{ width: THUMB + 40, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 4 }}>
      <Thumbnail src={item.localUrl ?? stored} file={item} preview={false} />
      <Tooltip title={`${item.name}（${formatSize(item.size)}）`}>
        <Typography.Text ellipsis style={{ maxWidth: THUMB + 40, fontSize: 12 }}>
          {item.name}
        </Typography.Text>
      </Tooltip>
      <Status item={item} />
      <span>
        {item.status === 'error' && item.file && (
          <Button size="small" type="link" icon={<ReloadOutlined />} onClick={onRetry} aria-label={`重试上传 ${item.name}`}>
            重试
          </Button>
        )}
        <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={`移除 ${item.name}`}>
          移除
        </Button>
      </span>
    </div>
  );
}

export function AttachmentsField({ attachments }: { attachments: Attachments }) {
  return (
    <div>
      <Upload.Dragger
        multiple
        showUploadList={false}
        beforeUpload={(_file, list) => {
          // antd calls this once per file with the whole batch: take the batch on its first file.
          if (_file === list[0]) attachments.add(list as File[]);
          return Upload.LIST_IGNORE;
        }}
        style={{ padding: '4px 0' }}
      >
        <p className="ant-upload-drag-icon" style={{ marginBottom: 8 }}>
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击选择或把文件拖到这里</p>
        <p className="ant-upload-hint">现场照片、检验报告、文书扫描件、笔录等，可一次选多个，每个不超过 100 MB</p>
      </Upload.Dragger>
      {attachments.items.length > 0 && (
        <div role="list" aria-label="已添加的附件" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginTop: 16 }}>
          {attachments.items.map((i) => (
            <Tile key={i.key} item={i} onRemove={() => attachments.remove(i.key)} onRetry={() => attachments.retry(i.key)} />
          ))}
        </div>
      )}
    </div>
  );
}
