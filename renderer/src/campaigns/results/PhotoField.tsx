// Photos for one checklist item: picked or dropped, uploaded at once into the file store, shown as
// thumbnails that can be removed. The value is the list of stored photos; pending uploads are
// reported so the form is not saved while a photo is still on its way.
import { CameraOutlined, CloseOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Attachment } from '../../../../shared/dossier';
import { uploadFile } from '../../api/client';
import { Thumbnail } from '../../ui/AttachmentView';
import { useFileSrc } from '../../ui/files';

interface Pending {
  key: string;
  name: string;
  error: string | null;
}

interface Props {
  id?: string;
  value?: Attachment[];
  onChange?: (photos: Attachment[]) => void;
  /** How many photos are still uploading (0 when done). */
  onBusy(count: number): void;
  label: string;
}

let seq = 0;

function StoredPhoto({ photo, onRemove }: { photo: Attachment; onRemove(): void }) {
  const src = useFileSrc(photo);
  return (
    <div style={{ position: 'relative' }} role="listitem" aria-label={photo.name}>
      <Thumbnail src={src} file={photo} />
      <Button
        size="small"
        shape="circle"
        icon={<CloseOutlined />}
        aria-label={`移除照片 ${photo.name}`}
        onClick={onRemove}
        style={{ position: 'absolute', top: 2, right: 2 }}
      />
    </div>
  );
}

export function PhotoField({ id, value, onChange, onBusy, label }: Props) {
  const photos = useMemo(() => value ?? [], [value]);
  const [pending, setPending] = useState<Pending[]>([]);
  const uploading = pending.filter((p) => p.error === null).length;
  useEffect(() => onBusy(uploading), [uploading, onBusy]);

  // Uploads finish in any order: each adds itself to the latest list, not the one it started with.
  const [done, setDone] = useState<Attachment[]>([]);
  useEffect(() => {
    if (!done.length) return;
    onChange?.([...photos, ...done.filter((d) => !photos.some((p) => p.sha256 === d.sha256))]);
    setDone([]);
  }, [done, photos, onChange]);

  const add = (file: File) => {
    const key = `photo-${++seq}`;
    setPending((list) => [...list, { key, name: file.name, error: null }]);
    uploadFile(file).then(
      (ref) => {
        const mime = ref.mime !== 'application/octet-stream' ? ref.mime : file.type || ref.mime;
        setPending((list) => list.filter((p) => p.key !== key));
        setDone((list) => [...list, { sha256: ref.sha256, name: ref.name, size: ref.size, mime }]);
      },
      (err: unknown) => setPending((list) => list.map((p) => (p.key === key ? { ...p, error: err instanceof Error ? err.message : String(err) } : p))),
    );
  };

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }} role="list" aria-label={label}>
      {photos.map((p) => (
        <StoredPhoto key={p.sha256} photo={p} onRemove={() => onChange?.(photos.filter((x) => x.sha256 !== p.sha256))} />
      ))}
      {pending.map((p) => (
        <Tooltip key={p.key} title={p.error ?? p.name}>
          <div className="qb-photo-pending" role="listitem" aria-label={p.name}>
            {p.error ? (
              <>
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  上传失败
                </Typography.Text>
                <Button size="small" type="link" onClick={() => setPending((list) => list.filter((x) => x.key !== p.key))}>
                  移除
                </Button>
              </>
            ) : (
              <>
                <LoadingOutlined />
                <span style={{ fontSize: 12 }}>正在上传</span>
              </>
            )}
          </div>
        </Tooltip>
      ))}
      <Upload
        accept="image/*"
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          add(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button id={id} icon={<CameraOutlined />} style={{ height: 96, width: 96, flexDirection: 'column', gap: 4 }} aria-label={`添加照片：${label}`}>
          添加照片
        </Button>
      </Upload>
    </div>
  );
}
