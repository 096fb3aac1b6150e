// 证照与产品: the licences with how long they remain valid, and the key industrial products made.
import { Card, Empty, Table, Tag, Typography } from 'antd';
import { addDays, todayInChina } from '../../../../shared/dates';
import type { Enterprise } from '../../../../shared/enterprise';
import { EMPTY } from '../../ui/format';
import { useProducts } from '../queries';

type Licence = Enterprise['licences'][number];

function validity(to: string | null) {
  if (!to) return <Typography.Text type="secondary">长期 / 未填</Typography.Text>;
  const today = todayInChina();
  if (to < today) return <Tag color="error">{to} 已过期</Tag>;
  if (to <= addDays(today, 90)) return <Tag color="warning">{to} 即将到期</Tag>;
  return to;
}

export function LicencesTab({ e }: { e: Enterprise }) {
  const catalogue = useProducts();
  const categoryOf = new Map((catalogue.data ?? []).map((p) => [p.id, p.category]));
  return (
    <>
      <Card size="small" title="许可证照" style={{ marginBottom: 16 }}>
        <Table<Licence>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={e.licences}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未登记许可证照。生产许可证、CCC 证书可在「编辑」中添加。" /> }}
          columns={[
            { title: '证照类别', dataIndex: 'kind', width: 120 },
            { title: '证书编号', dataIndex: 'number', width: 200 },
            { title: '许可范围', dataIndex: 'scope', render: (v: string | null) => v ?? EMPTY },
            { title: '有效期起', dataIndex: 'validFrom', width: 120, render: (v: string | null) => v ?? EMPTY },
            { title: '有效期至', dataIndex: 'validTo', width: 180, render: validity },
          ]}
        />
      </Card>
      <Card size="small" title="重点工业产品">
        {e.products.length ? (
          e.products.map((p) => (
            <Tag key={p.id} style={{ marginBottom: 4 }} title={categoryOf.get(p.id)}>
              {p.name}
            </Tag>
          ))
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未登记重点工业产品（全国重点工业产品质量安全监管目录）。" />
        )}
      </Card>
    </>
  );
}
