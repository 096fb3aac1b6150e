// 抽取条件: a fixed number of targets, or a percentage per credit class; whether inspectors of
// the target's own township office are avoided; an optional seed to re-run a recorded draw.
// A campaign that was drawn already asks why it is drawn again.
import { ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Space, Switch, Typography, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import type { Campaign, DrawDetail, DrawParams } from '../../../../shared/campaign';
import { call } from '../../api/client';
import { formatCount } from '../../ui/format';
import { ReasonModal } from '../../ui/ReasonModal';
import { refreshAfterDraw, useActiveInspectors } from '../fieldQueries';
import { problemsOf } from '../queries';
import { classKeys, classLabels, defaultProportions, type ClassKey } from './drawText';

export interface DrawFormValues {
  mode: DrawParams['mode'];
  count: number | null;
  proportions: Record<ClassKey, number | null>;
  excludeOwnTownship: boolean;
  seed: string;
}

/** What the form starts from: defaults, or a recorded draw's parameters and seed (用此种子重新抽取). */
export function drawFormValues(pool: number, from?: { params: DrawParams; seed: string }): DrawFormValues {
  if (from) {
    const p = from.params;
    return { mode: p.mode, count: p.count, proportions: p.proportions ?? defaultProportions, excludeOwnTownship: p.excludeOwnTownship, seed: from.seed };
  }
  // 3 % is the least a public-information check draws; never more than the pool.
  const count = pool > 0 ? Math.min(pool, Math.max(1, Math.ceil(pool * 0.03))) : null;
  return { mode: 'count', count, proportions: defaultProportions, excludeOwnTownship: true, seed: '' };
}

const toParams = (v: DrawFormValues): DrawParams => ({
  mode: v.mode,
  count: v.mode === 'count' ? v.count : null,
  proportions: v.mode === 'proportion' ? (Object.fromEntries(classKeys.map((k) => [k, v.proportions[k] ?? 0])) as Record<ClassKey, number>) : null,
  excludeOwnTownship: v.excludeOwnTownship,
});

/** params.count → ['count'], params.proportions.A → ['proportions', 'A'], seed → ['seed']. */
const fieldPath = (field: string): string[] | null => {
  if (field === 'seed') return ['seed'];
  if (field.startsWith('params.')) return field.slice('params.'.length).split('.');
  return null;
};

interface Props {
  campaign: Campaign;
  /** Values to put on the form (a new object each time the clerk asks for a recorded draw's seed). */
  preset: DrawFormValues;
  /** Why drawing again is not possible (results were recorded against this draw), or null. */
  locked: string | null;
  onDrawn(detail: DrawDetail): void;
}

export function DrawForm({ campaign, preset, locked, onDrawn }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DrawFormValues>();
  const [asking, setAsking] = useState<DrawFormValues | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const inspectors = useActiveInspectors();
  const mode = Form.useWatch('mode', form);

  useEffect(() => {
    form.setFieldsValue(preset);
    setFailure(null);
  }, [form, preset]);

  const draw = useMutation({
    meta: { quiet: true },
    mutationFn: ({ v, reason }: { v: DrawFormValues; reason: string | null }) =>
      call('campaigns.draw', { campaignId: campaign.id, params: toParams(v), seed: v.seed.trim() || null, reason }),
    onSuccess: (detail) => {
      setAsking(null);
      setFailure(null);
      refreshAfterDraw(queryClient, campaign.id);
      queryClient.setQueryData(['campaigns.drawDetail', detail.draw.id], detail);
      void message.success(`抽取完成：共抽取 ${formatCount(detail.draw.drawnCount)} 户`);
      onDrawn(detail);
    },
    onError: (err) => {
      setAsking(null);
      // The contract's problems, or the one field the draw names (抽取户数 over the pool size).
      const placed = problemsOf(err).flatMap((p) => {
        const name = fieldPath(p.field);
        return name ? [{ name, errors: [p.message] }] : [];
      });
      (form as FormInstance).setFields(placed); // paths come from the backend, not typed by the form
      setFailure(err.message);
    },
  });

  const submit = (v: DrawFormValues) => {
    setFailure(null);
    if (campaign.draw) setAsking(v);
    else draw.mutate({ v, reason: null });
  };

  const active = inspectors.data?.length ?? null;
  return (
    <Card title="抽取条件" data-testid="draw-form">
      <Form<DrawFormValues> form={form} name="draw" layout="vertical" initialValues={preset} onFinish={submit}>
        <Space size={24} wrap style={{ marginBottom: 16 }}>
          <Typography.Text data-testid="draw-pool">
            对象库：本专项检查对象 <b>{formatCount(campaign.targetCount)}</b> 户
          </Typography.Text>
          <Typography.Text type={active !== null && active < 2 ? 'danger' : undefined}>
            执法人员库：在岗执法人员 <b>{active ?? '…'}</b> 人{active !== null && active < 2 && '（至少需要 2 人才能抽取）'}
          </Typography.Text>
        </Space>
        <Form.Item name="mode" label="抽取方式">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'count', label: '固定户数' },
              { value: 'proportion', label: '按信用风险分类比例' },
            ]}
          />
        </Form.Item>
        {mode === 'proportion' ? (
          <Row gutter={12}>
            {classKeys.map((k) => (
              <Col key={k} flex="0 0 180px">
                <Form.Item name={['proportions', k]} label={classLabels[k]} rules={[{ required: true, message: '请填写比例' }]}>
                  <InputNumber min={0} max={100} precision={1} suffix="%" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        ) : (
          <Form.Item name="count" label="抽取户数" rules={[{ required: true, message: '请填写抽取户数' }]} extra="双随机抽查比例一般不低于 3%">
            <InputNumber min={1} max={100000} precision={0} suffix="户" style={{ width: 180 }} />
          </Form.Item>
        )}
        <Form.Item name="excludeOwnTownship" label="回避本所执法人员" valuePropName="checked" extra="打开后，不会给检查对象分配其所在乡镇市场监管所的执法人员">
          <Switch />
        </Form.Item>
        <Form.Item
          name="seed"
          label="随机种子（可不填）"
          extra="留空时自动生成；填写某次抽取的种子，在对象库和执法人员库未变时可得到完全相同的结果"
          rules={[{ pattern: /^\s*([0-9a-fA-F]{8,64})?\s*$/, message: '随机种子应为 8–64 位十六进制数字（0–9、a–f）' }]}
          normalize={(v: string) => v.toLowerCase()}
        >
          <Input style={{ maxWidth: 560, fontFamily: 'monospace' }} allowClear placeholder="留空自动生成" />
        </Form.Item>
        {locked && <Alert type="info" showIcon title={locked} style={{ marginBottom: 16 }} data-testid="draw-locked" />}
        {failure && <Alert type="error" showIcon title="没有抽取" description={failure} style={{ marginBottom: 16 }} data-testid="draw-error" />}
        <Button type="primary" htmlType="submit" icon={<ThunderboltOutlined />} loading={draw.isPending} disabled={!!locked} data-testid="draw-submit">
          {campaign.draw ? '重新抽取' : '开始抽取'}
        </Button>
      </Form>
      <ReasonModal
        open={asking !== null}
        title="重新抽取"
        okText="重新抽取"
        danger
        loading={draw.isPending}
        placeholder="如：检查对象名录更新，按新名录重新抽取"
        onCancel={() => setAsking(null)}
        onOk={(reason) => asking && draw.mutate({ v: asking, reason })}
      >
        <Typography.Paragraph>
          本专项已于上次抽取了 {formatCount(campaign.draw?.drawnCount ?? 0)} 户。重新抽取后，新结果成为检查依据，原结果保留在抽取记录中并标注为“已被替换”，原因将一并记录。
        </Typography.Paragraph>
      </ReasonModal>
    </Card>
  );
}
