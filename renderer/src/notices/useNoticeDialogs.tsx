// The dialogs every view of an issued notice shares (the list and the notice's own page): the PDF
// preview, 作废 with a reason, and 登记送达. A view calls `open…` and renders `dialogs`.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import type { StoredFileRef } from '../../../shared/import';
import type { Notice } from '../../../shared/notice';
import { call } from '../api/client';
import { PdfPreview } from '../ui/PdfPreview';
import { ReasonModal } from '../ui/ReasonModal';
import { refreshNotices } from './queries';
import { ServiceModal } from './ServiceModal';

export interface NoticeDialogActions {
  view(file: StoredFileRef): void;
  voidNotice(n: Notice): void;
  recordService(n: Notice): void;
}

export function useNoticeDialogs(): { actions: NoticeDialogActions; dialogs: ReactNode } {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [viewing, setViewing] = useState<StoredFileRef | null>(null);
  const [voiding, setVoiding] = useState<Notice | null>(null);
  const [serving, setServing] = useState<Notice | null>(null);

  const voidIt = useMutation({
    mutationFn: (v: { id: number; reason: string }) => call('notices.void', v),
    onSuccess: (n) => {
      setVoiding(null);
      refreshNotices(queryClient, n.enterpriseId);
      void message.success(`已作废 ${n.number}，文号保留不再使用`);
    },
  });

  const dialogs = (
    <>
      {viewing && <PdfPreview file={viewing} open onClose={() => setViewing(null)} />}
      <ReasonModal
        open={voiding !== null}
        title={`作废文书：${voiding?.number ?? ''}`}
        okText="作废"
        danger
        loading={voidIt.isPending}
        placeholder="如：当事人名称有误，已重新出具"
        onCancel={() => setVoiding(null)}
        onOk={(reason) => voiding && voidIt.mutate({ id: voiding.id, reason })}
      >
        <Typography.Paragraph>
          将作废 {voiding?.title}「{voiding?.number}」（{voiding?.enterpriseName}）。
          <br />
          <Typography.Text type="secondary">
            作废后文号保留、不再使用，文书仍可查看并标注“已作废”；作废不能撤销。内容有误需要重新出具的，请用「更正」。
          </Typography.Text>
        </Typography.Paragraph>
      </ReasonModal>
      <ServiceModal notice={serving} onClose={() => setServing(null)} />
    </>
  );
  // The functions stay the same between renders, so tables of actions do not redraw.
  const actions = useMemo(() => ({ view: setViewing, voidNotice: setVoiding, recordService: setServing }), []);
  return { actions, dialogs };
}
