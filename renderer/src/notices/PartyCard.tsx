// The party block (当事人…联系电话) as the notice will print it, read-only: it comes from the
// enterprise's registry entry, so a wrong value is corrected there. Empty lines print as blanks.
import { EditOutlined } from '@ant-design/icons';
import { Alert, Card, Typography } from 'antd';
import { Link } from 'react-router';
import type { PartyBlock } from '../../../shared/notice';

const rows: { key: keyof PartyBlock; label: string }[] = [
  { key: 'name', label: '当事人' },
  { key: 'licenceName', label: '主体资格证照名称' },
  { key: 'code', label: '统一社会信用代码（注册号）' },
  { key: 'address', label: '住所（住址）' },
  { key: 'legalRep', label: '法定代表人（负责人、经营者）' },
  { key: 'idNumber', label: '身份证（其他有效证件）号码' },
  { key: 'phone', label: '联系电话' },
];

export function PartyCard({ party, warnings, enterpriseId }: { party: PartyBlock; warnings: string[]; enterpriseId: number }) {
  return (
    <Card
      size="small"
      title="当事人（按打印样式）"
      data-testid="party-block"
      extra={
        <Link to={`/registry/${enterpriseId}/edit`} title="当事人信息来自企业名录，在那里修改">
          <EditOutlined /> 修改企业信息
        </Link>
      }
    >
      <table className="qb-party" style={{ width: '100%', borderCollapse: 'collapse', fontSize: 13 }}>
        <tbody>
          {rows.map((r) => {
            const v = party[r.key];
            return (
              <tr key={r.key} style={{ borderBottom: '1px solid #f0f0f0' }}>
                <th scope="row" style={{ textAlign: 'left', fontWeight: 400, color: 'rgba(0,0,0,0.55)', padding: '4px 8px 4px 0', verticalAlign: 'top', width: '1%' }}>
                  {r.label}
                </th>
                <td style={{ padding: '4px 0', wordBreak: 'break-all' }}>
                  {v ? v : <Typography.Text type="warning">（空白，打印后手填）</Typography.Text>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title="出具前请核对"
          description={warnings.map((w) => (
            <div key={w}>{w}</div>
          ))}
          data-testid="party-warnings"
        />
      )}
    </Card>
  );
}
