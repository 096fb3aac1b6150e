// 出具文书 from the dossier: on a record, the notices that fit its kind (the record prefills the
// form); in the file's header, any notice for the enterprise. Not shown to roles that may not issue.
import { DownOutlined, FileAddOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import type { DossierRecord } from '../../../shared/dossier';
import { noticeTypes, type NoticeType } from '../../../shared/notice';
import { useCan } from '../accounts/auth';
import { issueHref, typeTitle, typesForRecord } from './labels';

export function IssueNoticeMenu({ enterpriseId, record, size }: { enterpriseId: number; record?: DossierRecord; size?: 'small' }) {
  const navigate = useNavigate();
  const canIssue = useCan('notices.issue');
  const types: readonly NoticeType[] = record ? typesForRecord(record) : noticeTypes;
  const items = types.map((t) => ({
    key: t,
    label: typeTitle(t),
    onClick: () => void navigate(issueHref({ type: t, enterpriseId, recordId: record?.id ?? null })),
  }));
  if (!canIssue) return null;
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button
        size={size}
        type={record ? 'link' : 'default'}
        icon={<FileAddOutlined />}
        data-testid={record ? `issue-from-${record.id}` : 'issue-for-enterprise'}
      >
        出具文书 <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
