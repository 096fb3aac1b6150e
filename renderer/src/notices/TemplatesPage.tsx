// 文书模板 (route notices/templates): every notice type with the template in force, one opened
// for editing at a time (?type=). An office's own template replaces the default until reset.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Card, Col, Menu, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { noticeTypes, type NoticeType } from '../../../shared/notice';
import { useNoticeTemplates } from './queries';
import { TemplateEditor } from './TemplateEditor';
import './notices.css';

export function TemplatesPage() {
  const { modal } = App.useApp();
  const [sp, setSp] = useSearchParams();
  const templates = useNoticeTemplates();
  const [dirty, setDirty] = useState(false);
  const asked = sp.get('type');
  const type: NoticeType = (noticeTypes as readonly string[]).includes(asked ?? '') ? (asked as NoticeType) : 'correctionOrder';
  const list = templates.data ?? [];
  const current = list.find((t) => t.type === type);

  const open = (next: string) => {
    // Switching type drops unsaved text, so ask first.
    const go = () => {
      setDirty(false);
      setSp({ type: next }, { replace: true });
    };
    if (!dirty) return go();
    modal.confirm({ title: '模板的修改还没有保存', content: '切换到其他文书会丢弃这些修改。', okText: '丢弃修改', okButtonProps: { danger: true }, cancelText: '留在此页', onOk: go });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/notices">
        <ArrowLeftOutlined /> 返回执法文书
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        文书模板
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        每种文书按模板排版（GB/T 9704）。修改后保存为本单位模板，此后出具的文书按新模板排版；已出具的文书保持原样。
      </Typography.Paragraph>
      {templates.error ? (
        <Result status="warning" title="无法读取文书模板" subTitle={templates.error.message} />
      ) : templates.isLoading ? (
        <Spin style={{ display: 'block', marginTop: 32 }} />
      ) : (
        <Row gutter={16} wrap={false}>
          <Col flex="0 0 260px">
            <Card size="small" styles={{ body: { padding: 4 } }}>
              <Menu
                mode="inline"
                selectedKeys={[type]}
                style={{ borderInlineEnd: 0 }}
                onClick={({ key }) => key !== type && open(key)}
                items={list.map((t) => ({
                  key: t.type,
                  label: (
                    <span style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 4 }} data-testid={`template-${t.type}`}>
                      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{t.title}</span>
                      {t.source === 'office' && (
                        <Tag color="blue" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>
                          本单位
                        </Tag>
                      )}
                    </span>
                  ),
                }))}
              />
            </Card>
          </Col>
          <Col flex="1 1 auto" style={{ minWidth: 0 }}>
            {current && <TemplateEditor key={`${current.type}:${current.sha256}`} template={current} onDirty={setDirty} />}
          </Col>
        </Row>
      )}
    </Space>
  );
}
