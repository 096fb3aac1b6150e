// 出具文书 (route notices/new?type=…&enterpriseId=…&recordId=…&campaignId=…&correctsId=…): works
// out where the notice's content comes from, asks the backend for the prefilled fields and the
// party block, and shows the form. A correction takes everything from the notice it corrects.
import { FileAddOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { noticeTypes, type NoticeType } from '../../../shared/notice';
import { IssueForm } from './IssueForm';
import { NewNoticeModal } from './NewNoticeModal';
import { usePrepare, useNotice, type PrepareSource } from './queries';

const isType = (t: string | null): t is NoticeType => (noticeTypes as readonly string[]).includes(t ?? '');

function useSource() {
  const [sp] = useSearchParams();
  const num = (k: string) => {
    const n = Number(sp.get(k));
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  const correctsId = num('correctsId');
  const old = useNotice(correctsId);
  const o = old.data;
  const typeParam = sp.get('type');
  const type = o?.type ?? (isType(typeParam) ? typeParam : null);
  const enterpriseId = o?.enterpriseId ?? num('enterpriseId');
  const waiting = correctsId !== null && !o;
  const source: PrepareSource | null =
    !waiting && type && enterpriseId
      ? { type, enterpriseId, recordId: o ? o.recordId : num('recordId'), campaignId: o ? o.campaignId : num('campaignId') }
      : null;
  return { source, old, correctsId, waiting };
}

export function IssuePage() {
  const { source, old, correctsId, waiting } = useSource();
  const [choosing, setChoosing] = useState(false);
  const draft = usePrepare(source);

  if (correctsId !== null && old.error) {
    return <Result status="404" title="找不到要更正的文书" subTitle={old.error.message} extra={<Link to="/notices">返回执法文书</Link>} />;
  }
  if (!source && !waiting) {
    return (
      <Result
        icon={<FileAddOutlined />}
        title="请选择文书种类和当事人"
        extra={
          <>
            <Button type="primary" onClick={() => setChoosing(true)}>
              选择
            </Button>
            <NewNoticeModal open={choosing} onClose={() => setChoosing(false)} />
          </>
        }
      />
    );
  }
  if (draft.error) {
    return <Result status="warning" title="无法准备文书" subTitle={draft.error.message} extra={<Link to="/notices">返回执法文书</Link>} />;
  }
  if (!source || !draft.data) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (old.data?.status === 'voided') {
    return <Result status="warning" title={`${old.data.number} 已作废，不能更正`} subTitle="作废的文书不再有效。需要时请新建一份文书。" extra={<Link to="/notices">返回执法文书</Link>} />;
  }
  return <IssueForm key={JSON.stringify(source)} source={source} draft={draft.data} old={old.data ?? null} enterpriseName={draft.data.party.name} />;
}
