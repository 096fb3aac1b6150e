// A PDF attachment's tile: the upper part of its first page, drawn when the tile scrolls into view;
// clicking it opens the larger preview. While drawing, or when the file cannot be drawn, the PDF
// icon stays, with 无法预览 under it for a damaged or password-protected file.
import { EyeOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { StoredFileRef } from '../../../shared/import';
import { pdfThumbnail, PDF_THUMB_WIDTH, type PdfThumb } from './pdf';

const BOX = PDF_THUMB_WIDTH;

const frame = {
  width: BOX,
  height: BOX,
  borderRadius: 4,
  border: '1px solid #f0f0f0',
  background: '#fafafa',
  overflow: 'hidden',
  position: 'relative',
} as const;

/** True once the element has come near the visible part of the page (it stays true). */
function useSeen(ref: RefObject<HTMLElement | null>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    const watcher = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true);
      },
      { rootMargin: '200px' },
    );
    watcher.observe(el);
    return () => watcher.disconnect();
  }, [ref, seen]);
  return seen;
}

function Icon({ note }: { note?: string }) {
  return (
    <div style={{ ...frame, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 4 }}>
      <FilePdfOutlined aria-hidden style={{ fontSize: 36, color: '#d4380d' }} />
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </div>
  );
}

function Drawn({ file, thumb, onOpen }: { file: StoredFileRef; thumb: Extract<PdfThumb, { kind: 'ready' }>; onOpen(): void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState(false);
  useEffect(() => {
    // The drawing is kept per file; each tile only copies its pixels.
    const el = canvas.current;
    const g = el?.getContext('2d');
    if (!el || !g) return;
    el.width = thumb.image.width;
    el.height = thumb.image.height;
    g.drawImage(thumb.image, 0, 0);
  }, [thumb]);
  return (
    <button
      type="button"
      aria-label={`预览 ${file.name}`}
      onClick={onOpen}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      style={{ ...frame, padding: 0, cursor: 'pointer', background: '#fff', display: 'block' }}
    >
      <canvas ref={canvas} style={{ width: BOX, display: 'block' }} />
      <span
        aria-hidden
        style={{
          position: 'absolute', right: 0, bottom: 0, padding: '0 4px', fontSize: 11, lineHeight: '16px', color: '#fff',
          background: 'rgba(212, 56, 13, 0.85)', borderTopLeftRadius: 4,
        }}
      >
        PDF · {thumb.pages} 页
      </span>
      {hover && (
        <span
          aria-hidden
          style={{
            position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 4,
            color: '#fff', background: 'rgba(0, 0, 0, 0.45)', fontSize: 13,
          }}
        >
          <EyeOutlined /> 预览
        </span>
      )}
    </button>
  );
}

/** The tile of a PDF attachment; `onOpen` shows the larger preview. */
export function PdfThumbnail({ file, onOpen }: { file: StoredFileRef; onOpen(): void }) {
  const box = useRef<HTMLDivElement>(null);
  const seen = useSeen(box);
  const [thumb, setThumb] = useState<{ sha256: string; thumb: PdfThumb } | null>(null);
  // The drawing belongs to the file's content, not to the object describing it.
  const { sha256, name, mime, size } = file;
  useEffect(() => {
    if (!seen) return;
    let live = true;
    void pdfThumbnail({ sha256, name, mime, size }).then((t) => {
      if (live) setThumb({ sha256, thumb: t });
    });
    return () => {
      live = false;
    };
  }, [seen, sha256, name, mime, size]);
  const current = thumb?.sha256 === sha256 ? thumb.thumb : null;
  return (
    <div ref={box}>
      {current?.kind === 'ready' ? (
        <Drawn file={file} thumb={current} onOpen={onOpen} />
      ) : current?.kind === 'failed' ? (
        <Icon note="无法预览" />
      ) : current?.kind === 'too-big' ? (
        <Icon note="请打开查看" />
      ) : (
        <Icon />
      )}
    </div>
  );
}
