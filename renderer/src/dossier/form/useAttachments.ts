// The attachments of a record being edited: files already saved, and files the clerk adds, each
// uploaded at once into the file store with its own state (上传中, 已上传, 失败) and removable
// until the record is saved.
import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_UPLOAD_BYTES } from '../../../../shared/bridge';
import type { Attachment } from '../../../../shared/dossier';
import { uploadFile } from '../../api/client';

export interface AttachmentItem {
  key: string;
  name: string;
  size: number;
  mime: string;
  status: 'uploading' | 'done' | 'error';
  error?: string;
  /** A picture picked on this computer, shown before (and while) it uploads. */
  localUrl?: string;
  stored?: Attachment;
  file?: File;
}

let seq = 0;

export function useAttachments(initial: Attachment[]) {
  const [items, setItems] = useState<AttachmentItem[]>(() =>
    initial.map((a) => ({ key: `saved-${++seq}`, name: a.name, size: a.size, mime: a.mime, status: 'done', stored: a })),
  );
  const urls = useRef(new Set<string>());
  useEffect(() => {
    const all = urls.current;
    return () => all.forEach((u) => URL.revokeObjectURL(u));
  }, []);

  const patch = (key: string, change: Partial<AttachmentItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));

  const upload = useCallback(async (key: string, file: File) => {
    patch(key, { status: 'uploading', error: undefined });
    try {
      const ref = await uploadFile(file);
      // Over IPC the store does not know the type; the browser's guess from the picked file is better than none.
      const mime = ref.mime !== 'application/octet-stream' ? ref.mime : file.type || ref.mime;
      patch(key, { status: 'done', stored: { sha256: ref.sha256, name: ref.name, size: ref.size, mime }, mime });
    } catch (err) {
      patch(key, { status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const added: AttachmentItem[] = files.map((file) => {
        const key = `new-${++seq}`;
        const base = { key, name: file.name, size: file.size, mime: file.type || 'application/octet-stream', file };
        if (file.size === 0) return { ...base, status: 'error', error: '空文件（0 字节），没有内容可保存' };
        if (file.size > MAX_UPLOAD_BYTES) return { ...base, status: 'error', error: `超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请压缩或拆分后再添加` };
        let localUrl: string | undefined;
        if (file.type.startsWith('image/')) {
          localUrl = URL.createObjectURL(file);
          urls.current.add(localUrl);
        }
        return { ...base, status: 'uploading', localUrl };
      });
      setItems((list) => [...list, ...added]);
      for (const a of added) if (a.status === 'uploading' && a.file) void upload(a.key, a.file);
    },
    [upload],
  );

  const remove = useCallback((key: string) => setItems((list) => list.filter((i) => i.key !== key)), []);
  const retry = useCallback(
    (key: string) => {
      const item = items.find((i) => i.key === key);
      if (item?.file && item.file.size > 0 && item.file.size <= MAX_UPLOAD_BYTES) void upload(key, item.file);
    },
    [items, upload],
  );

  const uploading = items.some((i) => i.status === 'uploading');
  const failed = items.filter((i) => i.status === 'error');
  const attachments = items.flatMap((i) => (i.stored ? [i.stored] : []));
  return { items, add, remove, retry, uploading, failed, attachments };
}
