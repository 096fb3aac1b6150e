// ② 核对列: which column of the file fills which registry field, the header row, and the first rows.
import { Alert, Card, Col, Form, InputNumber, Row, Select, Table, Typography } from 'antd';
import { enterpriseImportFields, type ColumnMapping, type ImportFieldKey, type ImportPreview } from '../../../../shared/import';

/** A, B, …, Z, AA, AB… as Excel names columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The column names for a header row: the preview's when it is the recognised one, else that sample row's cells. */
export function headersFor(preview: ImportPreview, headerRow: number): string[] {
  const width = Math.max(preview.headers.length, ...preview.sample.map((r) => r.cells.length));
  const cells = headerRow === preview.headerRow ? preview.headers : preview.sample.find((r) => r.row === headerRow)?.cells;
  return Array.from({ length: width }, (_, i) => cells?.[i] ?? `第 ${i + 1} 列`);
}

interface Props {
  preview: ImportPreview;
  headerRow: number;
  mapping: ColumnMapping;
  onHeaderRow(row: number): void;
  onMapping(mapping: ColumnMapping): void;
}

export function MappingStep({ preview, headerRow, mapping, onHeaderRow, onMapping }: Props) {
  const headers = headersFor(preview, headerRow);
  const columnOptions = headers.map((h, i) => ({ value: i, label: `${columnLetter(i)} 列：${h}` }));
  const used = new Map<number, ImportFieldKey[]>();
  for (const f of enterpriseImportFields) {
    const col = mapping[f.key];
    if (col !== undefined) used.set(col, [...(used.get(col) ?? []), f.key]);
  }
  const sample = preview.sample.filter((r) => r.row > headerRow);
  const set = (key: ImportFieldKey, col: number | undefined) => {
    const next = { ...mapping };
    if (col === undefined) delete next[key];
    else next[key] = col;
    onMapping(next);
  };

  return (
    <>
      {preview.headerRow === null && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="没有认出表头行"
          description="请在下方的前几行中找到写着“企业名称”等列名的那一行，填写它的行号，再为每一项选择对应的列。"
        />
      )}
      <Card size="small" title="表头与列" style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Form.Item label="表头所在行" extra={`${preview.encoding ? `文本文件（${encodingLabel(preview.encoding)}）` : `工作表「${preview.sheetName}」`}。表头行之前的标题行会被跳过。`}>
            <InputNumber min={1} max={50} value={headerRow} onChange={(v) => v && onHeaderRow(v)} suffix="行" style={{ width: 140 }} aria-label="表头所在行" />
          </Form.Item>
          <Row gutter={[24, 0]}>
            {enterpriseImportFields.map((f) => {
              const col = mapping[f.key];
              const shared = col !== undefined && (used.get(col)?.length ?? 0) > 1;
              const required = 'required' in f && f.required;
              return (
                <Col span={8} key={f.key}>
                  <Form.Item
                    label={f.label}
                    required={required}
                    validateStatus={required && col === undefined ? 'error' : shared ? 'warning' : undefined}
                    help={required && col === undefined ? '请选择哪一列是企业名称' : shared ? '这一列同时对应了其他项' : undefined}
                  >
                    <Select
                      aria-label={f.label}
                      allowClear
                      placeholder="不导入"
                      options={columnOptions}
                      value={col}
                      onChange={(v: number | undefined) => set(f.key, v)}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                </Col>
              );
            })}
          </Row>
        </Form>
      </Card>
      <Card size="small" title={`前 ${sample.length} 行数据`}>
        <Table
          size="small"
          rowKey="row"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={sample}
          locale={{ emptyText: '预览中没有表头行之后的数据。请核对表头所在行。' }}
          columns={[
            { title: '行号', dataIndex: 'row', width: 64, fixed: 'left' },
            ...headers.map((h, i) => ({
              key: i,
              title: (
                <span>
                  <Typography.Text type="secondary">{columnLetter(i)}</Typography.Text> {h}
                </span>
              ),
              ellipsis: true,
              width: 150,
              render: (_: unknown, r: ImportPreview['sample'][number]) => r.cells[i] ?? '',
            })),
          ]}
        />
      </Card>
    </>
  );
}

/** The encoding of a text file in the words of a clerk's computer. */
function encodingLabel(encoding: string): string {
  if (/^gb/i.test(encoding)) return '国标编码 GBK';
  if (/^utf-?8/i.test(encoding)) return 'UTF-8 编码';
  if (/^utf-?16/i.test(encoding)) return 'Unicode（UTF-16）编码';
  return `${encoding} 编码`;
}
