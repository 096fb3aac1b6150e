// The groups of the enterprise form: 基本信息, 联系与地址, 分类监管, 重点工业产品, 标签.
import { Button, Col, DatePicker, Form, Input, Radio, Row, Select, Space, TreeSelect, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  businessStatuses, creditClassLabels, creditClasses, entityTypes, supervisionClasses,
} from '../../../../shared/enterprise';
import { groupProducts, useIndustryTree, useProducts, useTags, useTownships } from '../queries';
import { label, NO_CREDIT_CLASS, type FormValues } from './formValues';

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

interface BasicProps {
  codeField: ReactNode;
  /** The masked ID number kept as stored, or null when the field is editable. */
  storedIdNumber?: string | null;
  onReplaceIdNumber?: () => void;
}

export function BasicSection({ codeField, storedIdNumber = null, onReplaceIdNumber }: BasicProps) {
  return (
    <Row gutter={24}>
      <Col span={12}>
        <Form.Item name="name" label={label('name')} rules={[{ required: true, message: '请填写企业名称' }]}>
          <Input maxLength={100} placeholder="与营业执照一致" autoFocus />
        </Form.Item>
      </Col>
      <Col span={12}>{codeField}</Col>
      <Col span={6}>
        <Form.Item name="entityType" label={label('entityType')}>
          <Select options={options(entityTypes)} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="status" label={label('status')}>
          <Select options={options(businessStatuses)} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="establishedOn" label={label('establishedOn')}>
          <DatePicker style={{ width: '100%' }} placeholder="选择日期" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="legalRep" label={label('legalRep')}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col span={12}>
        {storedIdNumber ? (
          <Form.Item label={label('idNumber')} extra="保存时保留原号码">
            <Space>
              <Typography.Text code>{storedIdNumber}</Typography.Text>
              <Button size="small" onClick={onReplaceIdNumber}>
                更换证件号码
              </Button>
            </Space>
          </Form.Item>
        ) : (
          <Form.Item name="idNumber" label={label('idNumber')}>
            <Input maxLength={30} placeholder="法定代表人（负责人）身份证号码" autoComplete="off" />
          </Form.Item>
        )}
      </Col>
      <Col span={12}>
        <Form.Item name="formerNames" label={label('formerNames')} extra="输入后按回车，可填多个">
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['、', '，', ',']} placeholder="企业改名前的名称" />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function ContactSection() {
  const townships = useTownships();
  return (
    <Row gutter={24}>
      <Col span={8}>
        <Form.Item name="phone" label={label('phone')}>
          <Input maxLength={40} placeholder="手机或固定电话，多个用、分隔" />
        </Form.Item>
      </Col>
      <Col span={16}>
        <Form.Item name="address" label={label('address')}>
          <Input maxLength={200} placeholder="如：湖南省岳阳市华容县治河渡镇沿河路128号" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="townshipCode" label={label('townshipCode')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={townships.isLoading}
            options={(townships.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
            placeholder={townships.data ? '选择乡镇（街道）' : '请先在「设置」中选择本单位所在县'}
          />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="grid" label={label('grid')}>
          <Input maxLength={50} placeholder="如：治河渡第8网格" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Classes are chosen when an enterprise is added; later changes go through the dossier, with a reason. */
export function SupervisionSection({ editing = false }: { editing?: boolean }) {
  const industries = useIndustryTree(false);
  return (
    <Row gutter={24}>
      <Col span={12}>
        <Form.Item name="industryCode" label={label('industryCode')} extra="国民经济行业分类（GB/T 4754-2017），可输入名称或代码查找">
          <TreeSelect
            allowClear
            showSearch={{ treeNodeFilterProp: 'search' }}
            treeData={industries.tree}
            loading={industries.loading}
            placeholder="如：电线、电缆制造 或 3831"
            popupMatchSelectWidth={460}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="supervisionClass"
          label={label('supervisionClass')}
          extra={editing ? '调整请到「一企一档」新增“监管类别调整”记录，写明原因' : '严管：涉及人身健康安全；专管：生产许可证、CCC 或强制性标准产品；其余为普通'}
        >
          <Radio.Group optionType="button" options={options(supervisionClasses)} disabled={editing} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item<FormValues> name="creditClass" label={label('creditClass')} extra={editing ? '调整请到「一企一档」新增“信用变更”记录，写明原因' : undefined}>
          <Select
            disabled={editing}
            options={[...creditClasses.map((c) => ({ value: c, label: creditClassLabels[c] })), { value: NO_CREDIT_CLASS, label: '未分类' }]}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="riskNotes" label={label('riskNotes')}>
          <Input.TextArea rows={2} maxLength={1000} showCount placeholder="检查时需要留意的情况，如：曾因电线电缆导体电阻不合格被处罚" />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function ProductsSection({ chosen }: { chosen: string[] }) {
  const products = useProducts();
  return (
    <Form.Item name="products" label={label('products')} extra="全国重点工业产品质量安全监管目录；目录可在「设置」中维护">
      <Select
        mode="multiple"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={products.isLoading}
        options={groupProducts(products.data ?? [], chosen)}
        placeholder="输入产品名称查找，如：电线电缆"
        notFoundContent={products.data?.length === 0 ? '产品目录为空，请先在「设置」中添加' : '没有匹配的产品'}
      />
    </Form.Item>
  );
}

export function TagsSection() {
  const tags = useTags();
  return (
    <Form.Item name="tags" label={label('tags')} extra="可选用已有标签，也可输入新标签后按回车">
      <Select mode="tags" allowClear tokenSeparators={['、', '，', ',']} options={(tags.data ?? []).map((t) => ({ value: t.tag, label: t.tag }))} placeholder="如：电动自行车、食品经营" />
    </Form.Item>
  );
}
