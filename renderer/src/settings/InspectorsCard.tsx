// 执法人员名录库: the inspectors campaigns are assigned from and the 双随机 draw picks from.
// Inspectors are never deleted (past inspections name them): one who leaves is marked 离岗.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState, type ComponentProps, type HTMLAttributes } from 'react';
import type { Inspector } from '../../../shared/campaign';
import type { MethodInput } from '../../../shared/contract';
import { ApiError, call } from '../api/client';
import { problemPath, problemsOf, useInspectors } from '../campaigns/queries';
import { useOffice, useTownships } from '../registry/queries';
import { formatInstant } from '../ui/format';
import { focusFirstField } from '../ui/focus';

interface Values {
  name: string;
  unit: string;
  townshipCode: string | null;
  certNo: string;
  active: boolean;
}

const COUNTY = '__county__';
const fieldNames: string[] = ['name', 'unit', 'townshipCode', 'certNo'];

/**
 * 所在单位: typed freely, with the units already in use as suggestions (↓ and Enter pick one).
 * Tab keeps what was typed: the select would otherwise take its highlighted suggestion, so typing
 * the county bureau's own name (the start of every 所's name) and pressing Tab turned it into a
 * township office's name without a word.
 */
function UnitInput({ units, ...props }: ComponentProps<typeof AutoComplete> & { units: string[] }) {
  return (
    <div
      role="presentation"
      onKeyDownCapture={(e) => {
        if (e.key === 'Tab') e.stopPropagation();
      }}
    >
      <AutoComplete
        {...props}
        options={units.map((u) => ({ value: u }))}
        placeholder="如：华容县市场监督管理局东山市场监督管理所"
        maxLength={60}
        showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
      />
    </div>
  );
}

