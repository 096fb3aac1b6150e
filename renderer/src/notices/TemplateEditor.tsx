// One notice type's template: the text (monospace), where it comes from (默认 / 本单位), the
// placeholders it may use (a click inserts one at the cursor), 保存 (refused with the line and
// the placeholder named), 恢复默认, and a preview with a chosen enterprise. Roles that may not
// save templates only read the text.
import { RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Input, Row, Space, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import type { NoticeTemplateInfo } from '../../../shared/notice';
import { useCan } from '../accounts/auth';
import { CannotNotice } from '../accounts/Can';
import { call } from '../api/client';
import { useLeaveGuard } from '../ui/useLeaveGuard';
import { TemplatePreview } from './TemplatePreview';

const SYNTAX: [string, string][] = [
  ['# 标题', '文书标题（2号小标宋，居中）'],
  ['## 小标题', '小标题（3号黑体）'],
  ['@文号', '发文字号行'],
  ['@当事人', '当事人信息（标准格式）'],
  ['@顶格 文字', '不缩进的一行，如 @顶格 {{party.name}}：'],
  ['@落款', '单位、印章位置和日期'],
  ['@送达表', '送达回证的送达表格'],
  ['@分页', '另起一页'],
  ['{{路径}}', '填入内容，见右侧“可用占位符”'],
  ['[[ … ]]', '其中的占位符都有内容时才打印'],
];

export function TemplateEditor({ template, onDirty }: { template: NoticeTemplateInfo; onDirty(dirty: boolean): void }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState(template.text);
  const area = useRef<TextAreaRef>(null);
  const canSave = useCan('notices.saveTemplate');
  const canReset = useCan('notices.resetTemplate');
  const canPreview = useCan('notices.preview');
  const dirty = text !== template.text;
  useLeaveGuard(dirty, '模板的修改还没有保存');
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const done = (t: NoticeTemplateInfo, what: string) => {
    queryClient.setQueryData<NoticeTemplateInfo[]>(['notices.templates'], (list) => list?.map((x) => (x.type === t.type ? t : x)));
    setText(t.text);
    void message.success(what);
  };
  const save = useMutation({
    meta: { quiet: true },
    mutationFn: () => call('notices.saveTemplate', { type: template.type, text }),
    onSuccess: (t) => done(t, `已保存「${t.title}」的本单位模板，此后出具的文书按此模板排版`),
  });
  const reset = useMutation({
    mutationFn: () => call('notices.resetTemplate', { type: template.type }),
    onSuccess: (t) => done(t, `「${t.title}」已恢复为默认模板`),
  });

  const insert = (path: string) => {
    const el = area.current?.resizableTextArea?.textArea;
    const token = `{{${path}}}`;
    const at = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    setText(text.slice(0, at) + token + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  const confirmReset = () =>
    modal.confirm({
      title: `恢复「${template.title}」的默认模板？`,
      content: '本单位修改过的模板将被删除，此后出具的文书按默认模板排版。已出具的文书不受影响。',
      okText: '恢复默认',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => reset.mutateAsync().catch(() => undefined),
    });

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="1 1 auto" style={{ minWidth: 0 }}>
        <Card title={template.title}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {/* The state and the actions sit on their own row: in the card's title bar a long title pushed them over each other. */}
            <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
              <Space size={4}>
                <Tag color={template.source === 'office' ? 'blue' : 'default'} data-testid="template-source">
                  {template.source === 'office' ? '本单位' : '默认'}
                </Tag>
                {dirty && <Tag color="warning">未保存</Tag>}
              </Space>
              <Space>
                {canReset && (
                  <Button icon={<RollbackOutlined />} disabled={template.source !== 'office'} loading={reset.isPending} onClick={confirmReset} data-testid="template-reset">
                    恢复默认
                  </Button>
                )}
                {canSave && (
                  <>
                    <Button disabled={!dirty} onClick={() => setText(template.text)}>
                      撤销修改
                    </Button>
                    <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()} data-testid="template-save">
                      保存
                    </Button>
                  </>
                )}
              </Space>
            </Space>
            {!canSave && <CannotNotice doing="修改文书模板" />}
            {save.error && <Alert type="error" showIcon title="没有保存" description={save.error.message} data-testid="template-error" />}
            <Input.TextArea
              ref={area}
              className="qb-template-text"
              aria-label="模板内容"
              data-testid="template-text"
              value={text}
              readOnly={!canSave}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 20, maxRows: 40 }}
              spellCheck={false}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              模板校验值 SHA-256 {template.sha256.slice(0, 16)}…
            </Typography.Text>
          </Space>
        </Card>
      </Col>
      <Col flex="0 0 340px">
        <Space orientation="vertical" size={16} style={{ width: '100%', display: 'flex' }}>
          {canPreview && (
            <Card size="small" title="预览（不占用文号）">
              <TemplatePreview type={template.type} dirty={dirty} />
            </Card>
          )}
          <Card size="small" title={canSave ? '可用占位符（点击插入）' : '可用占位符'} styles={{ body: { maxHeight: 360, overflowY: 'auto', padding: 4 } }}>
            {template.placeholders.map((p) => (
              <button key={p.path} type="button" className="qb-placeholder" disabled={!canSave} onClick={() => insert(p.path)} title={canSave ? `插入 {{${p.path}}}` : undefined}>
                <span>{p.label}</span>
                <Typography.Text code style={{ fontSize: 12 }}>
                  {p.path}
                </Typography.Text>
              </button>
            ))}
          </Card>
          <Card size="small" title="写法">
            {SYNTAX.map(([k, v]) => (
              <div key={k} style={{ display: 'flex', gap: 8, fontSize: 12, padding: '2px 0' }}>
                <Typography.Text code style={{ flex: 'none' }}>
                  {k}
                </Typography.Text>
                <Typography.Text type="secondary">{v}</Typography.Text>
              </div>
            ))}
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
