// 导出: the current filtered list as an Excel file, or the files (一企一档) of its enterprises as a
// zip, made by a job the clerk can follow and cancel.
import { Alert, Button, Checkbox, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { seesPersonalData } from '../../../shared/accounts';
import { DossierExportResult, MAX_DOSSIER_EXPORT } from '../../../shared/dossier-export';
import { ExportResult } from '../../../shared/import';
import type { ListParams } from './list/params';
import { useRole } from '../accounts/auth';
import { useJob } from '../api/useJob';
import { useSavedResult } from '../api/useSavedResult';
import { formatCount } from '../ui/format';
import { JobProgress } from '../ui/JobProgress';
import { reportError } from '../ui/notify';

interface Props {
  open: boolean;
  filter: ListParams['filter'];
  /** The list's order, which the exported rows follow. */
  sort: ListParams['sort'];
  order: ListParams['order'];
  total: number;
  onClose(): void;
}

export function ExportModal({ open, filter, sort, order, total, onClose }: Props) {
  const [reveal, setReveal] = useState(false);
  // Only roles that see personal data are offered full ID numbers (the backend refuses the others).
  const mayReveal = seesPersonalData(useRole());
  const [what, setWhat] = useState<'list' | 'dossiers'>('list');
  const listJob = useJob('enterprises.export', ExportResult);
  const dossierJob = useJob('dossier.export', DossierExportResult);
  const job = what === 'list' ? listJob : dossierJob;
  const result = what === 'list' ? listJob.result : dossierJob.result;

  const saving = useSavedResult(result?.file);
  const start = () =>
    what === 'list' ? listJob.start({ filter, sort, order, revealPersonal: reveal }) : dossierJob.start({ filter, format: 'zip' });

  const close = () => {
    if (job.running) return;
    listJob.reset();
    dossierJob.reset();
    saving.forget();
    setReveal(false);
    setWhat('list');
    onClose();
  };

  const footer = result
    ? [
        <Button key="again" onClick={saving.saveAgain}>
          再次保存
        </Button>,
        <Button key="close" type="primary" onClick={close}>
          完成
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close} disabled={job.running}>
          关闭
        </Button>,
        <Button
          key="start"
          type="primary"
          loading={job.running}
          disabled={job.job?.status === 'running' || (what === 'dossiers' && total > MAX_DOSSIER_EXPORT)}
          onClick={() => void start().catch(reportError)}
        >
          开始导出
        </Button>,
      ];

  return (
    <Modal open={open} title="导出企业名录" onCancel={close} footer={footer} mask={{ closable: false }} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Paragraph style={{ margin: 0 }}>当前筛选结果共 {formatCount(total)} 家企业。</Typography.Paragraph>
        <Radio.Group value={what} disabled={job.running || !!result} onChange={(e) => setWhat(e.target.value as 'list' | 'dossiers')}>
          <Space orientation="vertical">
            <Radio value="list">企业名录（Excel）：基本信息、分类监管、证照和标签</Radio>
            <Radio value="dossiers" disabled={total > MAX_DOSSIER_EXPORT}>
              企业档案（压缩包）：每家一份 PDF 和全部附件，附文件清单
              {total > MAX_DOSSIER_EXPORT && `（一次最多 ${MAX_DOSSIER_EXPORT} 家，请缩小筛选范围）`}
            </Radio>
          </Space>
        </Radio.Group>
        {what === 'list' && mayReveal && (
          <Checkbox checked={reveal} disabled={job.running || !!result} onChange={(e) => setReveal(e.target.checked)}>
            导出完整证件号码
          </Checkbox>
        )}
        {what === 'list' && reveal && (
          <Alert
            type="warning"
            showIcon
            title="证件号码是个人信息"
            description="导出完整号码将记入操作记录。文件请妥善保管，不要通过微信、QQ 等外发；不需要时请只导出带 * 的号码。"
          />
        )}
        {job.job && <JobProgress job={job.job} onCancel={() => void job.cancel().catch(reportError)} />}
        {result && (
          <Alert
            type="success"
            showIcon
            title={'rows' in result ? `已导出 ${formatCount(result.rows)} 家企业` : `已导出 ${formatCount(result.enterprises)} 家企业的 ${formatCount(result.records)} 条档案记录`}
            description={`文件「${result.file.name}」已开始下载（浏览器）或已请您选择保存位置（桌面版）。用时 ${result.seconds.toFixed(1)} 秒。`}
          />
        )}
      </Space>
    </Modal>
  );
}
