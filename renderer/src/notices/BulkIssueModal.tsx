// 批量出具文书 from a campaign's targets: one notice type to the chosen targets (or every target
// where a problem was found), with the fields they share; each notice's own record fills the
// rest. Runs as a job; at the end the combined PDF is offered for printing in one go.
import { PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Campaign, TargetRow } from '../../../shared/campaign';
import { NoticeBulkResult, type NoticeType } from '../../../shared/notice';
import { ApiError, call, saveFile } from '../api/client';
import { useJob } from '../api/useJob';
import { formatCount } from '../ui/format';
import { JobProgress } from '../ui/JobProgress';
import { reportError } from '../ui/notify';
import { PdfPreview } from '../ui/PdfPreview';
import { filledFields, toFormValues, type NoticeFormValues } from './formValues';
import { typeOptions } from './labels';
import { NoticeFieldsForm } from './NoticeFieldsForm';
import { printPdf } from './print';
import { refreshNotices } from './queries';
import { placeProblems } from './useIssue';

/** Targets where a problem was found and not yet put right. */
const PROBLEM_STATUSES = ['发现问题', '整改中'] as const;
const MAX_TARGETS = 2000;

async function problemTargets(campaignId: number): Promise<number[]> {
  const ids = new Set<number>();
  for (const status of PROBLEM_STATUSES) {
    for (let offset = 0; offset < MAX_TARGETS; offset += 500) {
      const page = await call('campaigns.targets', { campaignId, status, plannedOnly: false, q: '', townshipCode: null, offset, limit: 500 });
      for (const r of page.rows) ids.add(r.enterpriseId);
      if (offset + 500 >= page.total) break;
    }
  }
  return [...ids].slice(0, MAX_TARGETS);
}

interface Props {
  campaign: Campaign;
  chosen: TargetRow[];
  open: boolean;
  onClose(): void;
}

export function BulkIssueModal({ campaign, chosen, open, onClose }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NoticeFormValues>();
  const [type, setType] = useState<NoticeType>('riskReminder');
  const [scope, setScope] = useState<'chosen' | 'problems'>(chosen.length ? 'chosen' : 'problems');
  const [starting, setStarting] = useState(false);
  const [viewing, setViewing] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [duplex, setDuplex] = useState(false);
  const job = useJob('notices.bulkIssue', NoticeBulkResult);
  const { result } = job;

  const close = () => {
    if (job.running) return;
    if (result) refreshNotices(queryClient);
    job.reset();
    onClose();
  };

  const start = async () => {
    setStarting(true);
    setProblems([]);
    try {
      const enterpriseIds = scope === 'chosen' ? chosen.map((r) => r.enterpriseId).slice(0, MAX_TARGETS) : await problemTargets(campaign.id);
      if (!enterpriseIds.length) {
        void message.warning(scope === 'chosen' ? '请先在列表中勾选企业' : '本专项还没有发现问题的检查对象');
        return;
      }
      const fields = filledFields(type, form.getFieldsValue(true) as NoticeFormValues);
      await job.start({ type, enterpriseIds, campaignId: campaign.id, fields, duplex });
    } catch (err) {
      // The whole batch is checked before it starts: a field no record could fill is named, with the enterprise.
      if (err instanceof ApiError && err.info.code === 'VALIDATION') setProblems([err.info.message, ...placeProblems(form, err).filter((m) => m !== err.info.message)]);
      else reportError(err);
    } finally {
      setStarting(false);
    }
  };

  const busy = job.running || starting;
  const footer = result
    ? [
        <Button key="view" onClick={() => setViewing(true)}>
          预览
        </Button>,
        <Button key="save" onClick={() => void saveFile(result.combined).catch(reportError)}>
          下载合并 PDF
        </Button>,
        <Button key="print" icon={<PrinterOutlined />} data-testid="bulk-print" onClick={() => void printPdf(result.combined).catch(reportError)}>
          打印全部
        </Button>,
        <Button key="done" type="primary" onClick={close}>
          完成
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close} disabled={busy}>
          关闭
        </Button>,
        <Button key="start" type="primary" loading={busy} data-testid="bulk-start" onClick={() => void start()}>
          开始出具
        </Button>,
      ];

  return (
    <Modal open={open} title="批量出具文书" width={920} onCancel={close} footer={footer} mask={{ closable: false }} destroyOnHidden>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap size={24}>
          <span>
            文书种类{' '}
            <Select<NoticeType>
              style={{ width: 220 }}
              aria-label="文书种类"
              data-testid="bulk-type"
              value={type}
              disabled={busy || !!result}
              options={typeOptions}
              onChange={setType}
            />
          </span>
          <Radio.Group value={scope} disabled={busy || !!result} onChange={(e) => setScope(e.target.value as 'chosen' | 'problems')}>
            <Radio value="chosen" disabled={!chosen.length}>
              已勾选的 {formatCount(chosen.length)} 户
            </Radio>
            <Radio value="problems">发现问题的全部对象（含整改中）</Radio>
          </Radio.Group>
          <Checkbox checked={duplex} disabled={busy || !!result} onChange={(e) => setDuplex(e.target.checked)} data-testid="bulk-duplex">
            双面打印（页数为单数的文书后加一张空白页）
          </Checkbox>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          下面填写的内容每份文书相同；留空的内容按每户在本专项中的检查记录自动填写。每份文书各占一个文号，出具后存入各企业档案，并合并成一个 PDF 供一次打印。
        </Typography.Paragraph>
        {!result && (
          <Form<NoticeFormValues> key={type} form={form} layout="vertical" name="bulk-notice" initialValues={toFormValues(type, {})} disabled={busy}>
            <div style={{ maxHeight: '45vh', overflowY: 'auto', paddingRight: 8 }}>
              <NoticeFieldsForm type={type} bulk />
            </div>
          </Form>
        )}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title="没有开始出具"
            data-testid="bulk-errors"
            description={problems.map((m) => (
              <div key={m}>{m}</div>
            ))}
          />
        )}
        {job.job && <JobProgress job={job.job} onCancel={() => void job.cancel().catch(reportError)} />}
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="bulk-result"
            title={`已出具 ${formatCount(result.issued)} 份（用时 ${result.seconds} 秒）`}
            description={
              <>
                文号 {result.numbers.join(' 至 ')}。合并 PDF「{result.combined.name}」可直接打印。
                <Link to={`/notices?type=${type}`} style={{ marginLeft: 8 }}>
                  在执法文书中查看
                </Link>
              </>
            }
          />
        )}
      </Space>
      {result && viewing && <PdfPreview file={result.combined} open onClose={() => setViewing(false)} />}
    </Modal>
  );
}
