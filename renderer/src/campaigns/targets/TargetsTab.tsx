// 检查对象: the campaign's target list, page by page, with filters; chosen rows can be removed or
// given inspectors, enterprises can be added by hand, and the scope can be changed. After a draw
// every change asks why, and the changes are listed below. Each change is offered only to roles that may make it.
import { DeleteOutlined, FileAddOutlined, FilterOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { type Campaign, type TargetRow, type TargetStatus, targetStatuses } from '../../../../shared/campaign';
import { useCan } from '../../accounts/auth';
import { call } from '../../api/client';
import { useTownships } from '../../registry/queries';
import { formatCount } from '../../ui/format';
import { BulkIssueModal } from '../../notices/BulkIssueModal';
import { ReasonModal } from '../../ui/ReasonModal';
import { refreshTargets, useTargets, type TargetQuery } from '../queries';
import { AddTargetsModal } from './AddTargetsModal';
import { ApplyScopeModal } from './ApplyScopeModal';
import { AssignModal } from './AssignModal';
import { ChangesPanel } from './ChangesPanel';
import { targetColumns } from './targetColumns';

/** The most rows one change may name (the contract's limit). */
const MAX_CHOSEN = 5000;

/** 移出、分配执法人员或批量出具文书 — what the role may do with chosen rows. */
function chooseHint(remove: boolean, assign: boolean, bulkIssue: boolean): string {
  const can = [remove && '移出', assign && '分配执法人员', bulkIssue && '批量出具文书'].filter((x): x is string => !!x);
  return can.length > 1 ? `${can.slice(0, -1).join('、')}或${can[can.length - 1]}` : (can[0] ?? '');
}

export function TargetsTab({ campaign }: { campaign: Campaign }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const townships = useTownships();
  const drawn = campaign.draw !== null;
  const [typed, setTyped] = useState('');
  const [filter, setFilter] = useState<Omit<TargetQuery, 'offset' | 'limit'>>({ q: '', townshipCode: null, status: null, plannedOnly: true });
  const [page, setPage] = useState({ current: 1, size: 50 });
  // Chosen rows are kept across pages and filters, by enterprise id.
  const [chosen, setChosen] = useState<Map<number, TargetRow>>(new Map());
  const [dialog, setDialog] = useState<'remove' | 'assign' | 'add' | 'scope' | 'notices' | null>(null);
  const canAdd = useCan('campaigns.addTargets');
  const canScope = useCan('campaigns.applyScope');
  const canAssign = useCan('campaigns.assign');
  const canRemove = useCan('campaigns.removeTargets');
  const canBulkIssue = useCan('notices.bulkIssue');
  // Rows are chosen only to act on them.
  const canChoose = canAssign || canRemove || canBulkIssue;

  const query: TargetQuery = { ...filter, plannedOnly: drawn && filter.plannedOnly, offset: (page.current - 1) * page.size, limit: page.size };
  const targets = useTargets(campaign.id, query);
  const total = targets.data?.total ?? 0;
  const columns = useMemo(() => targetColumns(drawn), [drawn]);

  useEffect(() => {
    const t = setTimeout(() => {
      setFilter((f) => (f.q === typed.trim() ? f : { ...f, q: typed.trim() }));
      setPage((p) => ({ ...p, current: 1 }));
    }, 250);
    return () => clearTimeout(t);
  }, [typed]);

  const change = (c: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...c }));
    setPage((p) => ({ ...p, current: 1 }));
  };
  const clearChosen = () => setChosen(new Map());
  const choose = (rows: TargetRow[], on: boolean) =>
    setChosen((prev) => {
      const next = new Map(prev);
      for (const r of rows) if (on) next.set(r.enterpriseId, r);
      else next.delete(r.enterpriseId);
      return next;
    });

  // Every row of the current filter (up to the limit), fetched page by page.
  const chooseAll = useMutation({
    mutationFn: async () => {
      const all = new Map<number, TargetRow>();
      for (let offset = 0; offset < Math.min(total, MAX_CHOSEN); offset += 500) {
        const part = await call('campaigns.targets', { campaignId: campaign.id, ...query, offset, limit: 500 });
        for (const r of part.rows) all.set(r.enterpriseId, r);
      }
      return all;
    },
    onSuccess: (all) => setChosen(all),
  });

  const remove = useMutation({
    mutationFn: (reason: string) => call('campaigns.removeTargets', { campaignId: campaign.id, enterpriseIds: [...chosen.keys()], reason }),
    onSuccess: (r) => {
      refreshTargets(queryClient, campaign.id);
      setDialog(null);
      clearChosen();
      void message.success(`已移出 ${r.changed} 户，现共 ${formatCount(r.total)} 户`);
    },
  });

  const chosenRows = [...chosen.values()];
  const names = chosenRows.slice(0, 3).map((r) => `「${r.name}」`).join('');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {drawn && (
        <Alert
          type="info"
          showIcon
          title={`已完成双随机抽取：抽中 ${formatCount(campaign.draw?.drawnCount ?? 0)} 户。此后对名单的每次改动都须填写原因，并列在下方“抽取后的变更”中。`}
        />
      )}
      <Space wrap size={[8, 8]} style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap size={[8, 8]} role="group" aria-label="筛选检查对象">
          <Input.Search
            allowClear
            placeholder="企业名称或信用代码"
            aria-label="搜索检查对象"
            style={{ width: 240 }}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <Select
            allowClear
            aria-label="乡镇（街道）"
            placeholder="乡镇（街道）"
            style={{ width: 160 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={(townships.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
            value={filter.townshipCode ?? undefined}
            onChange={(v: string | undefined) => change({ townshipCode: v ?? null })}
          />
          <Select
            allowClear
            aria-label="检查状态"
            placeholder="检查状态"
            style={{ width: 140 }}
            options={targetStatuses.map((s) => ({ value: s, label: s }))}
            value={filter.status ?? undefined}
            onChange={(v: TargetStatus | undefined) => change({ status: v ?? null })}
          />
          {drawn && (
            <Checkbox checked={filter.plannedOnly} onChange={(e) => change({ plannedOnly: e.target.checked })}>
              只看抽中的
            </Checkbox>
          )}
        </Space>
        <Space wrap size={[8, 8]}>
          {canAdd && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog('add')}>
              添加企业
            </Button>
          )}
          {canScope && (
            <Button icon={<FilterOutlined />} onClick={() => setDialog('scope')}>
              按范围更新
            </Button>
          )}
        </Space>
      </Space>
      {canChoose && (
        <Space wrap size={[8, 8]} role="toolbar" aria-label="对选中的检查对象">
          <Typography.Text>{chosen.size ? `已选 ${formatCount(chosen.size)} 户` : `勾选企业后可${chooseHint(canRemove, canAssign, canBulkIssue)}`}</Typography.Text>
          {canAssign && (
            <Button icon={<TeamOutlined />} disabled={!chosen.size} onClick={() => setDialog('assign')}>
              分配执法人员
            </Button>
          )}
          {canRemove && (
            <Button icon={<DeleteOutlined />} danger disabled={!chosen.size} onClick={() => setDialog('remove')}>
              移出
            </Button>
          )}
          {canBulkIssue && (
            <Button icon={<FileAddOutlined />} data-testid="bulk-notices" onClick={() => setDialog('notices')}>
              批量出具文书
            </Button>
          )}
          {total > page.size && chosen.size < Math.min(total, MAX_CHOSEN) && (
            <Button type="link" loading={chooseAll.isPending} onClick={() => chooseAll.mutate()}>
              选择筛选结果的全部 {formatCount(Math.min(total, MAX_CHOSEN))} 户
            </Button>
          )}
          {chosen.size > 0 && (
            <Button type="link" onClick={clearChosen}>
              取消选择
            </Button>
          )}
        </Space>
      )}
      <Table<TargetRow>
        rowKey="enterpriseId"
        size="small"
        loading={targets.isFetching}
        dataSource={targets.data?.rows ?? []}
        columns={columns}
        scroll={{ x: 1140 }}
        onRow={(r) => ({ 'data-testid': `target-${r.enterpriseId}`, 'aria-label': r.name }) as HTMLAttributes<HTMLElement>}
        {...(canChoose && {
          rowSelection: {
            selectedRowKeys: [...chosen.keys()],
            preserveSelectedRowKeys: true,
            onSelect: (row: TargetRow, selected: boolean) => choose([row], selected),
            onSelectAll: (selected: boolean, _rows: TargetRow[], changed: TargetRow[]) => choose(changed, selected),
          },
        })}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => `共 ${formatCount(n)} 户`,
          onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
        }}
        locale={{
          emptyText: filter.q || filter.townshipCode || filter.status ? '没有符合筛选条件的检查对象' : '还没有检查对象。可点击“按范围更新”或“添加企业”。',
        }}
      />
      {drawn && <ChangesPanel campaignId={campaign.id} />}
      <ReasonModal
        open={dialog === 'remove'}
        title={`移出检查对象（${chosen.size} 户）`}
        okText="移出"
        danger
        loading={remove.isPending}
        placeholder={drawn ? '已完成双随机抽取，请写明移出原因，如：该户已注销' : '请写明移出原因，如：该户已注销、不属于检查范围'}
        onOk={(reason) => remove.mutate(reason)}
        onCancel={() => setDialog(null)}
      >
        <Typography.Paragraph>
          将{names}
          {chosen.size > 3 ? `等 ${chosen.size} 户` : ''}移出本专项的检查对象。已有检查结果的企业不能移出。移出后可通过“添加企业”重新加入。
        </Typography.Paragraph>
      </ReasonModal>
      <AssignModal
        campaign={campaign}
        targets={dialog === 'assign' ? chosenRows : null}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          clearChosen();
        }}
      />
      <AddTargetsModal campaign={campaign} open={dialog === 'add'} onClose={() => setDialog(null)} />
      <ApplyScopeModal campaign={campaign} open={dialog === 'scope'} onClose={() => setDialog(null)} />
      {dialog === 'notices' && <BulkIssueModal campaign={campaign} chosen={chosenRows} open onClose={() => setDialog(null)} />}
    </Space>
  );
}
