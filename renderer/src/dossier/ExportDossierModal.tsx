// 导出档案: one enterprise's file as a printable PDF, or as a zip with every attachment and a
// manifest of hashes; made by a job the clerk can follow and cancel, saved as soon as it is ready.
import { Button, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { DossierExportResult } from '../../../shared/dossier-export';
import { useJob } from '../api/useJob';
import { useSavedResult } from '../api/useSavedResult';
import { JobProgress } from '../ui/JobProgress';
import { reportError } from '../ui/notify';

interface Props {
  enterpriseId: number;
  name: string;
  open: boolean;
  onClose(): void;
}

export function ExportDossierModal({ enterpriseId, name, open, onClose }: Props) {
  const [format, setFormat] = useState<'pdf' | 'zip'>('pdf');
  const job = useJob('dossier.export', DossierExportResult);
  const { result } = job;
  const saving = useSavedResult(result?.file);

  const close = () => {
    if (job.running) return;
    job.reset();
    saving.forget();
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
        <Button key="start" type="primary" loading={job.running} onClick={() => void job.start({ enterpriseId, format }).catch(reportError)}>
          开始导出
        </Button>,
      ];

  return (
    <Modal open={open} title="导出企业档案" onCancel={close} footer={footer} mask={{ closable: false }} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Paragraph style={{ margin: 0 }}>导出「{name}」的全部档案记录，已作废的记录也列出并注明。</Typography.Paragraph>
        <Radio.Group value={format} disabled={job.running || !!result} onChange={(e) => setFormat(e.target.value as 'pdf' | 'zip')}>
          <Space orientation="vertical">
            <Radio value="pdf">PDF 文件：A4 打印版，含每条记录的内容和照片</Radio>
            <Radio value="zip">压缩包：PDF、全部附件原件和文件清单（manifest.json，含 SHA-256 校验值）</Radio>
          </Space>
        </Radio.Group>
        {job.job && <JobProgress job={job.job} onCancel={() => void job.cancel().catch(reportError)} />}
        {result && (
          <Typography.Text type="success">
            已导出 {result.records} 条记录、{result.attachments} 个附件（用时 {result.seconds} 秒），文件「{result.file.name}」。
          </Typography.Text>
        )}
      </Space>
    </Modal>
  );
}
