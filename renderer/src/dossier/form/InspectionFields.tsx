// 日常检查 / 专项检查: who inspected where, the checklist answered item by item, what was found,
// and the result in the wording the 双随机 publication uses.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Col, Form, Input, Row, Typography } from 'antd';
import { inspectionResults, type RecordKind } from '../../../../shared/dossier';
import { ChoiceField, NamesField, ProseField, TextField } from './fields';

const answers = ['符合', '不符合', '不适用', '已整改'].map((value) => ({ value }));

function Checklist() {
  return (
    <Form.List name={['data', 'checklist']}>
      {(rows, { add, remove }) => (
        <div role="group" aria-label="检查事项">
          <Typography.Text strong>检查事项</Typography.Text>
          {rows.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
              可逐项记录检查清单，如：主体资格、进货查验、标签标识。
            </Typography.Paragraph>
          )}
          {rows.map((row, i) => (
            <Row key={row.key} gutter={8} align="top" style={{ marginTop: i === 0 ? 8 : 0 }}>
              <Col flex="1 1 40%">
                <Form.Item name={[row.name, 'item']} rules={[{ required: true, message: '请填写检查事项' }]} style={{ marginBottom: 8 }}>
                  <Input maxLength={200} placeholder="检查事项" aria-label={`第 ${i + 1} 项 检查事项`} />
                </Form.Item>
              </Col>
              <Col flex="0 0 140px">
                <Form.Item name={[row.name, 'answer']} rules={[{ required: true, message: '请填写结果' }]} style={{ marginBottom: 8 }}>
                  <AutoComplete options={answers} placeholder="结果" aria-label={`第 ${i + 1} 项 检查结果`} maxLength={200} />
                </Form.Item>
              </Col>
              <Col flex="1 1 35%">
                <Form.Item name={[row.name, 'note']} style={{ marginBottom: 8 }}>
                  <Input maxLength={500} placeholder="说明（可不填）" aria-label={`第 ${i + 1} 项 说明`} />
                </Form.Item>
              </Col>
              <Col flex="none">
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${i + 1} 项`} onClick={() => remove(row.name)} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ item: '', answer: '符合' })} style={{ marginTop: 4 }}>
            添加检查事项
          </Button>
        </div>
      )}
    </Form.List>
  );
}

export function InspectionFields({ kind }: { kind: RecordKind }) {
  return (
    <Row gutter={24}>
      {kind === 'specialInspection' && (
        <Col span={12}>
          <TextField kind={kind} name="campaign" placeholder="如：洞庭清波·含磷洗涤用品专项整治" />
        </Col>
      )}
      <Col span={12}>
        <NamesField kind={kind} name="inspectors" required />
      </Col>
      <Col span={12}>
        <TextField kind={kind} name="place" max={200} placeholder="如：生产车间、成品仓库" />
      </Col>
      <Col span={24} style={{ marginBottom: 24 }}>
        <Checklist />
      </Col>
      <Col span={24}>
        <ProseField kind={kind} name="findings" placeholder="未发现问题可不填" />
      </Col>
      <Col span={12}>
        <ChoiceField kind={kind} name="result" required options={inspectionResults} />
      </Col>
    </Row>
  );
}
