// 基本信息: the enterprise's registered facts and how it is supervised.
import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Descriptions, Space, Tag, Typography } from 'antd';
import type { Enterprise } from '../../../../shared/enterprise';
import { useCan } from '../../accounts/auth';
import { call } from '../../api/client';
import { EMPTY, formatInstant } from '../../ui/format';
import { CreditTag, SupervisionTag } from '../labels';

const orEmpty = (v: string | null) => v ?? <Typography.Text type="secondary">{EMPTY}</Typography.Text>;

function IdNumber({ e }: { e: Enterprise }) {
  const { message } = App.useApp();
  const canReveal = useCan('enterprises.revealIdNumber');
  const reveal = useMutation({
    mutationFn: () => call('enterprises.revealIdNumber', { id: e.id }),
    onSuccess: () => void message.info('已显示完整证件号码，本次查看已记入操作记录'),
  });
  if (!e.idNumberMasked) return orEmpty(null);
  const full = reveal.data?.idNumber;
  return (
    <Space>
      <span style={{ fontFamily: 'ui-monospace, Consolas, monospace' }}>{full ?? e.idNumberMasked}</span>
      {!full && canReveal && (
        <Button size="small" type="link" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate()}>
          显示完整证件号码
        </Button>
      )}
      {full && <Typography.Text type="secondary">（本次查看已记入操作记录）</Typography.Text>}
    </Space>
  );
}

export function BasicInfo({ e }: { e: Enterprise }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      styles={{ label: { width: 172 } }}
      items={[
        {
          key: 'uscc',
          label: '统一社会信用代码',
          span: 2,
          children: e.uscc ? (
            <Space orientation="vertical" size={0}>
              <span style={{ fontFamily: 'ui-monospace, Consolas, monospace' }}>{e.uscc}</span>
              {e.codeOverrideReason && (
                <Typography.Text type="warning">校验未通过，经核对保留。说明：{e.codeOverrideReason}</Typography.Text>
              )}
            </Space>
          ) : (
            <Typography.Text type="secondary">无（未登记信用代码）</Typography.Text>
          ),
        },
        { key: 'type', label: '主体类型', children: e.entityType },
        { key: 'status', label: '登记状态', children: e.status },
        { key: 'rep', label: '法定代表人（负责人）', children: orEmpty(e.legalRep) },
        { key: 'id', label: '证件号码', children: <IdNumber e={e} /> },
        { key: 'phone', label: '联系电话', children: orEmpty(e.phone) },
        { key: 'est', label: '成立日期', children: orEmpty(e.establishedOn) },
        { key: 'addr', label: '住所（经营场所）', span: 2, children: orEmpty(e.address) },
        { key: 'town', label: '乡镇（街道）', children: orEmpty(e.townshipName) },
        { key: 'grid', label: '网格', children: orEmpty(e.grid) },
        { key: 'industry', label: '行业', span: 2, children: e.industryCode ? `${e.industryCode} ${e.industryName ?? ''}` : orEmpty(null) },
        { key: 'sup', label: '监管类别', children: <SupervisionTag value={e.supervisionClass} /> },
        { key: 'credit', label: '信用风险分类', children: <CreditTag value={e.creditClass} long /> },
        { key: 'former', label: '曾用名', span: 2, children: e.formerNames.length ? e.formerNames.join('、') : orEmpty(null) },
        {
          key: 'tags',
          label: '标签',
          span: 2,
          children: e.tags.length ? e.tags.map((t) => <Tag key={t}>{t}</Tag>) : orEmpty(null),
        },
        { key: 'risk', label: '风险提示', span: 2, children: e.riskNotes ? <span style={{ whiteSpace: 'pre-wrap' }}>{e.riskNotes}</span> : orEmpty(null) },
        { key: 'created', label: '录入时间', children: formatInstant(e.createdAt) },
        { key: 'updated', label: '最近修改', children: formatInstant(e.updatedAt) },
      ]}
    />
  );
}
