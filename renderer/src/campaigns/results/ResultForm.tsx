// 录入检查结果 for one target, laid out like the paper sheet: date, inspectors and place; the
// checklist; the quantities; what was found, the result and an optional 责令整改; other files.
// Ctrl+Enter saves; Enter alone never does (a clerk typing fast would save half a sheet).
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { Campaign, Inspector, TargetRow } from '../../../../shared/campaign';
import type { CampaignResult } from '../../../../shared/campaign-results';
import type { Attachment } from '../../../../shared/dossier';
import { AttachmentsField } from '../../dossier/form/AttachmentsField';
import { useAttachments } from '../../dossier/form/useAttachments';
import { ChecklistFields } from './ChecklistFields';
import { ConclusionFields } from './ConclusionFields';
import type { Editing, ResultFormValues } from './formValues';
import { QuantitiesGrid } from './QuantitiesGrid';
import { useSaveResult } from './useSaveResult';

interface Props {
  campaign: Campaign;
  target: TargetRow;
  initial: ResultFormValues;
  inspectors: Inspector[];
  /** Correcting an earlier result: its id and read time, and its files not tied to an item. */
  editing?: Editing & { others: Attachment[] };
  onCancel?(): void;
  onSaved(result: CampaignResult, warnings: string[], values: ResultFormValues): void;
}

export function ResultForm({ campaign, target, initial, inspectors, editing, onCancel, onSaved }: Props) {
  const [form] = Form.useForm<ResultFormValues>();
  const [others, setOthers] = useState<string[]>([]);
  const [photosBusy, setPhotosBusy] = useState<Record<string, number>>({});
  const onBusy = useCallback((key: string, n: number) => setPhotosBusy((b) => (b[key] === n ? b : { ...b, [key]: n })), []);
  const files = useAttachments(editing?.others ?? []);
  const save = useSaveResult({
    campaign,
    enterpriseId: target.enterpriseId,
    form,
    editing: editing ?? null,
    onSaved: (r, w) => onSaved(r, w, form.getFieldsValue(true)),
    onFailed: setOthers,
  });

  const uploading = files.uploading || Object.values(photosBusy).some((n) => n > 0);
  const blocked = uploading
    ? '有照片或附件正在上传，请稍候再保存'
    : files.failed.length
      ? `有 ${files.failed.length} 个附件没有上传成功，请重试或移除后再保存`
      : null;

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        form.submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);

  const noEnterSubmit = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && e.target instanceof HTMLInputElement) e.preventDefault();
  };

  const submit = (values: ResultFormValues) => {
    if (blocked) return setOthers([blocked]);
    setOthers([]);
    save.mutate({ values, attachments: files.attachments });
  };

  const options = inspectors.map((i) => ({ value: i.id, label: `${i.name}（${i.certNo}）`, search: `${i.name} ${i.certNo} ${i.townshipName ?? ''}` }));
  return (
    <Form<ResultFormValues>
      form={form}
      name="campaign-result"
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      onKeyDown={noEnterSubmit}
      onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
      style={{ paddingBottom: 72 }}
      data-testid="result-form"
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {others.length > 0 && <Alert type="error" showIcon title="没有保存" description={others.map((p) => <div key={p}>{p}</div>)} data-testid="result-errors" />}
        <Card title="基本情况" size="small">
          <Row gutter={24}>
            <Col span={6}>
              <Form.Item name="inspectedOn" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}>
                <DatePicker style={{ width: '100%' }} placeholder="年-月-日" allowClear={false} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item
                name="inspectorIds"
                label="执法人员"
                rules={[{ required: true, type: 'array', min: 2, message: '至少需要两名执法人员' }]}
                extra={target.inspectors.length ? '已按抽取或分配结果填入，可修改' : '请选择至少两名执法人员'}
              >
                <Select mode="multiple" options={options} showSearch={{ optionFilterProp: 'search' }} placeholder="输入姓名或证号查找" maxCount={6} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="place" label="检查地点">
                <Input maxLength={200} placeholder="如：经营场所、仓库" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="检查事项" size="small">
          <ChecklistFields campaign={campaign} onBusy={onBusy} />
        </Card>
        {campaign.template.quantities.length > 0 && (
          <Card title="数量" size="small">
            <QuantitiesGrid quantities={campaign.template.quantities} />
          </Card>
        )}
        <Card title="检查结论" size="small">
          <ConclusionFields campaign={campaign} />
        </Card>
        <Card title={`其他附件（${files.items.length}）`} size="small">
          <AttachmentsField attachments={files} />
        </Card>
      </Space>
      <div className="qb-save-bar">
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="result-save">
          {editing ? '保存修改' : '保存检查结果'}
        </Button>
        {onCancel && (
          <Button style={{ marginLeft: 8 }} onClick={onCancel}>
            放弃修改
          </Button>
        )}
        <Typography.Text type={blocked ? 'warning' : 'secondary'} style={{ marginLeft: 8 }}>
          {blocked ?? `${editing ? '正在修改' : '正在录入'}：${target.name}　·　带 * 的为必填项；Ctrl+Enter 保存`}
        </Typography.Text>
      </div>
    </Form>
  );
}
