// 疑似重复: pairs of enterprises that look like one registered twice; merge them, or say they differ.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DuplicatePair } from '../../../../shared/enterprise';
import { useCan } from '../../accounts/auth';
import { call } from '../../api/client';
import { EMPTY } from '../../ui/format';
import { ReasonModal } from '../../ui/ReasonModal';
import { lastListPath } from '../list/params';

type Side = DuplicatePair['a'];
type Action = { kind: 'merge' | 'dismiss'; pair: DuplicatePair } | null;

function SideCell({ e }: { e: Side }) {
  return (
    <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
      <Link to={`/registry/${e.id}`} style={{ fontWeight: 500 }}>
        {e.name}
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.uscc ?? '无信用代码'} · {e.phone ?? '无电话'}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.address ?? EMPTY}
      </Typography.Text>
    </Space>
  );
}

const PAGE_SIZE = 20;

export function DuplicatesPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<Action>(null);
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const canMerge = useCan('enterprises.merge');
  const canDismiss = useCan('enterprises.dismissDuplicate');
  const list = useQuery({
    queryKey: ['enterprises.duplicates', page],
    queryFn: () => call('enterprises.duplicates', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const done = (text: string) => {
    setAction(null);
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: ['enterprises.duplicates'] });
    void queryClient.invalidateQueries({ queryKey: ['enterprises.search'] });
  };
  const merge = useMutation({
    mutationFn: (v: { keep: Side; merge: Side; reason: string }) => call('enterprises.merge', { keepId: v.keep.id, mergeId: v.merge.id, reason: v.reason }),
    onSuccess: (_r, v) => done(`已将「${v.merge.name}」并入「${v.keep.name}」`),
  });
  const dismiss = useMutation({
    mutationFn: (v: { pair: DuplicatePair; reason: string }) => call('enterprises.dismissDuplicate', { aId: v.pair.a.id, bId: v.pair.b.id, reason: v.reason }),
    onSuccess: () => done('已标记为不是重复，这一对不再列出'),
  });

  const pair = action?.pair;
  const [kept, merged] = pair ? (keep === 'a' ? [pair.a, pair.b] : [pair.b, pair.a]) : [null, null];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to={lastListPath()}>
        <ArrowLeftOutlined /> 返回企业名录
      </Link>
      <Card
        title={
          <Space>
            疑似重复
            {list.data && <Typography.Text type="secondary">共 {list.data.total} 对</Typography.Text>}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          联系电话相同，或名称主体相同且地址相近的在册企业。同一家企业登记了两次的，请合并：保留一家，另一家的记录转到保留的企业，并归档注明“已并入”。确实是两家的，请标记“不是重复”。
        </Typography.Paragraph>
        <Table<DuplicatePair>
          rowKey={(p) => `${p.a.id}-${p.b.id}`}
          loading={list.isFetching}
          dataSource={list.data?.pairs ?? []}
          locale={{ emptyText: <Empty description="没有疑似重复的企业。新增或导入企业后，相似的企业会列在这里。" /> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 对` }}
          columns={[
            { title: '企业甲', key: 'a', render: (_, p) => <SideCell e={p.a} /> },
            { title: '企业乙', key: 'b', render: (_, p) => <SideCell e={p.b} /> },
            {
              title: '相似之处',
              key: 'reasons',
              width: 180,
              render: (_, p) => p.reasons.map((r) => <Tag key={r} color="orange">{r}</Tag>),
            },
            ...(canMerge || canDismiss
              ? [
                  {
                    title: '处理',
                    key: 'actions',
                    width: 190,
                    render: (_: unknown, p: DuplicatePair) => (
                      <Space>
                        {canMerge && (
                          <Button size="small" type="primary" onClick={() => { setKeep('a'); setAction({ kind: 'merge', pair: p }); }}>
                            合并
                          </Button>
                        )}
                        {canDismiss && (
                          <Button size="small" onClick={() => setAction({ kind: 'dismiss', pair: p })}>
                            不是重复
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ReasonModal
        open={action?.kind === 'merge'}
        title="合并重复的企业"
        okText="合并"
        danger
        loading={merge.isPending}
        placeholder="如：同一家企业，营业执照核对一致，重复录入"
        onCancel={() => setAction(null)}
        onOk={(reason) => kept && merged && merge.mutate({ keep: kept, merge: merged, reason })}
      >
        {pair && (
          <>
            <Typography.Paragraph>保留哪一家？</Typography.Paragraph>
            <Radio.Group value={keep} onChange={(e) => setKeep(e.target.value as 'a' | 'b')} style={{ display: 'grid', gap: 8, marginBottom: 12 }}>
              {(['a', 'b'] as const).map((k) => (
                <Radio key={k} value={k}>
                  保留「{pair[k].name}」<Typography.Text type="secondary">（{pair[k].uscc ?? '无信用代码'}）</Typography.Text>
                </Radio>
              ))}
            </Radio.Group>
            <Typography.Paragraph type="warning">
              「{merged?.name}」的检查、证照等记录将转到「{kept?.name}」，它本身归档并注明“已并入”。合并记入修改记录。
            </Typography.Paragraph>
          </>
        )}
      </ReasonModal>
      <ReasonModal
        open={action?.kind === 'dismiss'}
        title="标记为不是重复"
        okText="确定"
        loading={dismiss.isPending}
        placeholder="如：两家是不同门店，各有营业执照"
        onCancel={() => setAction(null)}
        onOk={(reason) => pair && dismiss.mutate({ pair, reason })}
      >
        {pair && (
          <Typography.Paragraph>
            「{pair.a.name}」和「{pair.b.name}」是两家不同的企业，今后不再列为疑似重复。
          </Typography.Paragraph>
        )}
      </ReasonModal>
    </Space>
  );
}
