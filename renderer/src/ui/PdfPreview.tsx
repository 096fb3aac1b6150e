// The larger preview of a PDF attachment: its first pages in a dialog, with 打开 and 另存 for the
// whole file. Only the first few pages are drawn; a long file is read with the system's program.
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Modal, Result, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { StoredFileRef } from '../../../shared/import';
import { openFile, saveFile } from '../api/client';
import { reportError } from './notify';
import { openStoredPdf, type OpenedPdf } from './pdf';

/** Pages drawn in the dialog; more would only make the clerk wait. */
const PREVIEW_PAGES = 5;
const PAGE_WIDTH = 720;

type State = { kind: 'loading' } | { kind: 'ready'; pdf: OpenedPdf } | { kind: 'failed' };

function Page({ pdf, n }: { pdf: OpenedPdf; n: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState<'drawing' | 'done' | 'failed'>('drawing');
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let live = true;
    // Sharp on a high-density screen, but never more than twice: a preview, not a print.
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    pdf.renderPage(n, Math.round(PAGE_WIDTH * ratio), el).then(
      () => live && setDrawn('done'),
      () => live && setDrawn('failed'), // closed while drawing, or one bad page: the others still show
    );
    return () => {
      live = false;
    };
  }, [pdf, n]);
  return (
    <figure style={{ margin: 0, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 6 }}>
      <div style={{ position: 'relative', width: '100%', maxWidth: PAGE_WIDTH, background: '#fff', boxShadow: '0 1px 4px rgba(0, 0, 0, 0.2)' }}>
        <canvas ref={canvas} role="img" aria-label={`第 ${n} 页`} style={{ width: '100%', display: 'block', minHeight: drawn === 'drawing' ? 200 : undefined }} />
        {drawn === 'drawing' && <Spin style={{ position: 'absolute', top: '40%', left: '50%', transform: 'translateX(-50%)' }} />}
      </div>
      <Typography.Text type={drawn === 'failed' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {drawn === 'failed' ? `第 ${n} 页无法显示` : `第 ${n} 页`}
      </Typography.Text>
    </figure>
  );
}

function Pages({ state }: { state: State }) {
  if (state.kind === 'loading') {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          正在打开…
        </Typography.Paragraph>
      </div>
    );
  }
  if (state.kind === 'failed') {
    return <Result status="warning" title="无法预览" subTitle="文件可能已损坏或设有密码。可以点「打开」用电脑上的程序查看，或「另存」后发给对方核实。" />;
  }
  const { pdf } = state;
  const shown = Math.min(pdf.numPages, PREVIEW_PAGES);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Typography.Text type="secondary">
        共 {pdf.numPages} 页{pdf.numPages > shown && `，这里显示前 ${shown} 页；要看全部请点「打开」`}
      </Typography.Text>
      {Array.from({ length: shown }, (_, i) => (
        <Page key={i} pdf={pdf} n={i + 1} />
      ))}
    </div>
  );
}

/** The preview dialog; the file is read and opened only while the dialog is open. */
export function PdfPreview({ file, open, onClose }: { file: StoredFileRef; open: boolean; onClose(): void }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  // The file's content, not the object describing it: a refreshed record must not reload the dialog.
  const { sha256, name, mime, size } = file;
  useEffect(() => {
    if (!open) return;
    let live = true;
    let opened: OpenedPdf | null = null;
    setState({ kind: 'loading' });
    openStoredPdf({ sha256, name, mime, size }).then(
      (pdf) => {
        opened = pdf;
        if (live) setState({ kind: 'ready', pdf });
        else void pdf.close();
      },
      () => live && setState({ kind: 'failed' }),
    );
    return () => {
      live = false;
      void opened?.close();
    };
  }, [open, sha256, name, mime, size]);
  const footer = [
    <Button key="open" icon={<ExportOutlined />} onClick={() => void openFile(file).catch(reportError)}>
      打开
    </Button>,
    <Button key="save" icon={<DownloadOutlined />} onClick={() => void saveFile(file).catch(reportError)}>
      另存
    </Button>,
    <Button key="close" type="primary" onClick={onClose}>
      关闭
    </Button>,
  ];
  return (
    <Modal
      open={open}
      title={file.name}
      width={PAGE_WIDTH + 80}
      onCancel={onClose}
      footer={footer}
      destroyOnHidden
      styles={{ body: { maxHeight: '70vh', overflowY: 'auto', background: '#f5f5f5', padding: 16, borderRadius: 4 } }}
    >
      <Pages state={state} />
    </Modal>
  );
}
