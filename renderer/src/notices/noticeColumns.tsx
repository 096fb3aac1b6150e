// The columns of the list of issued notices.
import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Notice } from '../../../shared/notice';
import { NoticeStatusTag, ServiceText, typeTitle } from './labels';
import { NoticeActions } from './NoticeActions';
import type { NoticeDialogActions } from './useNoticeDialogs';

export function noticeColumns(dialogs: NoticeDialogActions): ColumnsType<Notice> {
  return [
    {
      title: '文号',
      dataIndex: 'number',
      width: 190,
      render: (number: string, n) => (
        <Link to={`/notices/${n.id}`} data-testid={`notice-link-${n.id}`}>
          <Typography.Text delete={n.status === 'voided'} style={{ color: 'inherit', fontVariantNumeric: 'tabular-nums' }}>
            {number}
          </Typography.Text>
        </Link>
      ),
    },
    { title: '种类', dataIndex: 'type', width: 150, render: (_: unknown, n) => typeTitle(n.type) },
    {
      title: '当事人',
      dataIndex: 'enterpriseName',
      ellipsis: true,
      minWidth: 150,
      render: (name: string, n) => (
        <Link to={`/dossier/${n.enterpriseId}?record=${n.dossierRecordId}`} title={`打开「${name}」的档案`}>
          {name}
        </Link>
      ),
    },
    { title: '出具日期', dataIndex: 'issuedOn', width: 100 },
    { title: '出具人', dataIndex: 'issuedBy', width: 80, ellipsis: true },
    { title: '状态', key: 'status', width: 100, render: (_: unknown, n) => <NoticeStatusTag notice={n} /> },
    { title: '送达', key: 'service', width: 110, render: (_: unknown, n) => <ServiceText notice={n} /> },
    { title: '操作', key: 'actions', width: 212, fixed: 'right', render: (_: unknown, n) => <NoticeActions notice={n} dialogs={dialogs} compact /> },
  ];
}
