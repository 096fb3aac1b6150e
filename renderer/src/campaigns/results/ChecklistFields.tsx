// The checklist, grouped as the template groups it: each item answered the way its type asks
// (是/否/不适用, a number with its unit, text, a choice, photos). An answer that is a problem turns
// its row red at once. Notes are left out of the Tab order, so Tab goes item to item (click to write one).
import { useCallback } from 'react';
import { Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import type { Campaign } from '../../../../shared/campaign';
import type { ChecklistItem } from '../../../../shared/campaign-template';
import { yesNoAnswers } from '../../../../shared/campaign-template';
import { KeyedChoice } from './KeyedChoice';
import { PhotoField } from './PhotoField';
import { isProblem, ruleText } from './problems';

/** Choices up to this many are buttons with digit keys; more become a searchable list. */
const MAX_BUTTONS = 9;

interface ItemProps {
  item: ChecklistItem;
  campaign: Campaign;
  onBusy(key: string, count: number): void;
}

function Answer({ item, problem, onBusy }: { item: ChecklistItem; problem: boolean; onBusy(count: number): void }) {
  const name = ['answers', item.key, 'value'];
  const required = item.required ? [{ required: true, message: item.type === 'number' || item.type === 'text' ? '请填写' : '请选择' }] : undefined;
  const common = { name, rules: required, style: { marginBottom: 0 } };
  switch (item.type) {
    case 'yesNo':
      return (
        <Form.Item {...common}>
          <KeyedChoice name={`answer-${item.key}`} options={yesNoAnswers} danger={problem} ariaLabel={item.label} />
        </Form.Item>
      );
    case 'choice':
      return (
        <Form.Item {...common}>
          {item.choices.length <= MAX_BUTTONS ? (
            <KeyedChoice name={`answer-${item.key}`} options={item.choices} danger={problem} ariaLabel={item.label} />
          ) : (
            <Select
              aria-label={item.label}
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              placeholder="请选择"
              options={item.choices.map((c) => ({ value: c, label: c }))}
              status={problem ? 'error' : undefined}
              style={{ width: 240 }}
            />
          )}
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item {...common}>
          <InputNumber<number> aria-label={item.label} suffix={item.unit ?? undefined} status={problem ? 'error' : undefined} style={{ width: 200 }} placeholder="数值" />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item {...common}>
          <Input aria-label={item.label} maxLength={500} style={{ width: 300 }} status={problem ? 'error' : undefined} />
        </Form.Item>
      );
    case 'photo':
      return (
        <Form.Item
          name={['answers', item.key, 'photos']}
          rules={item.required ? [{ required: true, type: 'array', min: 1, message: '请至少添加一张照片' }] : undefined}
          style={{ marginBottom: 0 }}
        >
          <PhotoField label={item.label} onBusy={onBusy} />
        </Form.Item>
      );
  }
}

function ItemRow({ item, campaign, onBusy }: ItemProps) {
  const busy = useCallback((n: number) => onBusy(item.key, n), [item.key, onBusy]);
  const value = Form.useWatch(['answers', item.key, 'value']) as string | number | null | undefined;
  const problem = isProblem(item, value, campaign);
  const rule = ruleText(item, campaign);
  return (
    <div className={`qb-item${problem ? ' qb-item-problem' : ''}`} data-testid={`item-${item.key}`} data-problem={problem ? 'true' : 'false'}>
      <div className="qb-item-label">
        {item.required && <span className="qb-required">*</span>}
        {item.label}
        {problem && (
          <Tag color="error" style={{ marginLeft: 8 }}>
            问题
          </Tag>
        )}
        {(item.hint || rule) && (
          <div className="qb-item-hint">
            {[item.hint, rule].filter(Boolean).join('；')}
          </div>
        )}
      </div>
      <div className="qb-item-answer">
        <Answer item={item} problem={problem} onBusy={busy} />
      </div>
      {item.type === 'photo' ? (
        <div className="qb-item-note" />
      ) : (
        <div className="qb-item-note">
          <Form.Item name={['answers', item.key, 'note']} style={{ marginBottom: 0 }}>
            <Input maxLength={500} placeholder="说明（可不填）" aria-label={`${item.label} 的说明`} tabIndex={-1} variant="filled" />
          </Form.Item>
        </div>
      )}
    </div>
  );
}

export function ChecklistFields({ campaign, onBusy }: { campaign: Campaign; onBusy(key: string, count: number): void }) {
  const groups = new Map<string, ChecklistItem[]>();
  for (const item of campaign.template.checklist) {
    const g = item.group ?? '';
    groups.set(g, [...(groups.get(g) ?? []), item]);
  }
  return (
    <div role="group" aria-label="检查事项" data-testid="result-checklist">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        Tab 键逐项前进；是/否/不适用可按 1、2、3 或方向键选择，Delete 清除。
      </Typography.Paragraph>
      {[...groups].map(([group, items]) => (
        <section key={group || '-'} className="qb-item-group" aria-label={group || '检查事项'}>
          {group && <div className="qb-item-group-title">{group}</div>}
          {items.map((item) => (
            <ItemRow key={item.key} item={item} campaign={campaign} onBusy={onBusy} />
          ))}
        </section>
      ))}
    </div>
  );
}
