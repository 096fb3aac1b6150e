// 导出: the current filtered list as an Excel file, made by a job the clerk can follow and cancel.
import { Alert, Button, Checkbox, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { ExportResult } from '../../../shared/import';
import type { ListParams } from './list/params';
import { useJob } from '../api/useJob';
import { useSavedResult } from '../api/useSavedResult';
import { formatCount } from '../ui/format';
import { JobProgress } from '../ui/JobProgress';
import { reportError } from '../ui/notify';

interface Props {
  open: boolean;
  filter: ListParams['filter'];
  total: number;
  onClose(): void;
}

export function ExportModal({ open, filter, total, onClose }: Props) {
  const [reveal, setReveal] = useState(false);
  const job = useJob('enterprises.export', ExportResult);
  const { result } = job;

  const saving = useSavedResult(result?.file);

  const close = () => {
    if (job.running) return;
    job.reset();
    saving.forget();
    setReveal(false);
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
          disabled={job.job?.status === 'running'}
          onClick={() => void job.start({ filter, revealPersonal: reveal }).catch(reportError)}
        >
          开始导出
        </Button>,
      ];

  return (
    <Modal open={open} title="导出企业名录" onCancel={close} footer={footer} mask={{ closable: false }} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          将导出当前筛选结果（共 {formatCount(total)} 家）为 Excel 文件，包含基本信息、分类监管、证照和标签。
        </Typography.Paragraph>
        <Checkbox checked={reveal} disabled={job.running || !!result} onChange={(e) => setReveal(e.target.checked)}>
          导出完整证件号码
        </Checkbox>
        {reveal && (
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
            title={`已导出 ${formatCount(result.rows)} 家企业`}
            description={`文件「${result.file.name}」已开始下载（浏览器）或已请您选择保存位置（桌面版）。用时 ${result.seconds.toFixed(1)} 秒。`}
          />
        )}
      </Space>
    </Modal>
  );
}
