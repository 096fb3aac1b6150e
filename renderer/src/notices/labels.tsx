// How notices look in lists: the type's name, the status (已出具 / 已作废 / 已更正), the service
// (送达) in a few words, and which types make sense for a dossier record.
import { Tag, Tooltip, Typography } from 'antd';
import type { DossierRecord } from '../../../shared/dossier';
import { noticeTypeInfo, noticeTypes, type Notice, type NoticeType } from '../../../shared/notice';

export const typeTitle = (t: NoticeType): string => noticeTypeInfo[t].title;

export const typeOptions = noticeTypes.map((t) => ({ value: t, label: typeTitle(t) }));

export function NoticeStatusTag({ notice }: { notice: Pick<Notice, 'status' | 'voidReason' | 'correctedById'> }) {
  if (notice.status === 'voided') {
    return (
      <Tooltip title={notice.voidReason ? `作废原因：${notice.voidReason}` : undefined}>
        <Tag color="default">已作废</Tag>
      </Tooltip>
    );
  }
  // A corrected notice keeps its number; the correction (a new notice) supersedes it.
  if (notice.correctedById !== null) {
    return (
      <Tooltip title="已出具，后由新文书更正">
        <Tag color="warning">已更正</Tag>
      </Tooltip>
    );
  }
  return <Tag color="success">已出具</Tag>;
}

export function ServiceText({ notice }: { notice: Pick<Notice, 'service' | 'status'> }) {
  const s = notice.service;
  if (!s) return <Typography.Text type={notice.status === 'voided' ? 'secondary' : 'warning'}>未登记</Typography.Text>;
  return (
    <Tooltip title={`受送达人 ${s.recipient} · 送达人 ${s.server}${s.note ? ` · ${s.note}` : ''}`}>
      <span>
        {s.method.replace(/送达$/, '')} {s.servedOn}
      </span>
    </Tooltip>
  );
}

/**
 * The notices that make sense for a dossier record, most likely first. A 送达回证 fits any record
 * (it lists the documents served); a 文书 record's own notice is served with one.
 */
export function typesForRecord(record: Pick<DossierRecord, 'kind' | 'data'>): NoticeType[] {
  return [...ownTypes(record), 'serviceReceipt'];
}

function ownTypes({ kind, data }: Pick<DossierRecord, 'kind' | 'data'>): NoticeType[] {
  switch (kind) {
    case 'rectification':
      return ['correctionOrder'];
    case 'sampling':
      return data['result'] === '不合格' ? ['rectificationGuidance', 'correctionOrder'] : ['improvementAdvice'];
    case 'riskReminder':
      return ['riskReminder'];
    case 'interview':
      return ['interviewNotice'];
    case 'penalty':
      return ['penaltyDecision'];
    case 'inspection':
    case 'specialInspection':
      return ['siteRecord', 'correctionOrder'];
    default:
      return [];
  }
}

/** The address of the issue form for a source. */
export function issueHref(p: { type?: NoticeType; enterpriseId?: number; recordId?: number | null; campaignId?: number | null; correctsId?: number | null }): string {
  const sp = new URLSearchParams();
  if (p.type) sp.set('type', p.type);
  if (p.enterpriseId) sp.set('enterpriseId', String(p.enterpriseId));
  if (p.recordId) sp.set('recordId', String(p.recordId));
  if (p.campaignId) sp.set('campaignId', String(p.campaignId));
  if (p.correctsId) sp.set('correctsId', String(p.correctsId));
  return `/notices/new?${sp.toString()}`;
}
