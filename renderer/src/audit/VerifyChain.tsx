// 校验记录链: checks the hash chain on demand and says in plain words whether the records were changed.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Typography } from 'antd';
import { call } from '../api/client';

export function useVerifyChain() {
  const queryClient = useQueryClient();
  // The list is read again too, so it shows the rows as they are now.
  return useMutation({ mutationFn: () => call('audit.verify', {}), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['audit.search'] }) });
}

export function VerifyButton({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
      校验记录链
    </Button>
  );
}

export function VerifyResult({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  const r = verify.data;
  if (!r) return null;
  return (
    <Alert
      role="status"
      data-testid="audit-verify-result"
      type={r.ok ? 'success' : 'error'}
      showIcon
      closable={{ onClose: () => verify.reset() }}
      title={r.ok ? `操作记录链完好：${r.reason}` : `操作记录链被破坏：${r.reason}`}
      description={
        <>
          {!r.ok && <div>有人在清波之外直接改动了数据库。请从改动之前的备份恢复，或联系管理员。</div>}
          {r.head && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              登记的最后一条：第 {r.head.id} 条，校验值 <Typography.Text code copyable>{r.head.hash}</Typography.Text>
              （可抄下或打印保存，日后比对可发现整段被删除）
            </Typography.Text>
          )}
        </>
      }
    />
  );
}
