// A small editable table over a Form.List: a header row, one grid row of fields per entry with
// 上移/下移/删除, and an add button. Tab moves through the fields row by row.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Space, Tooltip, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import type { ReactNode } from 'react';

export interface ListColumn {
  title: ReactNode;
  /** A CSS grid track, e.g. '1fr' or '120px'. */
  width: string;
  render(field: FormListFieldData, index: number): ReactNode;
}

interface Props {
  /** The Form.List name. */
  name: string;
  /** What one entry is called, for buttons and labels: 参数, 数量, 统计项. */
  noun: string;
  columns: ListColumn[];
  readOnly: boolean;
  /** A new entry's values, given the keys already used. */
  create(): unknown;
  empty: string;
}

export function RowTools({ index, count, noun, onMove, onRemove }: {
  index: number;
  count: number;
  noun: string;
  onMove(from: number, to: number): void;
  onRemove(index: number): void;
}) {
  const n = index + 1;
  return (
    <Space size={0}>
      <Tooltip title="上移">
        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={`上移第 ${n} 个${noun}`} onClick={() => onMove(index, index - 1)} />
      </Tooltip>
      <Tooltip title="下移">
        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === count - 1} aria-label={`下移第 ${n} 个${noun}`} onClick={() => onMove(index, index + 1)} />
      </Tooltip>
      <Tooltip title="删除">
        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除第 ${n} 个${noun}`} onClick={() => onRemove(index)} />
      </Tooltip>
    </Space>
  );
}

/** The small grey key of an entry (item7, qty2); errors about the key appear under it. */
export function KeyText({ value }: { value?: string }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} title="代号：导出、统计时用来识别这一项，自动生成">
      {value}
    </Typography.Text>
  );
}

const rowStyle = { display: 'grid', gap: 8, alignItems: 'start', borderBottom: '1px solid #f0f0f0', paddingLeft: 4 } as const;

export function EditableList({ name, noun, columns, readOnly, create, empty }: Props) {
  const template = ['32px', ...columns.map((c) => c.width), ...(readOnly ? [] : ['96px'])].join(' ');
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }) => (
        <div role="table" aria-label={noun}>
          {fields.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ margin: '8px 0' }} />
          ) : (
            <div role="row" style={{ ...rowStyle, gridTemplateColumns: template, fontWeight: 600, background: '#fafafa', padding: '6px 0' }}>
              <div role="columnheader">#</div>
              {columns.map((c, i) => (
                <div role="columnheader" key={i}>
                  {c.title}
                </div>
              ))}
              {!readOnly && <div role="columnheader">操作</div>}
            </div>
          )}
          {fields.map((field, index) => (
            <div
              role="row"
              key={field.key}
              data-testid={`${name}-row-${index}`}
              aria-label={`第 ${index + 1} 个${noun}`}
              style={{ ...rowStyle, gridTemplateColumns: template, paddingTop: 8 }}
            >
              <div role="cell" style={{ paddingTop: 6, color: 'rgba(0,0,0,0.45)' }}>
                {index + 1}
              </div>
              {columns.map((c, i) => (
                <div role="cell" key={i}>
                  {c.render(field, index)}
                </div>
              ))}
              {!readOnly && (
                <div role="cell">
                  <RowTools index={index} count={fields.length} noun={noun} onMove={move} onRemove={remove} />
                </div>
              )}
            </div>
          ))}
          {!readOnly && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(create())} style={{ marginTop: 8 }}>
              添加{noun}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
