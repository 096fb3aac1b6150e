// 监督抽查: the plan, the product and batch, where and by whom it was tested, and the result. An
// unqualified result needs its items, and saving it opens the order to correct (SAMR Order 18).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { samplingResults } from '../../../../shared/dossier';
import { DateField, TextField } from './fields';

function UnqualifiedItems() {
  return (
    <Form.List
      name={['data', 'unqualifiedItems']}
      rules={[
        {
          validator: async (_, rows?: unknown[]) => {
            if (!rows?.length) throw new Error('检验结论为不合格，请至少填写一个不合格项目');
          },
        },
      ]}
    >
      {(rows, { add, remove }, { errors }) => (
        <div role="group" aria-label="不合格项目">
          <Typography.Text strong>
            <span style={{ color: '#ff4d4f', marginInlineEnd: 4 }}>*</span>不合格项目
          </Typography.Text>
          {rows.map((row, i) => (
            <Row key={row.key} gutter={8} style={{ marginTop: i === 0 ? 8 : 0 }}>
              <Col flex="1 1 34%">
                <Form.Item name={[row.name, 'item']} rules={[{ required: true, message: '请填写不合格项目' }]} style={{ marginBottom: 8 }}>
                  <Input maxLength={100} placeholder="项目，如：总五氧化二磷" aria-label={`第 ${i + 1} 项 不合格项目`} />
                </Form.Item>
              </Col>
              <Col flex="1 1 28%">
                <Form.Item name={[row.name, 'measured']} style={{ marginBottom: 8 }}>
                  <Input maxLength={100} placeholder="实测值，如：2.3%" aria-label={`第 ${i + 1} 项 实测值`} />
                </Form.Item>
              </Col>
              <Col flex="1 1 28%">
                <Form.Item name={[row.name, 'required']} style={{ marginBottom: 8 }}>
                  <Input maxLength={100} placeholder="标准要求，如：≤1.1%" aria-label={`第 ${i + 1} 项 标准要求`} />
                </Form.Item>
              </Col>
              <Col flex="none">
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${i + 1} 个不合格项目`} onClick={() => remove(row.name)} />
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ item: '' })} style={{ marginTop: 4 }}>
            添加不合格项目
          </Button>
        </div>
      )}
    </Form.List>
  );
}

export function SamplingFields({ opensFollowUp }: { opensFollowUp: boolean }) {
  const result = Form.useWatch<string | undefined>(['data', 'result']);
  const kind = 'sampling';
  return (
    <Row gutter={24}>
      <Col span={24}>
        <TextField kind={kind} name="plan" required max={200} placeholder="如：2026 年县级产品质量监督抽查（第二批）" autoFocus />
      </Col>
      <Col span={8}>
        <TextField kind={kind} name="product" required placeholder="如：洗衣粉" />
      </Col>
      <Col span={8}>
        <TextField kind={kind} name="brand" max={50} />
      </Col>
      <Col span={8}>
        <TextField kind={kind} name="model" placeholder="如：1.5kg/袋" />
      </Col>
      <Col span={8}>
        <TextField kind={kind} name="batch" placeholder="如：20260315 或批号" />
      </Col>
      <Col span={8}>
        <DateField kind={kind} name="sampledOn" required />
      </Col>
      <Col span={8}>
        <TextField kind={kind} name="place" max={200} placeholder="如：企业成品仓库" />
      </Col>
      <Col span={16}>
        <TextField kind={kind} name="standard" max={300} placeholder="如：GB/T 13171.1-2022" />
      </Col>
      <Col span={8}>
        <TextField kind={kind} name="lab" placeholder="承检机构名称" />
      </Col>
      <Col span={8}>
        <TextField kind={kind} name="reportNo" max={60} />
      </Col>
      <Col span={8}>
        <DateField kind={kind} name="resultReceivedOn" extra="异议期从这一天起算；未填时按抽样日期起算" />
      </Col>
      <Col span={8}>
        <Form.Item name={['data', 'result']} label="检验结论" rules={[{ required: true, message: '请选择检验结论' }]}>
          <Radio.Group options={samplingResults.map((r) => ({ value: r, label: r }))} optionType="button" buttonStyle="solid" />
        </Form.Item>
      </Col>
      {result === '不合格' && (
        <Col span={24}>
          {opensFollowUp && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="保存后将自动生成责令改正记录"
              description="按期限设置计算整改期限和复查期限（默认自收到检验结果之日起 60 日整改、75 日内复查），可在生成后修改。"
            />
          )}
          <UnqualifiedItems />
        </Col>
      )}
    </Row>
  );
}
