// The campaign page's header: what the campaign is, under which document, for when, with which
// template and parameters; 修改 opens the basic fields and parameters.
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Campaign } from '../../../shared/campaign';
import { Can } from '../accounts/Can';
import { EMPTY, formatCount } from '../ui/format';
import { EditCampaignModal } from './EditCampaignModal';

/** 1.1 % — a parameter's value as set for this campaign (or the template's). */
export function parameterText(campaign: Campaign, key: string): string {
  const p = campaign.template.parameters.find((x) => x.key === key);
  const value = campaign.parameters[key] ?? p?.value;
  return value === undefined ? EMPTY : `${value}${p?.unit ? ` ${p.unit}` : ''}`;
}

export function CampaignHeader({ campaign }: { campaign: Campaign }) {
  const [editing, setEditing] = useState(false);
  const c = campaign;
  return (
    <Card data-testid="campaign-header">
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {c.name}
          <Tag color={c.status === '进行中' ? 'processing' : 'default'} style={{ marginLeft: 12, verticalAlign: 'middle' }}>
            {c.status}
          </Tag>
        </Typography.Title>
        <Can method="campaigns.update">
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            修改
          </Button>
        </Can>
      </Space>
      <Descriptions size="small" column={3} style={{ marginTop: 12 }}>
        <Descriptions.Item label="文件依据">{c.docRef ?? EMPTY}</Descriptions.Item>
        <Descriptions.Item label="时间">
          {c.startsOn} 至 {c.endsOn}
        </Descriptions.Item>
        <Descriptions.Item label="检查模板">
          {c.template.name}
          <Typography.Text type="secondary">（第 {c.templateVersion} 版）</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="检查对象">{formatCount(c.targetCount)} 户</Descriptions.Item>
        <Descriptions.Item label="双随机抽取">
          {c.draw ? `已抽取 ${formatCount(c.draw.drawnCount)} 户` : '未抽取（全部对象均需检查）'}
        </Descriptions.Item>
        {c.template.parameters.map((p) => (
          <Descriptions.Item key={p.key} label={p.label}>
            <span data-testid={`campaign-param-${p.key}`}>{parameterText(c, p.key)}</span>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {editing && <EditCampaignModal campaign={c} open={editing} onClose={() => setEditing(false)} />}
    </Card>
  );
}
