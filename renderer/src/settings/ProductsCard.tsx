// 重点工业产品目录: the key industrial products the office supervises; add, rename, stop using.
// Products are never deleted: enterprises may still name them.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ProductItem } from '../../../shared/reference';
import { ApiError, call } from '../api/client';

interface Editing {
  id: string | null;
  category: string;
  name: string;
}

export function ProductsCard() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const products = useQuery({ queryKey: ['reference.products'], queryFn: () => call('reference.products', {}) });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<Editing>();
  const items = products.data ?? [];
  const categories = [...new Set(items.map((p) => p.category))];

  const save = useMutation({
    meta: { quiet: true },
    mutationFn: (v: { id: string | null; category: string; name: string; archived: boolean }) => call('reference.saveProduct', v),
    onSuccess: (p, v) => {
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: ['reference.products'] });
      void message.success(v.id === null ? `已添加「${p.name}」` : p.archived ? `已停用「${p.name}」` : `「${p.name}」已保存`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.info.code === 'VALIDATION' && editing) {
        const problems = (err.info.details?.['problems'] ?? []) as { field: string; message: string }[];
        form.setFields(problems.filter((p) => p.field === 'name' || p.field === 'category').map((p) => ({ name: p.field as 'name' | 'category', errors: [p.message] })));
        if (problems.length) return;
      }
      void message.error(err instanceof Error ? err.message : String(err));
    },
  });

  const open = (e: Editing) => {
    setEditing(e);
    form.setFieldsValue(e);
  };
  const toggle = (p: ProductItem) => save.mutate({ id: p.id, category: p.category, name: p.name, archived: !p.archived });

  return (
    <Card
      title="重点工业产品目录"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => open({ id: null, category: categories[0] ?? '', name: '' })}>
          添加产品
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        全国重点工业产品质量安全监管目录（2023 年版）。企业的“重点工业产品”从这里选择。不再监管的产品请停用：已登记的企业仍保留它，新登记时不再列出。
      </Typography.Paragraph>
      <Table<ProductItem>
        rowKey="id"
        size="small"
        loading={products.isLoading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '目录中还没有产品。请点击右上角“添加产品”，按本局监管的产品逐项添加。' }}
        columns={[
          {
            title: '类别',
            dataIndex: 'category',
            width: 220,
            filters: categories.map((c) => ({ text: c, value: c })),
            onFilter: (v, p) => p.category === v,
          },
          { title: '产品名称', dataIndex: 'name' },
          { title: '来源', dataIndex: 'builtin', width: 100, render: (b: boolean) => (b ? '国家目录' : '本局添加') },
          { title: '状态', dataIndex: 'archived', width: 90, render: (a: boolean) => (a ? <Tag>已停用</Tag> : <Tag color="green">在用</Tag>) },
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_, p) => (
              <Space>
                <Button size="small" type="link" onClick={() => open({ id: p.id, category: p.category, name: p.name })}>
                  修改
                </Button>
                <Button size="small" type="link" danger={!p.archived} onClick={() => toggle(p)}>
                  {p.archived ? '启用' : '停用'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing?.id ? '修改产品' : '添加产品'}
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        destroyOnHidden
        onCancel={() => setEditing(null)}
        onOk={() =>
          void form.validateFields().then(
            (v) => save.mutate({ id: editing?.id ?? null, category: v.category.trim(), name: v.name.trim(), archived: false }),
            () => undefined,
          )
        }
      >
        <Form form={form} name="product" layout="vertical" preserve={false}>
          <Form.Item name="category" label="产品类别" rules={[{ required: true, message: '请填写或选择类别' }, { min: 2, message: '至少 2 个字' }]}>
            <AutoComplete options={categories.map((c) => ({ value: c }))} placeholder="如：电子及信息技术产品" maxLength={40} />
          </Form.Item>
          <Form.Item name="name" label="产品名称" rules={[{ required: true, message: '请填写产品名称' }]}>
            <Input maxLength={60} placeholder="如：电动自行车" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
