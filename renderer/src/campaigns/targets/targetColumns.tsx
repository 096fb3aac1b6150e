// The columns of the target list.
import { Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { TargetRow } from '../../../../shared/campaign';
import { CreditTag } from '../../registry/labels';
import { EMPTY } from '../../ui/format';
import { creditOf, TargetStatusTag } from '../fieldLabels';

export function targetColumns(drawn: boolean): ColumnsType<TargetRow> {
  return [
    {
      title: '企业名称',
      dataIndex: 'name',
      ellipsis: true,
      minWidth: 200,
      render: (name: string, r) => (
        <span>
          <Link to={`/dossier/${r.enterpriseId}`} title={r.address ? `${name}\n${r.address}` : name}>
            {name}
          </Link>
          {drawn && !r.planned && (
            <Tag style={{ marginLeft: 6 }} title="在检查对象名录中，但本次双随机抽取没有抽中">
              未抽中
            </Tag>
          )}
        </span>
      ),
    },
    { title: '统一社会信用代码', dataIndex: 'uscc', width: 176, render: (v: string | null) => v ?? EMPTY },
    { title: '乡镇', dataIndex: 'townshipName', width: 96, ellipsis: true, render: (v: string | null) => v ?? EMPTY },
    { title: '信用分类', dataIndex: 'creditClass', width: 76, render: (v: string | null) => <CreditTag value={creditOf(v)} /> },
    {
      title: '来源',
      dataIndex: 'source',
      width: 64,
      render: (s: TargetRow['source']) => (s === 'scope' ? <span title="按检查范围列入">范围</span> : <span title="手动添加">手动</span>),
    },
    {
      title: '责任单位',
      dataIndex: 'responsibleUnit',
      width: 110,
      ellipsis: true,
      render: (v: string | null) => v ?? <span style={{ color: 'rgba(0,0,0,0.45)' }}>所在乡镇</span>,
    },
    {
      title: '执法人员',
      dataIndex: 'inspectors',
      width: 110,
      ellipsis: true,
      render: (list: TargetRow['inspectors']) =>
        list.length ? (
          <Tooltip title={list.map((i) => `${i.name}（${i.certNo}）`).join('、')}>
            <span>{list.map((i) => i.name).join('、')}</span>
          </Tooltip>
        ) : (
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>未分配</span>
        ),
    },
    { title: '状态', dataIndex: 'status', width: 104, render: (s: TargetRow['status']) => <TargetStatusTag value={s} /> },
    { title: '检查次数', dataIndex: 'visits', width: 76, align: 'right' },
    { title: '最近检查', dataIndex: 'lastInspectedOn', width: 100, render: (v: string | null) => v ?? EMPTY },
  ];
}
