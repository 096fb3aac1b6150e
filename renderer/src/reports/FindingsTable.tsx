// What the checks found before export: 级别, 行 (the row number in the written sheet), 列, 说明.
import { Table, Tag } from 'antd';
import type { Finding } from '../../../shared/report';
import { EMPTY } from '../ui/format';

const levelTag = (level: Finding['level']) => (level === 'error' ? <Tag color="red">错误</Tag> : <Tag color="orange">提醒</Tag>);

export function FindingsTable({ findings, testId = 'report-findings', pageSize = 10 }: { findings: Finding[]; testId?: string; pageSize?: number }) {
  return (
    <Table<Finding & { key: number }>
      data-testid={testId}
      size="small"
      bordered
      rowKey="key"
      dataSource={findings.map((f, key) => ({ ...f, key }))}
      pagination={findings.length > pageSize ? { pageSize, size: 'small', showSizeChanger: false } : false}
      columns={[
        { title: '级别', dataIndex: 'level', width: 70, render: levelTag },
        { title: '行', dataIndex: 'row', width: 84, align: 'right', render: (r: number | null) => (r === null ? EMPTY : `第 ${r} 行`) },
        { title: '列', dataIndex: 'column', width: 160, render: (c: string | null) => c ?? EMPTY },
        { title: '说明', dataIndex: 'message' },
      ]}
    />
  );
}
