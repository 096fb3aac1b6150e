// A record opened on the timeline: all its fields, its attachments, the deadlines it opened, and
// who made it when.
import { Space, Table, Typography } from 'antd';
import { recordKindLabels, type Deadline, type DossierRecord } from '../../../../shared/dossier';
import { NoticeRecordView } from '../../notices/NoticeRecordView';
import { AttachmentList } from '../../ui/AttachmentView';
import { formatInstant } from '../../ui/format';
import { DeadlineTag } from '../labels';
import { RecordFields } from './RecordFields';

function Deadlines({ deadlines }: { deadlines: Deadline[] }) {
  return (
    <Table<Deadline>
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={deadlines}
      style={{ maxWidth: 640 }}
      columns={[
        { title: '期限', dataIndex: 'title', width: 120 },
        { title: '起算日', dataIndex: 'startOn', width: 120 },
        { title: '到期日', dataIndex: 'dueOn', width: 120 },
        { title: '状态', key: 'state', render: (_, d) => <DeadlineTag d={d} /> },
      ]}
    />
  );
}

export function RecordBody({ record, sourceLabel }: { record: DossierRecord; sourceLabel?: string }) {
  const warnings = [...new Set(record.deadlines.flatMap((d) => d.warnings))];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {record.kind === 'notice' ? <NoticeRecordView record={record} /> : <RecordFields record={record} />}
      <section aria-label="附件">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          附件（{record.attachments.length}）
        </Typography.Title>
        <AttachmentList files={record.attachments} />
      </section>
      {record.deadlines.length > 0 && (
        <section aria-label="期限">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            期限
          </Typography.Title>
          <Deadlines deadlines={record.deadlines} />
          {warnings.map((w) => (
            <Typography.Paragraph key={w} type="warning" style={{ margin: '8px 0 0' }}>
              {w}
            </Typography.Paragraph>
          ))}
        </section>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {record.createdBy} 录入于 {formatInstant(record.createdAt)}
        {record.updatedAt !== record.createdAt && ` · 最近修改 ${formatInstant(record.updatedAt)}`}
        {record.kind === 'notice'
          ? ' · 出具文书时自动存档（PDF 和 Word 原件，不能修改）'
          : record.sourceId !== null && ` · 由${sourceLabel ?? recordKindLabels.sampling}记录自动生成`}
      </Typography.Text>
      {record.voidedAt && (
        <Typography.Text type="danger">
          已于 {formatInstant(record.voidedAt)} 作废，原因：{record.voidReason}
        </Typography.Text>
      )}
    </Space>
  );
}
