// One issued notice (route notices/:id): its number and state, where it came from, its service,
// and everything that can be done with it. Opened right after issuing, it says so.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import type { Notice } from '../../../shared/notice';
import { PdfThumbnail } from '../ui/PdfThumbnail';
import { EMPTY, formatInstant } from '../ui/format';
import { NoticeStatusTag, ServiceText, typeTitle } from './labels';
import { NoticeActions } from './NoticeActions';
import { useNotice } from './queries';
import { useNoticeDialogs } from './useNoticeDialogs';

/** Another notice by its number (the one corrected, or the correction). */
function NoticeLink({ id }: { id: number }) {
  const other = useNotice(id).data;
  return <Link to={`/notices/${id}`}>{other ? `${other.number}${other.status === 'voided' ? '（已作废）' : ''}` : '查看'}</Link>;
}

function Details({ n }: { n: Notice }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'type', label: '种类', children: typeTitle(n.type) },
        { key: 'number', label: '文号', children: <span data-testid="notice-number">{n.number}</span> },
        { key: 'party', label: '当事人', children: <Link to={`/dossier/${n.enterpriseId}?record=${n.dossierRecordId}`}>{n.enterpriseName}</Link> },
        { key: 'status', label: '状态', children: <NoticeStatusTag notice={n} /> },
        { key: 'issuedOn', label: '出具日期', children: n.issuedOn },
        { key: 'issuedBy', label: '出具人', children: `${n.issuedBy}（${formatInstant(n.issuedAt)}）` },
        {
          key: 'source',
          label: '依据',
          children: n.recordId ? <Link to={`/dossier/${n.enterpriseId}?record=${n.recordId}`}>档案中的记录</Link> : EMPTY,
        },
        { key: 'campaign', label: '专项', children: n.campaignId ? <Link to={`/campaigns/${n.campaignId}`}>查看专项</Link> : EMPTY },
        {
          key: 'service',
          label: '送达',
          span: 2,
          children: n.service ? (
            <span>
              <ServiceText notice={n} /> · 受送达人 {n.service.recipient} · 送达人 {n.service.server}
              {n.service.note && ` · ${n.service.note}`}
            </span>
          ) : (
            <ServiceText notice={n} />
          ),
        },
        ...(n.correctsId ? [{ key: 'corrects', label: '更正的原文书', span: 2, children: <NoticeLink id={n.correctsId} /> }] : []),
        ...(n.correctedById ? [{ key: 'corrected', label: '更正后的文书', span: 2, children: <NoticeLink id={n.correctedById} /> }] : []),
        ...(n.voidedAt
          ? [{ key: 'void', label: '作废', span: 2, children: `${formatInstant(n.voidedAt)} 作废，原因：${n.voidReason ?? EMPTY}` }]
          : []),
        {
          key: 'hash',
          label: '存档校验值',
          span: 2,
          children: (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'ui-monospace, Consolas, monospace', wordBreak: 'break-all' }}>
              PDF SHA-256 {n.pdf.sha256}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

export function NoticePage() {
  const id = Number(useParams()['id']);
  const location = useLocation();
  const issued = (location.state as { issued?: boolean } | null)?.issued === true;
  const notice = useNotice(Number.isInteger(id) && id > 0 ? id : null);
  const { actions, dialogs } = useNoticeDialogs();

  if (notice.error) return <Result status="404" title="找不到这份文书" subTitle={notice.error.message} extra={<Link to="/notices">返回执法文书</Link>} />;
  const n = notice.data;
  if (!n) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }}>
      <Link to="/notices">
        <ArrowLeftOutlined /> 返回执法文书
      </Link>
      {issued && (
        <Alert
          type="success"
          showIcon
          data-testid="issued-alert"
          title={`已出具 ${n.title}，文号 ${n.number}`}
          description="文书内容已冻结，PDF 和 Word 文件已存入企业档案。可以直接打印，送达后请登记送达。"
        />
      )}
      <Typography.Title level={3} style={{ margin: 0 }}>
        {n.title}
        <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400, marginLeft: 12 }}>
          {n.number}
        </Typography.Text>
      </Typography.Title>
      <NoticeActions notice={n} dialogs={actions} />
      <Card>
        <div style={{ display: 'flex', gap: 24, alignItems: 'flex-start' }}>
          <div style={{ flex: 'none', textAlign: 'center' }}>
            <PdfThumbnail file={n.pdf} onOpen={() => actions.view(n.pdf)} />
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              点击查看
            </Typography.Text>
          </div>
          <div style={{ flex: '1 1 auto', minWidth: 0 }}>
            <Details n={n} />
          </div>
        </div>
      </Card>
      {dialogs}
    </Space>
  );
}
