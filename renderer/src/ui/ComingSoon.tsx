// An area of the product that is not built yet says so plainly.
import { Card, Empty, Typography } from 'antd';

export function ComingSoon({ title, detail }: { title: string; detail: string }) {
  return (
    <Card>
      <Typography.Title level={3}>{title}</Typography.Title>
      <Empty description={<span>本模块尚未开放。{detail}</span>} />
    </Card>
  );
}
