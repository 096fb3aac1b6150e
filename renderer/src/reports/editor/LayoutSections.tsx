// 标题行, 表尾, 代码表 as editable lists, and 行、字体、打印、输出 as plain settings.
import { Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { reportPlaceholders, type SourceField } from '../../../../shared/report-format';
import { EditableList } from '../../campaigns/templates/EditableList';

const cell = { marginBottom: 8 } as const;
const fonts = ['宋体', '仿宋', '黑体', '楷体', '方正小标宋简体', '仿宋_GB2312', '楷体_GB2312'].map((f) => ({ value: f, label: f }));
const alignOptions = [
  { value: 'left', label: '居左' },
  { value: 'center', label: '居中' },
  { value: 'right', label: '居右' },
];

/** The placeholders a title or footer text may use. */
export function PlaceholderHint() {
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
      可用占位符：
      {Object.entries(reportPlaceholders).map(([k, label]) => (
        <span key={k} style={{ marginRight: 12, whiteSpace: 'nowrap' }}>
          <Typography.Text code>{`{${k}}`}</Typography.Text>
          {label}
        </span>
      ))}
    </Typography.Paragraph>
  );
}

export function TitleSection({ readOnly }: { readOnly: boolean }) {
  return (
    <EditableList
      name="title"
      noun="标题行"
      readOnly={readOnly}
      empty="没有标题行。"
      create={() => ({ text: '', height: null, fontName: '宋体', fontSize: 12, bold: false, align: 'center' })}
      columns={[
        {
          title: '文字',
          width: 'minmax(240px, 1fr)',
          render: (f, i) => (
            <Form.Item name={[f.name, 'text']} rules={[{ required: true, whitespace: true, message: '请填写标题文字' }]} style={cell}>
              <Input aria-label={`第 ${i + 1} 个标题行的文字`} maxLength={200} placeholder="如：{campaign}进展情况统计表" />
            </Form.Item>
          ),
        },
        { title: '字体', width: '150px', render: (f, i) => <Form.Item name={[f.name, 'fontName']} style={cell}><Select aria-label={`第 ${i + 1} 个标题行的字体`} options={fonts} /></Form.Item> },
        { title: '字号', width: '80px', render: (f, i) => <Form.Item name={[f.name, 'fontSize']} style={cell}><InputNumber aria-label={`第 ${i + 1} 个标题行的字号`} min={6} max={48} style={{ width: '100%' }} /></Form.Item> },
        { title: '加粗', width: '56px', render: (f, i) => <Form.Item name={[f.name, 'bold']} valuePropName="checked" style={cell}><Checkbox aria-label={`第 ${i + 1} 个标题行加粗`} /></Form.Item> },
        { title: '对齐', width: '90px', render: (f, i) => <Form.Item name={[f.name, 'align']} style={cell}><Select aria-label={`第 ${i + 1} 个标题行的对齐`} options={alignOptions} /></Form.Item> },
      ]}
    />
  );
}

