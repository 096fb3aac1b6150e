// 期限设置: how many days each deadline runs and whether they are calendar or working days
// (working days follow the official holiday calendar with its make-up workdays). Defaults follow
// SAMR Order 18; an office whose province counts differently changes them here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { DeadlineRules } from '../../../shared/dossier';
import { fieldLabel } from '../../../shared/validation';
import { ApiError, call } from '../api/client';

type Rules = DeadlineRules;
const ruleKeys = ['objection', 'correct', 'recheck', 'complaintReply'] as const;

export function DeadlineRulesCard() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Rules>();
  const rules = useQuery({ queryKey: ['settings.getDeadlineRules'], queryFn: () => call('settings.getDeadlineRules', {}) });

  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);

  const save = useMutation({
    meta: { quiet: true },
    mutationFn: (v: Rules) => call('settings.saveDeadlineRules', v),
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings.getDeadlineRules'], saved);
      void queryClient.invalidateQueries({ queryKey: ['audit.list'] });
      void message.success('期限设置已保存，此后保存的记录按新设置计算期限');
    },
    onError: (err) => {
      if (err instanceof ApiError && err.info.code === 'VALIDATION') {
        const problems = (err.info.details?.['problems'] ?? []) as { field: string; message: string }[];
        form.setFields(problems.map((p) => ({ name: p.field.split('.') as never, errors: [p.message] })));
      }
      void message.error(err instanceof Error ? err.message : String(err));
    },
  });

  return (
    <Card title="期限设置">
      <Typography.Paragraph type="secondary">
        默认按《产品质量监督抽查管理暂行办法》（市场监管总局令第 18 号）：收到检验结果后 15 日内可提出异议；不合格的，60 日内整改，自责令整改之日起
        75 日内复查。已保存的记录不会自动重算，修改记录时按新的设置重新计算。
      </Typography.Paragraph>
      <Form<Rules> form={form} name="deadlineRules" layout="horizontal" labelCol={{ flex: '220px' }} onFinish={(v) => save.mutate(v)} disabled={rules.isLoading}>
        {ruleKeys.map((k) => (
          <Form.Item key={k} label={fieldLabel(DeadlineRules, [k]) ?? k} style={{ marginBottom: 12 }}>
            <Space size={12}>
              <Form.Item name={[k, 'days']} noStyle rules={[{ required: true, message: '请填写天数' }]}>
                <InputNumber min={0} max={365} precision={0} style={{ width: 96 }} aria-label={`${fieldLabel(DeadlineRules, [k]) ?? k}天数`} />
              </Form.Item>
              <Form.Item name={[k, 'unit']} noStyle>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'calendar', label: '自然日' },
                    { value: 'working', label: '工作日' },
                  ]}
                />
              </Form.Item>
            </Space>
          </Form.Item>
        ))}
        <Form.Item
          label="遇节假日顺延"
          name="extendPastRestDays"
          valuePropName="checked"
          extra="按自然日计算的期限，最后一日是法定节假日或周末的，顺延到节后第一个工作日"
        >
          <Switch checkedChildren="顺延" unCheckedChildren="不顺延" />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存期限设置
            </Button>
            {/* Puts the defaults in the form only; nothing changes until it is saved. */}
            <Button onClick={() => form.setFieldsValue(DeadlineRules.parse({}))}>填入默认值</Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
