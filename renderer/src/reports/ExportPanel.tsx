// One format's export: parameters → 检查 (findings and a preview of the table) → 导出 (asking to
// confirm when the checks found something: 仍然导出) → progress → the file to download.
import { CheckCircleOutlined, DownloadOutlined, ExportOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type Finding, periodPresets, type ReportFormatInfo, type ReportParamsInput, SentReport, type SourceInfo } from '../../../shared/report';
import type { z } from 'zod';
import { useCan } from '../accounts/auth';
import { ApiError, call, saveFile } from '../api/client';
import { useJob } from '../api/useJob';
import { useSavedResult } from '../api/useSavedResult';
import { useCampaigns } from '../campaigns/queries';
import { JobProgress } from '../ui/JobProgress';
import { reportError } from '../ui/notify';
import { FindingsTable } from './FindingsTable';
import { ALL_TIME, ParamsForm, type ParamsValues } from './ParamsForm';
import { PreviewTable } from './PreviewTable';
import { refreshSent, usePackages } from './queries';

type SourceSummary = z.infer<typeof SourceInfo>;

/** Whether the table is asked for a period: the tally always, the registry never, the others optionally. */
const periodMode = (source: SourceSummary | undefined): 'required' | 'optional' | 'none' =>
  source?.needsPeriod ? 'required' : source?.source === 'registry' ? 'none' : 'optional';

function initialValues(format: ReportFormatInfo, source: SourceSummary | undefined): ParamsValues {
  const lastWeek = periodPresets()[0]!;
  const preset = periodMode(source) === 'required' ? lastWeek.key : ALL_TIME;
  return { campaignId: null, preset, from: lastWeek.from, to: lastWeek.to, type: format.definition.output.type, rollup: false, rollupPeriod: null, preparer: '', phone: '' };
}

function paramsOf(format: ReportFormatInfo, source: SourceSummary | undefined, v: ParamsValues): ReportParamsInput {
  const [rf, rt] = (v.rollupPeriod ?? '~').split('~');
  const dated = periodMode(source) !== 'none' && v.preset !== ALL_TIME;
  return {
    formatId: format.id,
    campaignId: !v.rollup && source?.needsCampaign ? v.campaignId : null,
    from: v.rollup ? rf || null : dated ? v.from : null,
    to: v.rollup ? rt || null : dated ? v.to : null,
    rollup: v.rollup,
    preparer: v.preparer.trim() || null,
    phone: v.phone.trim() || null,
  };
}

/** The findings an export refusal carries (CONFLICT with details.findings), or null. */
function refusedFindings(err: unknown): Finding[] | null {
  if (!(err instanceof ApiError) || err.info.code !== 'CONFLICT') return null;
  const findings = err.info.details?.['findings'];
  return Array.isArray(findings) ? (findings as Finding[]) : null;
}

export function ExportPanel({ format, source }: { format: ReportFormatInfo; source: SourceSummary | undefined }) {
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const campaigns = useCampaigns();
  const packages = usePackages('imported');
  const [values, setValues] = useState<ParamsValues>(() => initialValues(format, source));
  const exportJob = useJob('reports.export', SentReport);
  const canExport = useCan('reports.export');
  const params = paramsOf(format, source, values);
  const list = campaigns.data ?? [];

  // The campaign running now is the usual choice.
  const firstCampaign = list.find((c) => c.status === '进行中')?.id ?? list[0]?.id ?? null;
  useEffect(() => {
    if (values.campaignId === null && firstCampaign !== null) setValues((v) => ({ ...v, campaignId: firstCampaign }));
  }, [firstCampaign, values.campaignId]);

  const check = useMutation({ mutationFn: () => call('reports.preview', { params, limit: 50 }) });
  const { reset: resetCheck } = check;
  const { reset: resetJob } = exportJob;
  useEffect(() => {
    resetCheck();
    resetJob();
  }, [values, resetCheck, resetJob]);

  const start = async (confirmFindings: boolean) => {
    try {
      await exportJob.start({ params, type: values.type, confirmFindings });
    } catch (err) {
      const findings = refusedFindings(err);
      if (!findings) return reportError(err);
      modal.confirm({
        title: `检查发现 ${findings.length} 个问题，确定仍要导出吗？`,
        width: 760,
        content: (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>导出的文件和这些问题会一起记入报送记录。请先核对，确有把握再导出。</Typography.Text>
            <FindingsTable findings={findings} testId="confirm-findings" pageSize={8} />
          </Space>
        ),
        okText: '仍然导出',
        okButtonProps: { danger: true },
        cancelText: '先不导出',
        onOk: () => void start(true),
      });
    }
  };

  const result = exportJob.result;
  // The file is saved (downloaded) as soon as it is written, as the registry export does; 下载 saves it again.
  useSavedResult(result?.file);
  useEffect(() => {
    if (result) {
      refreshSent(queryClient);
      void message.success(`已导出「${result.file.name}」，已记入报送记录`);
    }
  }, [result, queryClient, message]);

  const ready = values.rollup ? !!values.rollupPeriod : !source?.needsCampaign || values.campaignId !== null;
  const preview = check.data;
  return (
    <Card title={`导出：${format.definition.name}`} data-testid="export-panel" size="small">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ParamsForm
          values={values}
          onChange={setValues}
          needsCampaign={!!source?.needsCampaign}
          period={periodMode(source)}
          campaigns={list}
          packages={packages.data ?? []}
        />
        <Space>
          <Button icon={<SearchOutlined />} onClick={() => check.mutate()} loading={check.isPending} disabled={!ready} data-testid="report-check">
            检查
          </Button>
          {canExport && (
            <Button type="primary" icon={<ExportOutlined />} onClick={() => void start(false)} loading={exportJob.running} disabled={!ready} data-testid="report-export">
              导出
            </Button>
          )}
        </Space>
        {exportJob.job && !result && <JobProgress job={exportJob.job} onCancel={() => void exportJob.cancel()} />}
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="report-done"
            title={`已导出「${result.file.name}」（${result.rowCount} 行）`}
            description={`SHA-256：${result.file.sha256.slice(0, 16)}…　第 ${result.formatVersion} 版格式　已记入报送记录${result.findings.length ? `（含 ${result.findings.length} 个已确认的问题）` : ''}`}
            action={
              <Button icon={<DownloadOutlined />} onClick={() => void saveFile(result.file).catch(reportError)} data-testid="report-download">
                下载
              </Button>
            }
          />
        )}
        {preview && (
          <>
            {preview.findings.length ? (
              <Alert type="warning" showIcon title={`检查发现 ${preview.findings.length} 个问题`} description="导出时需要确认。可以先到专项或一企一档里补正数据，再回来检查。" />
            ) : (
              <Alert type="success" showIcon icon={<CheckCircleOutlined />} title="检查通过" description={`共 ${preview.rowCount} 行，必填项、合计和代码都没有发现问题。`} data-testid="report-check-ok" />
            )}
            {preview.findings.length > 0 && <FindingsTable findings={preview.findings} />}
            <PreviewTable preview={preview} />
          </>
        )}
      </Space>
    </Card>
  );
}
