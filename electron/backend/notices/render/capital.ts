// Amounts as notices print them: in yuan (1250.50) and in capital Chinese numerals
// (壹仟贰佰伍拾元伍角整), the form finance rules ask for so that a figure cannot be altered.
import nzh from 'nzh/cn';
import { AppError } from '../../../../shared/errors';
import type { NoticeType } from '../../../../shared/notice';

function checkFen(fen: number, label: string): void {
  if (!Number.isSafeInteger(fen) || fen < 0) {
    throw new AppError('VALIDATION', `${label}应为不小于 0 的整数分，收到的是「${String(fen)}」。`, { field: label });
  }
}

/** The amount in yuan as a notice prints it: 1250 for whole yuan, 1250.50 otherwise (no separators). */
export function yuanText(fen: number, label = '金额'): string {
  checkFen(fen, label);
  const yuan = Math.floor(fen / 100);
  const rest = fen % 100;
  return rest ? `${yuan}.${String(rest).padStart(2, '0')}` : String(yuan);
}

/** The amount in capital numerals: 壹仟贰佰伍拾元伍角整, 壹万零壹拾元零壹分, 零元整. */
export function capitalAmount(fen: number, label = '金额'): string {
  // nzh takes the figure as a string, so no binary fraction creeps in (0.1 + 0.2).
  return nzh.toMoney(yuanText(fen, label), { outSymbol: false, forceZheng: true });
}

const fenOf = (fields: Record<string, unknown>, key: string, label: string): number => {
  const v = fields[key] ?? 0;
  if (typeof v !== 'number') throw new AppError('VALIDATION', `${label}应为数字（分），收到的是「${String(v)}」。`, { field: `fields.${key}` });
  checkFen(v, label);
  return v;
};

/**
 * The model's `amounts` for a notice: for a 行政处罚决定书 the fine, the confiscated gains and
 * their total, each in yuan and in capitals; a zero amount is empty (so `[[ … ]]` drops it).
 * Other types have no amounts.
 */
export function noticeAmounts(type: NoticeType, fields: Record<string, unknown>): Record<string, string> {
  if (type !== 'penaltyDecision') return {};
  const fine = fenOf(fields, 'fineFen', '罚款');
  const confiscation = fenOf(fields, 'confiscationFen', '没收违法所得');
  const out: Record<string, string> = {};
  const parts = [['fine', fine, '罚款'], ['confiscation', confiscation, '没收违法所得'], ['total', fine + confiscation, '罚没款合计']] as const;
  for (const [key, fen, label] of parts) {
    out[`${key}Yuan`] = fen ? yuanText(fen, label) : '';
    out[`${key}Capital`] = fen ? capitalAmount(fen, label) : '';
  }
  return out;
}
