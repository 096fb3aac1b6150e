// The enterprise at the top of its file: name, code, status and classes, and at a glance how many
// orders to correct are open and how many deadlines are overdue.
import { BankOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Dossier } from '../../../shared/dossier';
import type { Enterprise } from '../../../shared/enterprise';
import { CreditTag, StatusText, SupervisionTag } from '../registry/labels';
import { Can } from '../accounts/Can';
import { IssueNoticeMenu } from '../notices/IssueNoticeMenu';
import { ExportDossierModal } from './ExportDossierModal';

export function DossierHeader({ e, summary }: { e: Enterprise; summary: Dossier['summary'] | undefined }) {
  const navigate = useNavigate();
  const [exporting, setExporting] = useState(false);
  return (
    <Card>
      <ExportDossierModal enterpriseId={e.id} name={e.name} open={exporting} onClose={() => setExporting(false)} />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 24, flexWrap: 'wrap' }}>
        <div style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Space size={8} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {e.name}
            </Typography.Title>
            {e.archived && <Tag color="warning">已归档</Tag>}
          </Space>
          <Space size={[16, 8]} wrap style={{ marginTop: 8 }}>
            <Typography.Text style={{ fontFamily: 'ui-monospace, Consolas, monospace' }}>{e.uscc ?? '无信用代码'}</Typography.Text>
            <span>
              登记状态 <StatusText value={e.status} />
            </span>
            <span>
              监管类别 <SupervisionTag value={e.supervisionClass} />
            </span>
            <span>
              信用风险 <CreditTag value={e.creditClass} long />
            </span>
            {e.townshipName && <Typography.Text type="secondary">{e.townshipName}</Typography.Text>}
          </Space>
          {e.address && (
            <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
              {e.address}
              {e.legalRep && ` · 法定代表人 ${e.legalRep}`}
              {e.phone && ` · ${e.phone}`}
            </Typography.Paragraph>
          )}
        </div>
        <Space size={32} align="start">
          <Statistic title="未完成整改" value={summary?.openRectifications ?? '—'} styles={{ content: { fontSize: 22 } }} />
          <Statistic
            title="已逾期"
            value={summary?.overdue ?? '—'}
            styles={{ content: { fontSize: 22, color: summary?.overdue ? '#cf1322' : undefined } }}
          />
          <Space orientation="vertical" size={8}>
            <Can method="dossier.create">
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(`/dossier/${e.id}/new`)}>
                新增记录
              </Button>
            </Can>
            <IssueNoticeMenu enterpriseId={e.id} />
            <Button icon={<BankOutlined />} onClick={() => void navigate(`/registry/${e.id}`)}>
              企业信息
            </Button>
            <Button icon={<ExportOutlined />} onClick={() => setExporting(true)}>
              导出档案
            </Button>
          </Space>
        </Space>
      </div>
    </Card>
  );
}
