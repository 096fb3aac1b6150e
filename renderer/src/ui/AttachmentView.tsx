// One attachment as the clerk sees it: a picture as a thumbnail that opens large in the page, a PDF
// as its first page that opens a preview of its first pages, any other file as its icon, name and
// size; each can be opened with the system's program or saved.
import { DownloadOutlined, ExportOutlined, FileImageOutlined, FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Image, Space, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { StoredFileRef } from '../../../shared/import';
import { openFile, saveFile } from '../api/client';
import { isImage, isPdf, useFileSrc } from './files';
import { formatSize } from './format';
import { reportError } from './notify';
import { PdfPreview } from './PdfPreview';
import { PdfThumbnail } from './PdfThumbnail';

export const THUMB = 96;

/** A square picture tile, or the file's icon when it is not a picture (or cannot be shown). */
export function Thumbnail({ src, file, preview = true }: { src: string | null; file: { name: string; mime: string }; preview?: boolean }) {
  if (src && isImage(file)) {
    return (
      <Image
        src={src}
        alt={file.name}
        width={THUMB}
        height={THUMB}
        style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
        preview={preview ? { cover: '查看大图' } : false}
      />
    );
  }
  const icon: ReactNode = isPdf(file) ? (
    <FilePdfOutlined style={{ fontSize: 36, color: '#d4380d' }} />
  ) : isImage(file) ? (
    <FileImageOutlined style={{ fontSize: 36, color: '#8c8c8c' }} />
  ) : (
    <FileOutlined style={{ fontSize: 36, color: '#8c8c8c' }} />
  );
  return (
    <div
      aria-hidden
      style={{
        width: THUMB, height: THUMB, display: 'flex', alignItems: 'center', justifyContent: 'center', borderRadius: 4,
        border: '1px solid #f0f0f0', background: '#fafafa',
      }}
    >
      {icon}
    </div>
  );
}

export function AttachmentView({ file }: { file: StoredFileRef }) {
  const pdf = isPdf(file);
  const src = useFileSrc(isImage(file) ? file : null);
  // The dialog is mounted on first use only: a record with many PDFs should not carry one each.
  const [preview, setPreview] = useState<'never' | 'open' | 'closed'>('never');
  return (
    <div style={{ width: THUMB + 40, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 4 }}>
      {pdf ? <PdfThumbnail file={file} onOpen={() => setPreview('open')} /> : <Thumbnail src={src} file={file} />}
      {pdf && preview !== 'never' && <PdfPreview file={file} open={preview === 'open'} onClose={() => setPreview('closed')} />}
      <Tooltip title={`${file.name}（${formatSize(file.size)}）`}>
        <Typography.Text ellipsis style={{ maxWidth: THUMB + 40, fontSize: 12 }}>
          {file.name}
        </Typography.Text>
      </Tooltip>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatSize(file.size)}
      </Typography.Text>
      <Space size={0}>
        <Button size="small" type="link" icon={<ExportOutlined />} aria-label={`打开 ${file.name}`} onClick={() => void openFile(file).catch(reportError)}>
          打开
        </Button>
        <Button size="small" type="link" icon={<DownloadOutlined />} aria-label={`另存 ${file.name}`} onClick={() => void saveFile(file).catch(reportError)}>
          另存
        </Button>
      </Space>
    </div>
  );
}

export function AttachmentList({ files }: { files: StoredFileRef[] }) {
  if (!files.length) return <Typography.Text type="secondary">无附件</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        {files.map((f) => (
          <AttachmentView key={`${f.sha256}-${f.name}`} file={f} />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
