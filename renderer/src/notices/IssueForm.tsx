// The issue form of one notice: the fields (prefilled from the record, or from the notice being
// corrected) beside the party block as it will print; 预览 renders it without a number, 出具
// asks once, then takes the number and freezes it.
import { ArrowLeftOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { todayInChina } from '../../../shared/dates';
import type { StoredFileRef } from '../../../shared/import';
import { noticeTypeInfo, OFFICE_MISSING, type Notice, type NoticeDraft } from '../../../shared/notice';
import { PdfPreview } from '../ui/PdfPreview';
import { toFields, toFormValues, type NoticeFormValues } from './formValues';
import { NoticeFieldsForm } from './NoticeFieldsForm';
import { PartyCard } from './PartyCard';
import { useSystemInfo, type PrepareSource } from './queries';
import { useIssue } from './useIssue';

interface Props {
  source: PrepareSource;
  draft: NoticeDraft;
  /** The notice this one corrects (更正), if any. */
  old: Notice | null;
  enterpriseName: string;
}

function SourceCard({ source, old }: { source: PrepareSource; old: Notice | null }) {
  if (!source.recordId && !source.campaignId && !old) return null;
  return (
    <Card size="small" title="依据">
      <Space orientation="vertical" size={4}>
        {source.recordId && (
          <Link to={`/dossier/${source.enterpriseId}?record=${source.recordId}`}>{old ? '档案中的记录' : '档案中的记录（内容已据此预填）'}</Link>
        )}
        {source.campaignId && <Link to={`/campaigns/${source.campaignId}`}>所属专项</Link>}
        {old && (
          <span>
            更正 <Link to={`/notices/${old.id}`}>{old.number}</Link>：内容取自原文书；新文书另行编号，原文书保留并注明已更正
          </span>
        )}
      </Space>
    </Card>
  );
}

const NO_OFFICE = '尚未设置本单位的文号代字，出具时无法编号。请先在「设置 → 本单位」中填写，再回来出具。';

/** Messages that need the office settings get a way there. */
const needsSettings = (m: string) => /设置|代字|本单位/.test(m);

export function IssueForm({ source, draft, old, enterpriseName }: Props) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<NoticeFormValues>();
  const [initial] = useState(() => toFormValues(source.type, old ? old.fields : draft.fields));
  const [others, setOthers] = useState<string[]>([]);
  const [previewing, setPreviewing] = useState<StoredFileRef | null>(null);
  const { preview, issue } = useIssue(form, setOthers);
  const systemInfo = useSystemInfo();
  const office = systemInfo.data?.office ?? null;
  const officeMissing = systemInfo.isSuccess && !office;
  const info = noticeTypeInfo[source.type];
  const year = todayInChina().slice(0, 4);
  const numberShape = `${office?.docAbbrev ?? ''}${info.abbrev}〔${year}〕…号`;

  const input = () => ({ ...source, fields: toFields(source.type, form.getFieldsValue(true) as NoticeFormValues), correctsId: old?.id ?? null });

  const doPreview = () => {
    setOthers([]);
    preview.mutate(input(), { onSuccess: setPreviewing });
  };
  const doIssue = () => {
    if (officeMissing) {
      // The backend would refuse it too; saying so here keeps the confirmation from promising a number.
      setOthers([NO_OFFICE]);
      window.scrollTo({ top: 0 });
      return;
    }
    setOthers([]);
    form.validateFields().then(
      () => {
        modal.confirm({
          title: `出具${info.title}`,
          okText: '确认出具',
          cancelText: '再看看',
          content: (
            <Space orientation="vertical" size={8} data-testid="issue-confirm">
              <span>
                出具后将占用文号 <Typography.Text strong>{numberShape}</Typography.Text>（号码按本年度「{info.abbrev}」字顺序确定），并冻结文书内容，之后不能修改。
              </span>
              {old && <span>原文书 {old.number} 将注明“已更正”，文号保留。</span>}
              <Typography.Text type="secondary">内容有误时只能作废或更正，请先点「预览」核对。</Typography.Text>
            </Space>
          ),
          onOk: () => issue.mutateAsync(input()).catch(() => undefined),
        });
      },
      ({ errorFields }: { errorFields: { name: (string | number)[] }[] }) => {
        const first = errorFields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      },
    );
  };

  const back = source.recordId ? `/dossier/${source.enterpriseId}?record=${source.recordId}` : '/notices';
  return (
    <Form<NoticeFormValues> form={form} name="notice" layout="vertical" initialValues={initial} style={{ paddingBottom: 72 }} data-testid="issue-form">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Link to={back}>
          <ArrowLeftOutlined /> {source.recordId ? `返回「${enterpriseName}」的档案` : '返回执法文书'}
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {old ? `更正${info.title}` : `出具${info.title}`}
          <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400, marginLeft: 12 }}>
            {enterpriseName}
          </Typography.Text>
        </Typography.Title>
        {officeMissing && others.length === 0 && (
          <Alert type="warning" showIcon title="尚未设置本单位的文号代字（如“岳君市监”），出具时无法编号。" action={<Link to="/settings">前往设置</Link>} />
        )}
        {others.length > 0 && (
          <Alert
            type="error"
            showIcon
            title="没有完成"
            data-testid="issue-errors"
            description={others.map((m) => (
              <div key={m}>{m}</div>
            ))}
            action={
              others.some(needsSettings) ? (
                <Link to="/settings">前往设置</Link>
              ) : others.some((m) => m.startsWith('模板')) ? (
                <Link to={`/notices/templates?type=${source.type}`}>查看模板</Link>
              ) : undefined
            }
          />
        )}
        <Row gutter={16} wrap={false}>
          <Col flex="1 1 auto" style={{ minWidth: 0 }}>
            <Card title="文书内容">
              <NoticeFieldsForm type={source.type} />
            </Card>
          </Col>
          <Col flex="0 0 380px">
            <Space orientation="vertical" size={16} style={{ width: '100%', display: 'flex' }}>
              <PartyCard
                party={draft.party}
                // The missing office settings are said once, above the form.
                warnings={officeMissing ? draft.warnings.filter((w) => w !== OFFICE_MISSING) : draft.warnings}
                enterpriseId={source.enterpriseId}
              />
              <SourceCard source={source} old={old} />
            </Space>
          </Col>
        </Row>
      </Space>
      <div
        style={{
          position: 'fixed', bottom: 0, left: 176, right: 0, padding: '12px 24px', background: '#fff',
          borderTop: '1px solid #eee', zIndex: 10, display: 'flex', gap: 8, alignItems: 'center',
        }}
      >
        <Button icon={<EyeOutlined />} loading={preview.isPending} onClick={doPreview} data-testid="notice-preview">
          预览
        </Button>
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={issue.isPending} onClick={doIssue} data-testid="notice-issue">
          出具
        </Button>
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          {office?.docAbbrev ? `预览不占用文号；出具时才编号（${numberShape}）并冻结内容。` : '预览不占用文号；出具时才按本年度顺序编号并冻结内容。'}
        </Typography.Text>
      </div>
      {previewing && <PdfPreview file={previewing} open onClose={() => setPreviewing(null)} />}
    </Form>
  );
}
