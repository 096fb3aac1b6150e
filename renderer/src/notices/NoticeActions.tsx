// What can be done with an issued notice: look at it, print it, download the PDF or the Word copy,
// record its service, void it, or issue a corrected one. Used in the list (compact) and on the
// notice's own page (full buttons). Service, correction and voiding only for roles that may make them.
import {
  DeleteOutlined, DownloadOutlined, EditOutlined, EyeOutlined, FileWordOutlined, MoreOutlined, PrinterOutlined, SendOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tooltip, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import type { Notice } from '../../../shared/notice';
import { useCan } from '../accounts/auth';
import { saveFile } from '../api/client';
import { reportError } from '../ui/notify';
import { issueHref } from './labels';
import { printHint, printPdf } from './print';
import type { NoticeDialogActions } from './useNoticeDialogs';

function usePrint() {
  const { message } = App.useApp();
  return (n: Notice) =>
    void printPdf(n.pdf).then(
      (how) => how === 'opened' && void message.info('已打开 PDF，请在其中选择打印'),
      reportError,
    );
}

export function NoticeActions({ notice, dialogs, compact }: { notice: Notice; dialogs: NoticeDialogActions; compact?: boolean }) {
  const navigate = useNavigate();
  const print = usePrint();
  const canServe = useCan('notices.recordService');
  const canCorrect = useCan('notices.issue');
  const canVoid = useCan('notices.void');
  const live = notice.status === 'issued';
  const id = notice.id;
  const writes: MenuProps['items'] = [
    ...(canServe ? [{ key: 'service', icon: <SendOutlined />, label: notice.service ? '修改送达' : '登记送达', disabled: !live, onClick: () => dialogs.recordService(notice) }] : []),
    ...(canCorrect
      ? [{ key: 'correct', icon: <EditOutlined />, label: '更正', disabled: !live || notice.correctedById !== null, onClick: () => void navigate(issueHref({ correctsId: id })) }]
      : []),
    ...(canVoid ? [{ key: 'void', icon: <DeleteOutlined />, label: '作废', danger: true, disabled: !live, onClick: () => dialogs.voidNotice(notice) }] : []),
  ];
  const items: MenuProps['items'] = [
    { key: 'pdf', icon: <DownloadOutlined />, label: '下载 PDF', onClick: () => void saveFile(notice.pdf).catch(reportError) },
    { key: 'docx', icon: <FileWordOutlined />, label: '下载 Word', onClick: () => void saveFile(notice.docx).catch(reportError) },
    ...(writes.length ? [{ type: 'divider' as const }, ...writes] : []),
  ];
  if (compact) {
    return (
      <Space size={0}>
        <Button size="small" type="link" icon={<EyeOutlined />} data-testid={`notice-view-${id}`} onClick={() => dialogs.view(notice.pdf)}>
          查看
        </Button>
        <Tooltip title={printHint}>
          <Button size="small" type="link" icon={<PrinterOutlined />} data-testid={`notice-print-${id}`} onClick={() => print(notice)}>
            打印
          </Button>
        </Tooltip>
        <Dropdown menu={{ items }} trigger={['click']}>
          <Button size="small" type="link" icon={<MoreOutlined />} data-testid={`notice-more-${id}`} aria-label={`${notice.number} 的更多操作`}>
            更多
          </Button>
        </Dropdown>
      </Space>
    );
  }
  return (
    <Space wrap>
      <Button icon={<EyeOutlined />} data-testid="notice-view" onClick={() => dialogs.view(notice.pdf)}>
        查看
      </Button>
      <Tooltip title={printHint}>
        <Button type="primary" icon={<PrinterOutlined />} data-testid="notice-print" onClick={() => print(notice)}>
          打印
        </Button>
      </Tooltip>
      <Button icon={<DownloadOutlined />} data-testid="notice-download-pdf" onClick={() => void saveFile(notice.pdf).catch(reportError)}>
        下载 PDF
      </Button>
      <Button icon={<FileWordOutlined />} data-testid="notice-download-docx" onClick={() => void saveFile(notice.docx).catch(reportError)}>
        下载 Word
      </Button>
      {live && (
        <>
          {canServe && (
            <Button icon={<SendOutlined />} data-testid="notice-service" onClick={() => dialogs.recordService(notice)}>
              {notice.service ? '修改送达' : '登记送达'}
            </Button>
          )}
          {canCorrect && notice.correctedById === null && (
            <Button icon={<EditOutlined />} data-testid="notice-correct" onClick={() => void navigate(issueHref({ correctsId: id }))}>
              更正
            </Button>
          )}
          {canVoid && (
            <Button danger icon={<DeleteOutlined />} data-testid="notice-void" onClick={() => dialogs.voidNotice(notice)}>
              作废
            </Button>
          )}
        </>
      )}
    </Space>
  );
}
