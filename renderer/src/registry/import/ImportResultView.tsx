// What an import did (or, for a dry run, would do): counts, rejected rows, warnings, changes.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { ImportResult, RejectedRow } from '../../../../shared/import';
import { saveFile } from '../../api/client';
import { formatCount } from '../../ui/format';
import { reportError } from '../../ui/notify';

type Change = ImportResult['changes'][number];
type Added = ImportResult['added'][number];

const rowColumns = [
  { title: '行号', dataIndex: 'row', width: 80 },
  { title: '列', dataIndex: 'column', width: 200 },
  { title: '原因', dataIndex: 'reason' },
];

const PAGES = { pageSize: 10, hideOnSinglePage: true };

/** How many of `total` enterprises a list shows: all, or the first of them (the result lists at most 200). */
const listedOf = (shown: number, total: number): string => (total > shown ? `前 ${shown} 家，共 ${formatCount(total)} 家` : formatCount(shown));

export function ImportResultView({ result }: { result: ImportResult }) {
  const verb = result.dryRun ? '将' : '已';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        {[
          { title: `${verb}新增`, value: result.inserted },
          { title: `${verb}更新`, value: result.updated },
          { title: '无变化', value: result.unchanged },
          { title: '拒绝', value: result.rejected.length, danger: result.rejected.length > 0 },
        ].map((s) => (
          <Col span={5} key={s.title}>
            <Card size="small">
              <Statistic title={s.title} value={s.value} suffix="行" styles={s.danger ? { content: { color: '#cf1322' } } : undefined} />
            </Card>
          </Col>
        ))}
        <Col span={4}>
          <Card size="small">
            <Statistic title="文件数据行" value={result.rows} suffix="行" />
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary">
        用时 {result.seconds.toFixed(1)} 秒。{result.dryRun ? '' : '每一家企业的修改都记入了它的修改记录。'}
      </Typography.Text>
      {result.dryRun && (
        <Alert
          type="info"
          showIcon
          title="这是试导入，名录没有任何改动"
          description={result.rejected.length ? '被拒绝的行不会导入。可以下载错误行，在 Excel 中改正后另行导入；其余的行可以现在正式导入。' : '核对无误后，请进行下一步“正式导入”。'}
        />
      )}
      {result.rejected.length > 0 && (
        <Card
          size="small"
          title={`被拒绝的行（${formatCount(result.rejected.length)}）`}
          extra={
            result.rejectedFile && (
              <Button icon={<DownloadOutlined />} onClick={() => result.rejectedFile && void saveFile(result.rejectedFile).catch(reportError)}>
                下载错误行
              </Button>
            )
          }
        >
          <Table<RejectedRow> size="small" rowKey={(r) => `${r.row}-${r.column}`} dataSource={result.rejected} columns={rowColumns} pagination={PAGES} />
        </Card>
      )}
      {result.warnings.length > 0 && (
        <Card size="small" title={`提醒（${formatCount(result.warnings.length)}）：这些行会导入，但请留意`}>
          <Table<RejectedRow> size="small" rowKey={(r) => `${r.row}-${r.column}-${r.reason}`} dataSource={result.warnings} columns={rowColumns} pagination={PAGES} />
        </Card>
      )}
      {result.added.length > 0 && (
        <Card size="small" title={`${verb}新增的企业（${listedOf(result.added.length, result.inserted)}）`}>
          <Table<Added>
            size="small"
            rowKey="row"
            dataSource={result.added}
            pagination={PAGES}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              { title: '企业名称', dataIndex: 'name' },
              { title: '统一社会信用代码', dataIndex: 'uscc', width: 220, render: (code: string | null) => code ?? '（无）' },
            ]}
          />
        </Card>
      )}
      {result.changes.length > 0 && (
        <Card size="small" title={`对已有企业的修改（${listedOf(result.changes.length, result.updated)}）`}>
          <Table<Change>
            size="small"
            rowKey="row"
            dataSource={result.changes}
            pagination={PAGES}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              { title: '企业', dataIndex: 'name', width: 260, render: (name: string, c) => <Link to={`/registry/${c.id}`}>{name}</Link> },
              {
                title: '改动',
                key: 'fields',
                render: (_, c) => (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {c.fields.map((f) => (
                      <li key={f.field}>
                        {f.label}：<Typography.Text type="secondary">{f.before ?? '（空）'}</Typography.Text> → {f.after ?? '（空）'}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
