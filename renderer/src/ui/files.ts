// Showing stored files in the page: a picture's address for <img>, and which files are pictures.
import { useEffect, useState } from 'react';
import { MAX_PREVIEW_BYTES } from '../../../shared/bridge';
import type { StoredFileRef } from '../../../shared/import';
import { readFile } from '../api/client';
import { fileHref, transportName } from '../api/transport';

const IMAGE_NAME = /\.(png|jpe?g|gif|webp|bmp)$/i;

/** Pictures the page can show itself (by type, or by name when the type was not known at upload). */
export const isImage = (f: { name: string; mime: string }): boolean =>
  /^image\/(png|jpeg|gif|webp|bmp)$/.test(f.mime) || (f.mime === 'application/octet-stream' && IMAGE_NAME.test(f.name));

export const isPdf = (f: { name: string; mime: string }): boolean => f.mime === 'application/pdf' || /\.pdf$/i.test(f.name);

/**
 * The address of a stored picture for <img>: the server's file URL over HTTP; in the desktop app
 * (a file:// page that cannot reach the store) its bytes through the bridge, as a blob URL.
 * null while loading, or when the file is too big or unreadable.
 */
export function useFileSrc(file: StoredFileRef | null): string | null {
  const direct = file && transportName === 'http' ? fileHref(file) : null;
  const [blob, setBlob] = useState<string | null>(null);
  const sha = file && !direct && file.size <= MAX_PREVIEW_BYTES ? file.sha256 : null;
  const name = file?.name ?? '';
  const mime = file?.mime ?? '';
  const size = file?.size ?? 0;
  useEffect(() => {
    if (!sha) return;
    let url: string | null = null;
    let live = true;
    readFile({ sha256: sha, name, mime, size }).then(
      (bytes) => {
        if (!live) return;
        url = URL.createObjectURL(new Blob([bytes], { type: mime }));
        setBlob(url);
      },
      () => undefined, // a thumbnail that cannot be read shows the file's icon instead
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
      setBlob(null);
    };
  }, [sha, name, mime, size]);
  return direct ?? blob;
}
