// 一企一档 of one enterprise: who it is and what is open at the top, the open deadlines and a
// summary beside the timeline of every record. Opens with one `dossier.get` (plus the enterprise).
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Result, Row, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { recordKinds, type Deadline, type DossierRecord, type RecordKind } from '../../../shared/dossier';
import { useCan } from '../accounts/auth';
import { ApiError, call } from '../api/client';
import { ReasonModal } from '../ui/ReasonModal';
import { DossierHeader } from './DossierHeader';
import { refreshAfterSave, useDossier, type TimelineFilter } from './queries';
import { rememberDossier } from './recent';
import { RecheckModal } from './record/RecheckModal';
import type { RecordActions } from './record/RecordHeader';
import { SavedNoticeAlert, type SavedNoticeData } from './SavedNotice';
import { OpenDeadlines, SummaryCard } from './SidePanels';
import { Timeline } from './Timeline';

/** The timeline filter lives in the address, so going back returns to the same view. */
function useFilter() {
  const [sp, setSp] = useSearchParams();
  const kindsText = sp.get('kinds') ?? '';
  const yearText = sp.get('year');
  const voided = sp.get('voided') === '1';
  const filter = useMemo<TimelineFilter>(
    () => ({
      kinds: kindsText.split(',').filter((k): k is RecordKind => (recordKinds as string[]).includes(k)),
      year: yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : null,
      includeVoided: voided,
    }),
    [kindsText, yearText, voided],
  );
  const write = useCallback(
    (next: TimelineFilter, record: string | null) => {
      const out = new URLSearchParams();
      if (next.kinds.length) out.set('kinds', next.kinds.join(','));
      if (next.year !== null) out.set('year', String(next.year));
      if (next.includeVoided) out.set('voided', '1');
      if (record) out.set('record', record);
      setSp(out, { replace: true });
    },
    [setSp],
  );
  const setFilter = useCallback((change: Partial<TimelineFilter>) => write({ ...filter, ...change }, sp.get('record')), [filter, sp, write]);
  const focus = useCallback((recordId: number) => write(filter, String(recordId)), [filter, write]);
  const record = Number(sp.get('record'));
  return { filter, setFilter, focus, highlight: Number.isInteger(record) && record > 0 ? record : null };
}

export function DossierPage() {
  const enterpriseId = Number(useParams()['enterpriseId']);
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { filter, setFilter, focus, highlight } = useFilter();
  const [voiding, setVoiding] = useState<DossierRecord | null>(null);
  const [rechecking, setRechecking] = useState<DossierRecord | null>(null);
  const notice = (location.state as { saved?: SavedNoticeData } | null)?.saved ?? null;

  const enterprise = useQuery({
    queryKey: ['enterprises.get', enterpriseId],
    queryFn: () => call('enterprises.get', { id: enterpriseId }),
    enabled: Number.isInteger(enterpriseId) && enterpriseId > 0,
    meta: { quiet: true },
  });
  const dossier = useDossier(enterpriseId, filter);
  const pages = dossier.data?.pages;
  const first = pages?.[0];
  const records = useMemo(() => (pages ?? []).flatMap((p) => p.records), [pages]);
  useEffect(() => {
    if (enterprise.data) rememberDossier(enterprise.data);
  }, [enterprise.data]);

  const voidRecord = useMutation({
    mutationFn: (v: { id: number; reason: string }) => call('dossier.void', v),
    onSuccess: (r) => {
      setVoiding(null);
      refreshAfterSave(queryClient, enterpriseId);
      void message.success(`已作废：${r.summary}`);
    },
  });

  // 修改 and 记录复查 both save with dossier.update.
  const canUpdate = useCan('dossier.update');
  const canVoid = useCan('dossier.void');
  const actions = useMemo<RecordActions>(
    () => ({
      ...(canUpdate ? { onEdit: (r: DossierRecord) => void navigate(`/dossier/${enterpriseId}/records/${r.id}/edit`), onRecheck: setRechecking } : {}),
      ...(canVoid ? { onVoid: setVoiding } : {}),
    }),
    [navigate, enterpriseId, canUpdate, canVoid],
  );
  const openDeadline = (d: Deadline) => focus(d.recordId);

  const failed = enterprise.error ?? (first ? null : dossier.error);
  if (failed) {
    const notFound = failed instanceof ApiError && failed.info.code === 'NOT_FOUND';
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '找不到这家企业' : '读取档案失败'}
        subTitle={failed.message}
        extra={<Button onClick={() => void navigate('/dossier')}>选择其他企业</Button>}
      />
    );
  }
  const e = enterprise.data;
  if (!e || !first) return <Spin style={{ display: 'block', marginTop: 64 }} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/dossier">
        <ArrowLeftOutlined /> 选择其他企业
      </Link>
      {notice && <SavedNoticeAlert notice={notice} onClose={() => void navigate(location, { replace: true, state: null })} />}
      <DossierHeader e={e} summary={first.summary} />
      {highlight && !records.some((r) => r.id === highlight) && !dossier.isFetching && !dossier.hasNextPage && (
        <Alert type="info" showIcon title="所选记录不在当前列表中：可能被筛选条件隐藏，或已作废（打开“显示已作废”可以看到）。" />
      )}
      <Row gutter={16} wrap={false}>
        <Col flex="1 1 auto" style={{ minWidth: 0 }}>
          <Timeline
            records={records}
            total={first.total}
            summary={first.summary}
            filter={filter}
            onFilter={setFilter}
            loading={dossier.isPlaceholderData}
            hasMore={!!dossier.hasNextPage}
            loadingMore={dossier.isFetchingNextPage}
            onMore={() => void dossier.fetchNextPage()}
            highlight={highlight}
            actions={actions}
          />
        </Col>
        <Col flex="0 0 340px">
          <Space orientation="vertical" size={16} style={{ width: '100%', display: 'flex' }}>
            <OpenDeadlines deadlines={first.openDeadlines} onOpen={openDeadline} />
            <SummaryCard summary={first.summary} />
          </Space>
        </Col>
      </Row>
      <ReasonModal
        open={voiding !== null}
        title="作废记录"
        okText="作废"
        danger
        loading={voidRecord.isPending}
        placeholder="如：录入错误，重复登记"
        onCancel={() => setVoiding(null)}
        onOk={(reason) => voiding && voidRecord.mutate({ id: voiding.id, reason })}
      >
        <Typography.Paragraph>
          将作废：{voiding?.summary}
          <br />
          <Typography.Text type="secondary">作废的记录仍留在档案中（划线显示），它的期限不再提醒；作废后不能恢复。</Typography.Text>
        </Typography.Paragraph>
      </ReasonModal>
      {rechecking && <RecheckModal record={rechecking} onClose={() => setRechecking(null)} />}
    </Space>
  );
}
