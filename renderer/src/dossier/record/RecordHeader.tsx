// The line a record shows on the timeline (date, kind, summary, what is still open) and its actions.
import { CheckSquareOutlined, DeleteOutlined, EditOutlined, FileTextOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { DossierRecord } from '../../../../shared/dossier';
import { IssueNoticeMenu } from '../../notices/IssueNoticeMenu';
import { noticeIdOf } from '../../notices/NoticeRecordView';
import { deadlineState, KindTag } from '../labels';

/** What may be done to a record; an action the signed-in role may not take is left out. */
export interface RecordActions {
  onEdit?(r: DossierRecord): void;
  onVoid?(r: DossierRecord): void;
  onRecheck?(r: DossierRecord): void;
}

/** An order to correct whose 复查 is not recorded yet. */
export const isOpenRectification = (r: DossierRecord): boolean => r.kind === 'rectification' && !r.voidedAt && !r.data['recheckOn'];

/**
 * Class changes set the enterprise's current class: they are voided and made again, never edited.
 * A 文书 record is the frozen copy of an issued notice: it is voided or corrected as a notice.
 */
const editable = (r: DossierRecord): boolean => !r.voidedAt && r.kind !== 'credit' && r.kind !== 'supervisionClass' && r.kind !== 'notice';

export function RecordLabel({ record }: { record: DossierRecord }) {
  const voided = record.voidedAt !== null;
  // The most pressing open deadline (they come sorted by due date), unless the window is simply over.
  const open = record.deadlines.filter((d) => d.status === 'open' && !(d.kind === 'objection' && d.daysLeft < 0));
  const first = open[0];
  return (
    <span style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0, flex: '1 1 auto' }}>
      <span style={{ fontVariantNumeric: 'tabular-nums', width: 88, flex: 'none', color: 'rgba(0,0,0,0.65)' }}>{record.occurredOn}</span>
      <span style={{ flex: 'none' }}>
        <KindTag kind={record.kind} />
      </span>
      <Typography.Text delete={voided} type={voided ? 'secondary' : undefined} ellipsis style={{ minWidth: 0, flex: '0 1 auto' }}>
        {record.summary}
      </Typography.Text>
      <span style={{ display: 'flex', alignItems: 'center', gap: 6, flex: 'none' }}>
        {record.kind === 'notice' && record.data['voided'] === true && <Tag color="default">文书已作废</Tag>}
        {voided && (
          <Tag color="default" title={record.voidReason ?? undefined} style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' }}>
            已作废：{record.voidReason}
          </Tag>
        )}
        {record.enterpriseArchived && <Tag color="warning">归档后记录</Tag>}
        {first && (
          <Tooltip title={`${first.title} ${first.dueOn}`}>
            <Tag color={deadlineState(first).color} style={{ marginInlineEnd: 0 }}>
              {first.title} {deadlineState(first).text}
            </Tag>
          </Tooltip>
        )}
        {record.attachments.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} aria-label={`${record.attachments.length} 个附件`}>
            <PaperClipOutlined /> {record.attachments.length}
          </Typography.Text>
        )}
      </span>
    </span>
  );
}

export function RecordButtons({ record, actions }: { record: DossierRecord; actions: RecordActions }) {
  if (record.voidedAt) return null;
  if (record.kind === 'notice') {
    const id = noticeIdOf(record);
    return (
      <Space size={0} style={{ flex: 'none' }}>
        {record.data['voided'] !== true && <IssueNoticeMenu enterpriseId={record.enterpriseId} record={record} size="small" />}
        <Link to={id ? `/notices/${id}` : '/notices'} style={{ padding: '0 7px', fontSize: 14 }}>
          <FileTextOutlined /> 查看文书
        </Link>
      </Space>
    );
  }
  return (
    <Space size={0} style={{ flex: 'none' }}>
      <IssueNoticeMenu enterpriseId={record.enterpriseId} record={record} size="small" />
      {actions.onRecheck && isOpenRectification(record) && (
        <Button size="small" type="link" icon={<CheckSquareOutlined />} onClick={() => actions.onRecheck?.(record)}>
          记录复查
        </Button>
      )}
      {actions.onEdit && editable(record) && (
        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => actions.onEdit?.(record)}>
          修改
        </Button>
      )}
      {actions.onVoid && (
        <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => actions.onVoid?.(record)}>
          作废
        </Button>
      )}
    </Space>
  );
}
