// 企业名录: the registry, page by page.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { EnterpriseSummary } from '../../../shared/enterprise';
import { call } from '../api/client';

const classColors: Record<string, string> = { 严管: 'red', 专管: 'orange', 普通: 'default' };

export function RegistryPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const list = useQuery({
    queryKey: ['enterprises.list', page, pageSize],
    queryFn: () => call('enterprises.list', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card>
      <Typography.Title level={3}>企业名录</Typography.Title>
      <Typography.Paragraph type="secondary">检索、导入导出和编辑功能将在后续版本开放；目前可以浏览名录。</Typography.Paragraph>
      <Table<EnterpriseSummary>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 户`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: '名称', dataIndex: 'name', ellipsis: true, width: 300 },
          { title: '统一社会信用代码', dataIndex: 'uscc', width: 190, render: (v: string | null) => v ?? <Typography.Text type="secondary">无</Typography.Text> },
          { title: '类型', dataIndex: 'entityType', width: 110 },
          { title: '法定代表人', dataIndex: 'legalRep', width: 100 },
          { title: '乡镇（街道）', dataIndex: 'townshipName', width: 120 },
          { title: '状态', dataIndex: 'status', width: 70 },
          { title: '分类监管', dataIndex: 'supervisionClass', width: 90, render: (v: string) => <Tag color={classColors[v]}>{v}</Tag> },
          { title: '信用', dataIndex: 'creditClass', width: 60 },
        ]}
      />
    </Card>
  );
}
