// 许可证照: any number of licences, each with its kind, number, scope and validity.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Form, Input, Row, Select } from 'antd';
import { licenceKinds } from '../../../../shared/enterprise';
import { label } from './formValues';

const kindOptions = licenceKinds.map((k) => ({ value: k, label: k === 'CCC' ? 'CCC 认证证书' : k }));

export function LicencesField() {
  return (
    <Form.List name="licences">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未登记证照。生产许可证、CCC 认证证书等请点击下方添加。" style={{ margin: '8px 0' }} />
          )}
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              type="inner"
              title={`证照 ${i + 1}`}
              style={{ marginBottom: 12 }}
              extra={
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`删除证照 ${i + 1}`}>
                  删除
                </Button>
              }
            >
              <Row gutter={16}>
                <Col span={6}>
                  <Form.Item name={[field.name, 'kind']} label={label('licences', 0, 'kind')} rules={[{ required: true, message: '请选择证照类别' }]}>
                    <Select options={kindOptions} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[field.name, 'number']} label={label('licences', 0, 'number')} rules={[{ required: true, message: '请填写证书编号' }]}>
                    <Input maxLength={60} placeholder="如 XK16-108-01234" />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[field.name, 'validFrom']} label={label('licences', 0, 'validFrom')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[field.name, 'validTo']} label={label('licences', 0, 'validTo')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name={[field.name, 'scope']} label={label('licences', 0, 'scope')} style={{ marginBottom: 0 }}>
                    <Input maxLength={500} placeholder="如：电线电缆（额定电压 450/750V 及以下聚氯乙烯绝缘电线电缆）" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: '生产许可证', number: '' })} block>
            添加证照
          </Button>
        </>
      )}
    </Form.List>
  );
}
