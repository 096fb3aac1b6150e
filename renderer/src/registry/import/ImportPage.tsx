// 导入: ① 选择文件 → ② 核对列 → ③ 试导入 → ④ 正式导入. The real import is offered only after a
// dry run of exactly the same file, header row and mapping.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ImportResult, type ColumnMapping, type ImportPreview, type StoredFileRef } from '../../../../shared/import';
import { useJob } from '../../api/useJob';
import { useLeaveGuard } from '../../ui/useLeaveGuard';
import { formatCount } from '../../ui/format';
import { reportError } from '../../ui/notify';
import { lastListPath } from '../list/params';
import { MappingStep } from './MappingStep';
import { RunStep } from './RunStep';
import { UploadStep } from './UploadStep';

export function ImportPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<StoredFileRef | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [headerRow, setHeaderRow] = useState(1);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [dryKey, setDryKey] = useState<string | null>(null);
  const dry = useJob('enterprises.import', ImportResult);
  const real = useJob('enterprises.import', ImportResult);

  const key = JSON.stringify({ file: file?.sha256, headerRow, mapping });
  const input = (dryRun: boolean) => ({ file: file?.sha256 ?? '', fileName: file?.name ?? '导入文件', headerRow, mapping, dryRun });
  const dryResult = dry.result && dryKey === key ? dry.result : null;

  const startDry = () => {
    setDryKey(key);
    dry.start(input(true)).catch(reportError);
  };
  const startReal = () => {
    if (!dryResult) return;
    modal.confirm({
      title: '正式导入',
      content: `将新增 ${formatCount(dryResult.inserted)} 家、更新 ${formatCount(dryResult.updated)} 家企业${dryResult.rejected.length ? `；被拒绝的 ${formatCount(dryResult.rejected.length)} 行不会导入` : ''}。导入记入修改记录。确定吗？`,
      okText: '正式导入',
      cancelText: '再看看',
      onOk: () => {
        real.start(input(false)).catch(reportError);
      },
    });
  };
  const realDone = real.result !== null;
  // A file chosen and not yet imported: leaving would throw away the mapping and the dry run.
  // A running import goes on without the page, so leaving it then is fine.
  useLeaveGuard(
    file !== null && !realDone && !real.running,
    '这次导入还没有完成',
    '离开此页会放弃这次导入：已选的文件、核对好的列和试导入的结果都不再保留，名录不会有任何改动。',
    '放弃导入并离开',
  );
  useEffect(() => {
    if (realDone) void queryClient.invalidateQueries();
  }, [realDone, queryClient]);

  const restart = () => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setDryKey(null);
    dry.reset();
    real.reset();
  };

  const blockedReal = !dryResult
    ? '请先用当前的列对应关系完成一次试导入。'
    : dryResult.inserted + dryResult.updated === 0
      ? '试导入中没有可以新增或更新的行，无需导入。'
      : null;

  const busy = dry.running || real.running;
  const items = [
    { title: '选择文件', content: file?.name },
    { title: '核对列' },
    { title: '试导入' },
    { title: '正式导入' },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to={lastListPath()}>
        <ArrowLeftOutlined /> 返回企业名录
      </Link>
      <Card title="导入企业名录">
        <Steps
          current={step}
          items={items.map((it, i) => ({ ...it, disabled: busy || realDone || i > step || (i > 0 && !preview) }))}
          onChange={(s) => setStep(s)}
          style={{ marginBottom: 24 }}
        />
        {step === 0 && (
          <UploadStep
            onReady={(f, p) => {
              setFile(f);
              setPreview(p);
              setHeaderRow(p.headerRow ?? 1);
              setMapping(p.mapping);
              setDryKey(null);
              dry.reset();
              setStep(1);
            }}
          />
        )}
        {step === 1 && preview && (
          <>
            <MappingStep preview={preview} headerRow={headerRow} mapping={mapping} onHeaderRow={setHeaderRow} onMapping={setMapping} />
            <Space style={{ marginTop: 16 }}>
              <Button onClick={restart}>重新选择文件</Button>
              <Button type="primary" disabled={mapping.name === undefined} onClick={() => setStep(2)}>
                下一步：试导入
              </Button>
            </Space>
          </>
        )}
        {step === 2 && (
          <RunStep
            dryRun
            job={dry.job && dryKey === key ? dry.job : null}
            result={dryResult}
            onStart={startDry}
            onCancel={() => void dry.cancel().catch(reportError)}
            after={
              <Space>
                <Button onClick={() => setStep(1)}>返回核对列</Button>
                <Button type="primary" disabled={!!blockedReal} onClick={() => setStep(3)}>
                  下一步：正式导入
                </Button>
              </Space>
            }
          />
        )}
        {step === 3 && (
          <RunStep
            dryRun={false}
            job={real.job}
            result={real.result}
            blocked={real.job ? null : blockedReal}
            onStart={startReal}
            onCancel={() => void real.cancel().catch(reportError)}
            after={
              <Space>
                <Button type="primary" onClick={() => void navigate('/registry')}>
                  查看企业名录
                </Button>
                <Button onClick={restart}>导入另一个文件</Button>
              </Space>
            }
          />
        )}
        {step === 3 && real.job && real.job.status !== 'running' && !real.result && (
          <Typography.Paragraph style={{ marginTop: 16 }}>
            <Button onClick={() => real.reset()}>重试</Button>
          </Typography.Paragraph>
        )}
      </Card>
    </Space>
  );
}