export function InspectorsCard() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const inspectors = useInspectors(false);
  const townships = useTownships();
  const office = useOffice();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Inspector | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const all = inspectors.data ?? [];
  const rows = showInactive ? all : all.filter((i) => i.active);
  const units = [...new Set(all.map((i) => i.unit))];

  const save = useMutation({
    meta: { quiet: true },
    mutationFn: (input: MethodInput<'inspectors.save'>) => call('inspectors.save', input),
    onSuccess: (saved, input) => {
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: ['inspectors.list'] });
      const what = input.id === null ? '已添加' : saved.active ? '已保存' : '已设为离岗';
      void message.success(`「${saved.name}」${what}`);
    },
    onError: (err, input) => {
      if (!(err instanceof ApiError)) return void message.error(String(err));
      const { code, details, message: text } = err.info;
      const inModal = editing !== null;
      if (code === 'CONFLICT' && details?.['updatedAt']) {
        void queryClient.invalidateQueries({ queryKey: ['inspectors.list'] });
        modal.warning({ title: '别人已经先修改了这位执法人员', content: '列表已刷新为最新内容，请重新打开后再修改。' });
        setEditing(null);
        return;
      }
      // A duplicate 执法证号 or a bad field: beside the field.
      const fields = problemsOf(err)
        .map((p) => ({ name: problemPath(p.field, 'data.')[0], errors: [p.message] }))
        .filter((f): f is { name: keyof Values; errors: string[] } => typeof f.name === 'string' && fieldNames.includes(f.name));
      if (inModal && fields.length) return void form.setFields(fields);
      modal.error({ title: input.id === null ? '没有添加' : '没有保存', content: text });
    },
  });

  const open = (i: Inspector | 'new') => {
    setEditing(i);
    const defaults: Values = { name: '', unit: office.data?.name ?? '', townshipCode: null, certNo: '', active: true };
    const v = i === 'new' ? defaults : { name: i.name, unit: i.unit, townshipCode: i.townshipCode, certNo: i.certNo, active: i.active };
    form.setFieldsValue({ ...v, townshipCode: v.townshipCode ?? COUNTY });
  };

  const setActive = (i: Inspector, active: boolean) =>
    save.mutate({
      id: i.id,
      expectedUpdatedAt: i.updatedAt,
      data: { name: i.name, unit: i.unit, townshipCode: i.townshipCode, certNo: i.certNo, active },
    });

  const submit = (v: Values) => {
    const current = editing === 'new' || editing === null ? null : editing;
    save.mutate({
      id: current?.id ?? null,
      expectedUpdatedAt: current?.updatedAt ?? null,
      data: {
        name: v.name,
        unit: v.unit,
        townshipCode: v.townshipCode === COUNTY ? null : v.townshipCode,
        certNo: v.certNo,
        active: current?.active ?? true,
      },
    });
  };

  const townshipOptions = [
    { value: COUNTY, label: '县局机关（不属于某个乡镇）' },
    ...(townships.data ?? []).map((t) => ({ value: t.code, label: t.name })),
  ];

  return (
    <Card
      title="执法人员"
      extra={
        <Space>
          <Switch size="small" checked={showInactive} onChange={setShowInactive} aria-label="显示离岗人员" />
          <Typography.Text>显示离岗人员</Typography.Text>
          <Button icon={<PlusOutlined />} onClick={() => open('new')}>
            添加执法人员
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        专项整治分配任务和“双随机”抽取执法人员都从这里选择。每户检查至少需要两名执法人员。人员调离后请设为“离岗”，以往的检查记录仍保留其姓名。
      </Typography.Paragraph>
      <Table<Inspector>
        rowKey="id"
        size="small"
        loading={inspectors.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': `inspector-${r.certNo}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: '还没有执法人员。请点击右上角“添加执法人员”，按执法证逐人添加。' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '所在单位', dataIndex: 'unit' },
          { title: '所属乡镇（街道）', dataIndex: 'townshipName', width: 150, render: (n: string | null) => n ?? '县局机关' },
          { title: '执法证号', dataIndex: 'certNo', width: 170 },
          {
            title: '在岗',
            dataIndex: 'active',
            width: 80,
            render: (a: boolean) => (a ? <Tag color="green">在岗</Tag> : <Tag>离岗</Tag>),
          },
          { title: '修改时间', dataIndex: 'updatedAt', width: 150, render: (t: string) => formatInstant(t) },
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_, i) => (
              <Space>
                <Button size="small" type="link" onClick={() => open(i)} aria-label={`修改${i.name}`}>
                  修改
                </Button>
                <Button size="small" type="link" danger={i.active} onClick={() => setActive(i, !i.active)} aria-label={`${i.active ? '设为离岗' : '恢复在岗'}：${i.name}`}>
                  {i.active ? '设为离岗' : '恢复在岗'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        afterOpenChange={focusFirstField}
        open={editing !== null}
        title={editing === 'new' ? '添加执法人员' : '修改执法人员'}
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        destroyOnHidden
        onCancel={() => setEditing(null)}
        onOk={() => void form.validateFields().then(submit, () => undefined)}
      >
        <Form form={form} name="inspector" layout="vertical" preserve={false} onFinish={submit}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={20} autoFocus />
          </Form.Item>
          <Form.Item name="unit" label="所在单位" rules={[{ required: true, whitespace: true, message: '请填写所在单位' }]}>
            <UnitInput units={units} />
          </Form.Item>
          <Form.Item name="townshipCode" label="所属乡镇（街道）" extra="乡镇市场监管所的人员选所在乡镇；县局机关人员选“县局机关”。">
            <Select showSearch={{ optionFilterProp: 'label' }} options={townshipOptions} loading={townships.isLoading} />
          </Form.Item>
          <Form.Item
            name="certNo"
            label="执法证号"
            rules={[
              { required: true, whitespace: true, message: '请填写执法证号' },
              { min: 4, message: '执法证号至少 4 位' },
            ]}
          >
            <Input maxLength={30} placeholder="执法证上的编号" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
