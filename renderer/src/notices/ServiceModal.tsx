// 登记送达: how, when, to whom and by whom an issued notice was served. A notice served again
// (a first attempt failed, 留置 after 直接) is recorded over the earlier entry.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { serviceMethods, type Notice, type NoticeService } from '../../../shared/notice';
import { todayInChina } from '../../../shared/dates';
import { call } from '../api/client';
import { problemsOf } from '../campaigns/queries';
import { reportError } from '../ui/notify';
import { refreshNotices } from './queries';

interface Values {
  method?: NoticeService['method'];
  servedOn?: Dayjs | null;
  recipient?: string;
  server?: string;
  note?: string;
}

const initialOf = (n: Notice): Values =>
  n.service
    ? { ...n.service, servedOn: dayjs(n.service.servedOn), note: n.service.note ?? '' }
    : { method: '直接送达', servedOn: dayjs(todayInChina()), recipient: n.enterpriseName };

export function ServiceModal({ notice, onClose }: { notice: Notice | null; onClose(): void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    meta: { quiet: true },
    mutationFn: (v: Values) =>
      call('notices.recordService', {
        id: notice?.id ?? 0,
        service: {
          method: v.method ?? '直接送达',
          servedOn: v.servedOn ? v.servedOn.format('YYYY-MM-DD') : '',
          recipient: v.recipient ?? '',
          server: v.server ?? '',
          note: v.note ?? '',
        },
      }),
    onSuccess: (n) => {
      refreshNotices(queryClient, n.enterpriseId);
      void message.success(`已登记 ${n.number} 的送达`);
      onClose();
    },
    onError: (err) => {
      // A problem with a field of the service goes under that field; anything else is told as a notification.
      const problems = problemsOf(err).filter((p) => p.field.startsWith('service.'));
      if (!problems.length) return reportError(err);
      form.setFields(
        problems.map((p) => ({
          name: p.field.slice('service.'.length) as keyof Values,
          errors: [p.label && p.message.startsWith(`${p.label}：`) ? p.message.slice(p.label.length + 1) : p.message],
        })),
      );
    },
  });
  return (
    <Modal
      open={notice !== null}
      title={`登记送达：${notice?.number ?? ''}`}
      okText="登记"
      cancelText="取消"
      confirmLoading={save.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v), () => undefined)}
    >
      {notice && (
        <Form form={form} layout="vertical" name="service" initialValues={initialOf(notice)} preserve={false} data-testid="service-form">
          <Typography.Paragraph type="secondary">
            {notice.title} · {notice.enterpriseName}
            {notice.service && '。已登记过送达，保存后以本次登记为准。'}
          </Typography.Paragraph>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="method" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]}>
                <Select options={serviceMethods.map((m) => ({ value: m, label: m }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="servedOn" label="送达日期" rules={[{ required: true, message: '请选择送达日期' }]}>
                <DatePicker style={{ width: '100%' }} placeholder="年-月-日" disabledDate={(d) => d.format('YYYY-MM-DD') > todayInChina()} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="recipient" label="受送达人" rules={[{ required: true, whitespace: true, message: '请填写受送达人' }]}>
                <Input maxLength={100} placeholder="签收人姓名或单位" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="server" label="送达人" rules={[{ required: true, whitespace: true, message: '请填写送达人' }]}>
                <Input maxLength={60} placeholder="如：张三、李四" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="note" label="备注">
                <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：当事人拒收，已留置送达并拍照" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </Modal>
  );
}
