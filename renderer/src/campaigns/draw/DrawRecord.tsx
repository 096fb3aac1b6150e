// 抽取记录: everything needed to re-run a draw and check it was not altered — time, person,
// algorithm, seed, the two pools with their hashes, the result's hash — and the actions on it:
// 复核 (re-run and compare), 用此种子重新抽取, 导出公示表.
import { CheckCircleOutlined, ExportOutlined, RedoOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Space, Tag, Typography } from 'antd';
import type { DrawSummary } from '../../../../shared/campaign';
import { call, saveFile } from '../../api/client';
import { formatCount, formatInstant } from '../../ui/format';
import { drawParamsText } from './drawText';

function Hash({ value }: { value: string }) {
  return (
    <Typography.Text copyable={{ text: value, tooltips: ['复制', '已复制'] }} style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
      {value}
    </Typography.Text>
  );
}

interface Props {
  draw: DrawSummary;
  /** 用此种子重新抽取; left out for roles that may not draw. */
  onReuseSeed?(draw: DrawSummary): void;
}

export function DrawRecord({ draw, onReuseSeed }: Props) {
  const verify = useMutation({ meta: { quiet: true }, mutationFn: () => call('campaigns.verifyDraw', { id: draw.id }) });
  const exportTable = useMutation({
    mutationFn: async () => saveFile(await call('campaigns.exportDraw', { id: draw.id })),
  });
  const v = verify.data;
  const allMatch = v ? v.poolMatches && v.inspectorPoolMatches && v.resultMatches : false;

  return (
    <div data-testid="draw-record">
      <Descriptions size="small" bordered column={2} styles={{ label: { width: 130 } }}>
        <Descriptions.Item label="抽取时间">{formatInstant(draw.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="抽取人">{draw.actor}</Descriptions.Item>
        <Descriptions.Item label="抽取方式" span={2}>
          {drawParamsText(draw.params)}
        </Descriptions.Item>
        <Descriptions.Item label="算法">
          {draw.algorithm}（第 {draw.algorithmVersion} 版）
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          {draw.superseded ? <Tag>已被替换</Tag> : <Tag color="success">当前有效</Tag>}
          {draw.reason && <Typography.Text type="secondary">抽取原因：{draw.reason}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="随机种子" span={2}>
          <span data-testid="draw-seed">
            <Hash value={draw.seed} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="对象库" span={2}>
          {formatCount(draw.poolSize)} 户 · 校验值 <Hash value={draw.poolHash} />
        </Descriptions.Item>
        <Descriptions.Item label="执法人员库" span={2}>
          {formatCount(draw.inspectorPoolSize)} 人 · 校验值 <Hash value={draw.inspectorPoolHash} />
        </Descriptions.Item>
        <Descriptions.Item label="抽取结果" span={2}>
          {formatCount(draw.drawnCount)} 户 · 校验值 <Hash value={draw.resultHash} />
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 12 }}>
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="draw-verify">
          复核（重新运行）
        </Button>
        {onReuseSeed && (
          <Button icon={<RedoOutlined />} onClick={() => onReuseSeed(draw)} data-testid="draw-reuse-seed">
            用此种子重新抽取
          </Button>
        )}
        <Button icon={<ExportOutlined />} loading={exportTable.isPending} onClick={() => exportTable.mutate()} data-testid="draw-export">
          导出公示表
        </Button>
      </Space>
      {verify.error && <Alert type="error" showIcon style={{ marginTop: 12 }} title="复核没有完成" description={verify.error.message} />}
      {v && (
        <Alert
          data-testid="draw-verify-result"
          type={allMatch ? 'success' : 'error'}
          icon={allMatch ? <CheckCircleOutlined /> : undefined}
          showIcon
          style={{ marginTop: 12 }}
          title={allMatch ? '复核通过：重新运行得到完全相同的结果' : '复核未通过：重新运行的结果与记录不一致'}
          description={
            <>
              <div>{v.message}</div>
              <div>
                对象库：{v.poolMatches ? '一致' : '不一致'}；执法人员库：{v.inspectorPoolMatches ? '一致' : '不一致'}；抽取结果：
                {v.resultMatches ? '一致' : '不一致'}
              </div>
            </>
          }
        />
      )}
    </div>
  );
}