export function FooterSection({ readOnly }: { readOnly: boolean }) {
  return (
    <EditableList
      name="footer"
      noun="表尾行"
      readOnly={readOnly}
      empty="没有表尾。"
      create={() => ({ items: '填报单位：{office} | 填报人：{preparer} | 联系电话：{phone} | 填报日期：{today}' })}
      columns={[
        {
          title: '内容（各项用“|”分隔，在表格宽度内均匀排开）',
          width: '1fr',
          render: (f, i) => (
            <Form.Item name={[f.name, 'items']} rules={[{ required: true, whitespace: true, message: '请填写表尾内容' }]} style={cell}>
              <Input aria-label={`第 ${i + 1} 个表尾行`} maxLength={600} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

export function CodeTablesSection({ readOnly }: { readOnly: boolean }) {
  return (
    <EditableList
      name="codeTables"
      noun="代码表"
      readOnly={readOnly}
      empty="没有代码表。需要把代码写成文字时（如信用风险分类 A → 低风险）添加。"
      create={() => ({ name: '', entries: '' })}
      columns={[
        {
          title: '代码表名称',
          width: '180px',
          render: (f, i) => (
            <Form.Item name={[f.name, 'name']} rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_]*$/, message: '用字母开头的字母、数字组合，如 creditClass' }]} style={cell}>
              <Input aria-label={`第 ${i + 1} 个代码表的名称`} maxLength={40} placeholder="如：creditClass" />
            </Form.Item>
          ),
        },
        {
          title: '代码=文字（每行一个）',
          width: '1fr',
          render: (f, i) => (
            <Form.Item name={[f.name, 'entries']} style={cell}>
              <Input.TextArea aria-label={`第 ${i + 1} 个代码表的内容`} autoSize={{ minRows: 2, maxRows: 8 }} placeholder={'A=低风险\nB=一般风险'} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

export function SettingsSection({ fields }: { fields: SourceField[] }) {
  const form = Form.useFormInstance();
  const totalRow = Form.useWatch('totalRow', form) as boolean | undefined;
  return (
    <Row gutter={24}>
      <Col span={12}>
        <Form.Item label="合计行">
          <Form.Item name="totalRow" valuePropName="checked" noStyle>
            <Checkbox>加合计行</Checkbox>
          </Form.Item>
          <Form.Item name="totalLabel" noStyle>
            <Input aria-label="合计行文字" style={{ width: 100, marginRight: 8 }} disabled={!totalRow} maxLength={20} />
          </Form.Item>
          <Form.Item name="totalPosition" noStyle>
            <Radio.Group disabled={!totalRow} options={[{ value: 'bottom', label: '在表末' }, { value: 'top', label: '在表头下' }]} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="sortBy" label="排序">
          <Select allowClear aria-label="排序字段" placeholder="按数据来源的顺序" options={fields.map((f) => ({ value: f.key, label: f.label }))} />
        </Form.Item>
        <Form.Item name="skipEmpty" valuePropName="checked">
          <Checkbox>不列数字全为 0 的行</Checkbox>
        </Form.Item>
        <Form.Item name="checkTotals" valuePropName="checked">
          <Checkbox>导出前核对合计等于各行之和</Checkbox>
        </Form.Item>
        <Form.Item name="sheetName" label="工作表名称">
          <Input maxLength={31} placeholder="不填用报表名称" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item label="字体">
          <Form.Item name="headerFont" noStyle>
            <Select aria-label="表头字体" style={{ width: 150, marginRight: 8 }} options={fonts} />
          </Form.Item>
          <Form.Item name="bodyFont" noStyle>
            <Select aria-label="正文字体" style={{ width: 150, marginRight: 8 }} options={fonts} />
          </Form.Item>
          <Form.Item name="fontSize" noStyle>
            <InputNumber aria-label="正文字号" min={6} max={48} style={{ width: 80 }} />
          </Form.Item>
        </Form.Item>
        <Form.Item label="打印">
          <Form.Item name="paper" noStyle>
            <Radio.Group options={['A4', 'A3']} style={{ marginRight: 8 }} />
          </Form.Item>
          <Form.Item name="orientation" noStyle>
            <Radio.Group options={[{ value: 'landscape', label: '横向' }, { value: 'portrait', label: '纵向' }]} />
          </Form.Item>
          <div style={{ marginTop: 8 }}>
            <Form.Item name="repeatHeader" valuePropName="checked" noStyle>
              <Checkbox>每页重复表头</Checkbox>
            </Form.Item>
            <Form.Item name="fitToWidth" valuePropName="checked" noStyle>
              <Checkbox>缩放到一页宽</Checkbox>
            </Form.Item>
          </div>
        </Form.Item>
        <Form.Item label="默认文件">
          <Form.Item name="outputType" noStyle>
            <Radio.Group options={[{ value: 'xlsx', label: 'Excel' }, { value: 'csv', label: 'CSV' }]} style={{ marginRight: 8 }} />
          </Form.Item>
          <Form.Item name="csvEncoding" noStyle>
            <Select aria-label="CSV 编码" style={{ width: 180 }} options={[{ value: 'utf8bom', label: 'CSV 用 UTF-8（带 BOM）' }, { value: 'gbk', label: 'CSV 用 GBK' }]} />
          </Form.Item>
          <div style={{ marginTop: 8 }}>
            <Form.Item name="csvTitle" valuePropName="checked" noStyle>
              <Checkbox>CSV 也写标题和表尾</Checkbox>
            </Form.Item>
          </div>
        </Form.Item>
      </Col>
    </Row>
  );
}
