// Which answers are a problem (发现问题), computed in the page as the clerk types so the item
// turns red at once; the backend applies the same template rule when the result is saved.
import type { Campaign } from '../../../../shared/campaign';
import type { ChecklistItem } from '../../../../shared/campaign-template';

export type AnswerValue = string | number | null | undefined;

/** The limit a number item is judged by: a campaign parameter (e.g. 含磷判定限值) or a fixed value. */
export function limitOf(item: ChecklistItem, campaign: Campaign): number | null {
  const rule = item.problem;
  if (!rule) return null;
  if (rule.atLeastParam) {
    const fromCampaign = campaign.parameters[rule.atLeastParam];
    if (typeof fromCampaign === 'number') return fromCampaign;
    const fromTemplate = campaign.template.parameters.find((p) => p.key === rule.atLeastParam)?.value;
    if (typeof fromTemplate === 'number') return fromTemplate;
  }
  return rule.atLeast;
}

export function isProblem(item: ChecklistItem, value: AnswerValue, campaign: Campaign): boolean {
  const rule = item.problem;
  if (!rule || value === null || value === undefined || value === '') return false;
  if (item.type === 'number') {
    const limit = limitOf(item, campaign);
    if (typeof value !== 'number' || limit === null) return false;
    return rule.exclusive ? value > limit : value >= limit;
  }
  return typeof value === 'string' && rule.answers.includes(value);
}

/** "≥ 1.1 % 视为问题" under a number item; the answers that are a problem under the others. */
export function ruleText(item: ChecklistItem, campaign: Campaign): string | null {
  const rule = item.problem;
  if (!rule) return null;
  if (item.type === 'number') {
    const limit = limitOf(item, campaign);
    return limit === null ? null : `${rule.exclusive ? '>' : '≥'} ${limit}${item.unit ? ` ${item.unit}` : ''} 视为问题`;
  }
  return rule.answers.length ? `答「${rule.answers.join('」或「')}」视为问题` : null;
}

/** One line per problem item, for 存在的问题 and 发现的问题. */
export function problemLines(items: ChecklistItem[], answers: Record<string, { value?: AnswerValue } | undefined>, campaign: Campaign): string[] {
  return items.flatMap((item) => {
    const value = answers[item.key]?.value;
    if (!isProblem(item, value, campaign)) return [];
    if (item.type === 'number') {
      const limit = limitOf(item, campaign);
      const unit = item.unit ? ` ${item.unit}` : '';
      return [`${item.label}为 ${value}${unit}（判定限值 ${limit}${unit}）`];
    }
    return [`${item.label}：${String(value)}`];
  });
}
