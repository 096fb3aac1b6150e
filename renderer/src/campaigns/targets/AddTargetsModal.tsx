// 添加企业: find enterprises in the registry by name or code and add the chosen ones by hand.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Campaign } from '../../../../shared/campaign';
import type { EnterpriseRow } from '../../../../shared/enterprise';
import { call } from '../../api/client';
import { formatCount } from '../../ui/format';
import { refreshTargets } from '../queries';
import { ReasonField, reasonOf } from './ReasonField';
import { focusFirstField } from '../../ui/focus';

const PICK_LIMIT = 50;

export function AddTargetsModal({ campaign, open, onClose }: { campaign: Campaign; open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Map<number, string>>(new Map());
  const drawn = campaign.draw !== null;

  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);

  const found = useQuery({
    queryKey: ['enterprises.search', 'campaign-pick', q],
    queryFn: () => call('enterprises.search', { filter: { q, archived: 'active' }, limit: PICK_LIMIT }),
    enabled: open,
    placeholderData: keepPreviousData,
  });

  const close = () => {
    setPicked(new Map());
    setTyped('');
    onClose();
  };

  const add = useMutation({
    mutationFn: (reason: string | null) => call('campaigns.addTargets', { campaignId: campaign.id, enterpriseIds: [...picked.keys()], reason }),
    onSuccess: (r) => {
      refreshTargets(queryClient, campaign.id);
      const already = picked.size - r.changed;
      void message.success(`已添加 ${r.changed} 户${already > 0 ? `，${already} 户原已在名单中` : ''}，现共 ${formatCount(r.total)} 户`);
      close();
    },
  });

  const rows = found.data?.rows ?? [];
  return (
    <Modal
      afterOpenChange={focusFirstField}
      open={open}
      title="添加企业到检查对象"
      width={860}
      okText={picked.size ? `添加 ${picked.size} 户` : '添加'}
      okButtonProps={{ disabled: picked.size === 0 }}
      cancelText="取消"
      confirmLoading={add.isPending}
      destroyOnHidden
      onCancel={close}
      onOk={() => void form.validateFields().then((v) => add.mutate(reasonOf(drawn, v.reason)), () => undefined)}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.Search
          placeholder="企业名称、统一社会信用代码、法定代表人或地址"
          aria-label="查找企业"
          allowClear
          autoFocus
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => setQ(v.trim())}
          loading={found.isFetching}
        />
        {picked.size > 0 && (
          <div aria-label="已选企业">
            <Typography.Text type="secondary">已选：</Typography.Text>
            {[...picked].map(([id, name]) => (
              <Tag
                key={id}
                closable
                onClose={() => {
                  const next = new Map(picked);
                  next.delete(id);
                  setPicked(next);
                }}
              >
                {name}
              </Tag>
            ))}
          </div>
        )}
        <Table<EnterpriseRow>
          rowKey="id"
          size="small"
          loading={found.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ y: 320 }}
          rowSelection={{
            selectedRowKeys: [...picked.keys()],
            preserveSelectedRowKeys: true,
            onSelect: (row, selected) => {
              const next = new Map(picked);
              if (selected) next.set(row.id, row.name);
              else next.delete(row.id);
              setPicked(next);
            },
            onSelectAll: (selected, _rows, changed) => {
              const next = new Map(picked);
              for (const r of changed) if (selected) next.set(r.id, r.name);
              else next.delete(r.id);
              setPicked(next);
            },
          }}
          onRow={(row) => ({
            onClick: () => {
              const next = new Map(picked);
              if (next.has(row.id)) next.delete(row.id);
              else next.set(row.id, row.name);
              setPicked(next);
            },
            style: { cursor: 'pointer' },
          })}
          locale={{ emptyText: q ? `没有找到与“${q}”匹配的在册企业` : '名录中还没有企业' }}
          columns={[
            { title: '企业名称', dataIndex: 'name', ellipsis: true },
            { title: '统一社会信用代码', dataIndex: 'uscc', width: 190, render: (v: string | null) => v ?? '—' },
            { title: '乡镇（街道）', dataIndex: 'townshipName', width: 120, render: (v: string | null) => v ?? '—' },
            { title: '登记状态', dataIndex: 'status', width: 90 },
          ]}
        />
        {found.data && found.data.total > rows.length && (
          <Typography.Text type="secondary">
            共找到 {formatCount(found.data.total)} 户，只列出前 {PICK_LIMIT} 户，请输入更完整的名称或信用代码。
          </Typography.Text>
        )}
        <Form form={form} layout="vertical" preserve={false}>
          <ReasonField drawn={drawn} />
        </Form>
        <Typography.Text type="secondary">手动添加的企业计入应检对象；已在名单中的不会重复添加。</Typography.Text>
      </Space>
    </Modal>
  );
}
