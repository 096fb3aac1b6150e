// A 文书 record opened on the dossier timeline: which notice, its number and state, and the way
// to the notice itself (print, serve, void, correct are done there). Its frozen PDF and DOCX are
// the record's attachments, listed below by the record body.
import { Descriptions, Tag } from 'antd';
import { Link } from 'react-router';
import type { DossierRecord } from '../../../shared/dossier';
import { noticeTypes, type NoticeType } from '../../../shared/notice';
import { typeTitle } from './labels';

/** The notice a 文书 record stands for. */
export const noticeIdOf = (r: Pick<DossierRecord, 'data'>): number | null => {
  const id = Number(r.data['noticeId']);
  return Number.isInteger(id) && id > 0 ? id : null;
};

export function NoticeRecordView({ record }: { record: DossierRecord }) {
  const id = noticeIdOf(record);
  const type = record.data['type'];
  const title = (noticeTypes as readonly unknown[]).includes(type) ? typeTitle(type as NoticeType) : String(record.data['title'] ?? '文书');
  const number = String(record.data['number'] ?? '');
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'title', label: '文书种类', children: title },
        {
          key: 'number',
          label: '文号',
          children: id ? (
            <Link to={`/notices/${id}`} data-testid={`record-notice-${record.id}`}>
              {number}
            </Link>
          ) : (
            number
          ),
        },
        {
          key: 'state',
          label: '状态',
          span: 2,
          children: record.data['voided'] ? <Tag>已作废</Tag> : <Tag color="success">已出具</Tag>,
        },
      ]}
    />
  );
}
