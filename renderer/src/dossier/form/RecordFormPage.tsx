// 新增记录 / 修改记录: choose the kind (new records), then the kind's own form, its attachments,
// and a save bar that stays in view. Ctrl+S saves from anywhere on the form.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, Result, Row, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { NOTICE_RECORD_REFUSED, recordKindLabels, type DossierRecord } from '../../../../shared/dossier';
import type { Enterprise } from '../../../../shared/enterprise';
import { call } from '../../api/client';
import { AttachmentsField } from './AttachmentsField';
import { KindChooser } from './KindChooser';
import { isManualKind, kindFields, type ManualKind } from './kinds';
import { useAttachments } from './useAttachments';
import { useSaveRecord } from './useSaveRecord';
import { newValues, occurredFrom, occurredLabels, toFormValues, type RecordFormValues } from './values';

function RecordForm({ enterprise, kind, record }: { enterprise: Enterprise; kind: ManualKind; record: DossierRecord | null }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<RecordFormValues>();
  const [others, setOthers] = useState<string[]>([]);
  const [initial] = useState(() => (record ? toFormValues(kind, record.occurredOn, record.data) : newValues(kind)));
  const attachments = useAttachments(record?.attachments ?? []);
  const save = useSaveRecord({ enterpriseId: enterprise.id, kind, record, form, onOtherProblems: setOthers });
  const blocked = attachments.uploading
    ? '有附件正在上传，请稍候再保存'
    : attachments.failed.length
      ? `有 ${attachments.failed.length} 个附件没有上传成功，请重试或移除后再保存`
      : null;

  const submit = (values: RecordFormValues) => {
    if (blocked) return setOthers([blocked]);
    setOthers([]);
    save.mutate({ values, attachments: attachments.attachments });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        form.submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);

  const label = recordKindLabels[kind];
  return (
    <Form<RecordFormValues>
      form={form}
      name="record"
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
      style={{ maxWidth: 1100, paddingBottom: 72 }}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Link to={`/dossier/${enterprise.id}`}>
          <ArrowLeftOutlined /> 返回「{enterprise.name}」的档案
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {record ? `修改${label}记录` : `新增${label}记录`}
          <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400, marginLeft: 12 }}>
            {enterprise.name}
          </Typography.Text>
        </Typography.Title>
        {enterprise.archived && <Alert type="warning" showIcon title="这家企业已归档：记录仍可保存，并标注为「归档后记录」。" />}
        {others.length > 0 && <Alert type="error" showIcon title="没有保存" description={others.map((p) => <div key={p}>{p}</div>)} />}
        <Card title={label}>
          {!occurredFrom[kind] && (
            <Row gutter={24}>
              <Col span={8}>
                <Form.Item name="occurredOn" label={occurredLabels[kind]} rules={[{ required: true, message: `请选择${occurredLabels[kind]}` }]}>
                  <DatePicker style={{ width: '100%' }} placeholder="年-月-日" />
                </Form.Item>
              </Col>
            </Row>
          )}
          {kindFields[kind]({ enterprise, record })}
        </Card>
        <Card title={`附件（${attachments.items.length}）`}>
          <AttachmentsField attachments={attachments} />
        </Card>
      </Space>
      <div
        style={{
          // Beside the navigation (176 px wide; the window is never narrow enough for it to fold).
          position: 'fixed', bottom: 0, left: 176, right: 0, padding: '12px 24px', background: '#fff',
          borderTop: '1px solid #eee', zIndex: 10, display: 'flex', gap: 8, alignItems: 'center',
        }}
      >
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
        <Button onClick={() => void navigate(-1)}>取消</Button>
        <Typography.Text type={blocked ? 'warning' : 'secondary'} style={{ marginLeft: 8 }}>
          {blocked ?? '带 * 的为必填项；Ctrl+S 保存'}
        </Typography.Text>
      </div>
    </Form>
  );
}

export function RecordFormPage() {
  const params = useParams();
  const enterpriseId = Number(params['enterpriseId']);
  const recordId = params['recordId'] ? Number(params['recordId']) : null;
  const [sp, setSp] = useSearchParams();
  const enterprise = useQuery({ queryKey: ['enterprises.get', enterpriseId], queryFn: () => call('enterprises.get', { id: enterpriseId }), meta: { quiet: true } });
  const record = useQuery({
    queryKey: ['dossier.record', recordId],
    queryFn: () => call('dossier.record', { id: recordId ?? 0 }),
    enabled: recordId !== null,
    staleTime: 0,
    meta: { quiet: true },
  });

  const failed = enterprise.error ?? record.error;
  if (failed) {
    return <Result status="404" title="找不到这条记录或这家企业" subTitle={failed.message} extra={<Link to="/dossier">返回一企一档</Link>} />;
  }
  const e = enterprise.data;
  if (!e || (recordId !== null && !record.data)) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  const r = record.data ?? null;
  if (r && r.enterpriseId !== e.id) return <Result status="404" title="这条记录不属于这家企业" extra={<Link to={`/dossier/${e.id}`}>返回档案</Link>} />;
  if (r?.kind === 'notice') {
    const noticeId = Number(r.data['noticeId']);
    return <Result status="info" title="文书记录不能在档案中修改" subTitle={NOTICE_RECORD_REFUSED} extra={<Link to={noticeId > 0 ? `/notices/${noticeId}` : '/notices'}>查看这份文书</Link>} />;
  }
  if (r?.voidedAt) return <Result status="warning" title="已作废的记录不能修改" extra={<Link to={`/dossier/${e.id}`}>返回档案</Link>} />;

  const chosen = r?.kind ?? sp.get('kind');
  if (!isManualKind(chosen)) {
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }}>
        <Link to={`/dossier/${e.id}`}>
          <ArrowLeftOutlined /> 返回「{e.name}」的档案
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          新增记录
          <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400, marginLeft: 12 }}>
            {e.name}
          </Typography.Text>
        </Typography.Title>
        <KindChooser onChoose={(kind) => setSp({ kind })} />
      </Space>
    );
  }
  // A newer copy of the record (after a CONFLICT) starts the form afresh.
  return <RecordForm key={r?.updatedAt ?? chosen} enterprise={e} kind={chosen} record={r} />;
}
