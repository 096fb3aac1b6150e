// 企业详情: the header with what matters at a glance (and the way to its 一企一档), then 基本信息 / 证照与产品 / 修改记录.
import { ArrowLeftOutlined, EditOutlined, FolderOpenOutlined, InboxOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Can } from '../../accounts/Can';
import { ApiError, call } from '../../api/client';
import { formatInstant } from '../../ui/format';
import { ReasonModal } from '../../ui/ReasonModal';
import { CreditTag, StatusText, SupervisionTag } from '../labels';
import { lastListPath } from '../list/params';
import { BasicInfo } from './BasicInfo';
import { HistoryTab } from './HistoryTab';
import { LicencesTab } from './LicencesTab';
import { SavedDuplicates } from './SavedDuplicates';

type Asking = 'archive' | 'restore' | null;

export function EnterprisePage() {
  const id = Number(useParams()['id']);
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') ?? 'basic';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Asking>(null);
  const enterprise = useQuery({
    queryKey: ['enterprises.get', id],
    queryFn: () => call('enterprises.get', { id }),
    enabled: Number.isInteger(id) && id > 0,
    // A missing enterprise is shown on the page, not as a notification.
    meta: { quiet: true },
  });

  const archive = useMutation({
    mutationFn: (v: { reason: string; restore: boolean }) => call(v.restore ? 'enterprises.restore' : 'enterprises.archive', { id, reason: v.reason }),
    onSuccess: (e, v) => {
      setAsking(null);
      queryClient.setQueryData(['enterprises.get', id], e);
      void queryClient.invalidateQueries({ queryKey: ['enterprises.search'] });
      void queryClient.invalidateQueries({ queryKey: ['enterprises.history', id] });
      void message.success(v.restore ? `「${e.name}」已恢复到名录` : `「${e.name}」已归档，不再出现在在册名录中`);
    },
  });

  if (enterprise.isLoading) return <Spin style={{ marginTop: 64, display: 'block' }} />;
  const e = enterprise.data;
  if (!e) {
    const notFound = enterprise.error instanceof ApiError && enterprise.error.info.code === 'NOT_FOUND';
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '找不到这家企业' : '读取企业失败'}
        subTitle={enterprise.error instanceof Error ? enterprise.error.message : '编号无效'}
        extra={<Button onClick={() => void navigate('/registry')}>返回企业名录</Button>}
      />
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {/* Back to the list as it was left (filters, search, scroll position). */}
      <Link to={lastListPath()}>
        <ArrowLeftOutlined /> 返回企业名录
      </Link>
      <SavedDuplicates id={e.id} />
      {e.archived && (
        <Alert
          type="warning"
          showIcon
          title={
            e.mergedInto ? (
              <span>
                已并入 <Link to={`/registry/${e.mergedInto.id}`}>{e.mergedInto.name}</Link>
                {e.archivedAt ? `（${formatInstant(e.archivedAt)}）` : ''}
              </span>
            ) : (
              `已归档${e.archivedAt ? `（${formatInstant(e.archivedAt)}）` : ''}`
            )
          }
          description={e.archiveReason ? `原因：${e.archiveReason}` : undefined}
        />
      )}
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {e.name}
            </Typography.Title>
            <Space size={[8, 8]} wrap style={{ marginTop: 8 }}>
              <Typography.Text copyable={e.uscc ? { text: e.uscc, tooltips: ['复制代码', '已复制'] } : false} style={{ fontFamily: 'ui-monospace, Consolas, monospace' }}>
                {e.uscc ?? '无信用代码'}
              </Typography.Text>
              <StatusText value={e.status} />
              <span>
                监管类别 <SupervisionTag value={e.supervisionClass} />
              </span>
              <span>
                信用风险 <CreditTag value={e.creditClass} long />
              </span>
              {e.tags.map((t) => (
                <Tag key={t} color="processing">
                  {t}
                </Tag>
              ))}
            </Space>
          </div>
          <Space>
            <Button icon={<FolderOpenOutlined />} onClick={() => void navigate(`/dossier/${e.id}`)}>
              一企一档
            </Button>
            {!e.archived && (
              <Can method="enterprises.update">
                <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/registry/${e.id}/edit`, { state: { fromDetail: true } })}>
                  编辑
                </Button>
              </Can>
            )}
            {!e.archived && (
              <Can method="enterprises.archive">
                <Button icon={<InboxOutlined />} onClick={() => setAsking('archive')}>
                  归档
                </Button>
              </Can>
            )}
            {e.archived && !e.mergedInto && (
              <Can method="enterprises.restore">
                <Button icon={<UndoOutlined />} onClick={() => setAsking('restore')}>
                  恢复
                </Button>
              </Can>
            )}
          </Space>
        </Space>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setSp(k === 'basic' ? {} : { tab: k }, { replace: true })}
          items={[
            { key: 'basic', label: '基本信息', children: <BasicInfo e={e} /> },
            { key: 'licences', label: `证照与产品（${e.licences.length + e.products.length}）`, children: <LicencesTab e={e} /> },
            { key: 'history', label: '修改记录', children: <HistoryTab id={e.id} /> },
          ]}
        />
      </Card>
      <ReasonModal
        open={asking !== null}
        title={asking === 'restore' ? `恢复「${e.name}」` : `归档「${e.name}」`}
        okText={asking === 'restore' ? '恢复' : '归档'}
        danger={asking === 'archive'}
        loading={archive.isPending}
        placeholder={asking === 'restore' ? '如：误归档；企业恢复经营' : '如：已注销；经核查已不在本辖区经营'}
        onCancel={() => setAsking(null)}
        onOk={(reason) => archive.mutate({ reason, restore: asking === 'restore' })}
      >
        <Typography.Paragraph>
          {asking === 'restore'
            ? '恢复后企业重新出现在在册名录中。'
            : '归档的企业不再出现在在册名录和抽查中，但不会删除：它的档案和修改记录都保留，可以随时恢复。'}
        </Typography.Paragraph>
      </ReasonModal>
    </Space>
  );
}
