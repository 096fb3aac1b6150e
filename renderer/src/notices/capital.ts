// Amounts in capital Chinese numerals, as the notice prints them beside the figure
// (罚款 1250 元，大写 壹仟贰佰伍拾元整), computed the way the render layer does, so the clerk
// checks on the form what will print.
import nzh from 'nzh/cn';

/** An amount of fen in capital numerals: 125000 → 壹仟贰佰伍拾元整; 0 → 零元整. */
export function capitalYuan(fen: number): string {
  const safe = Number.isSafeInteger(fen) && fen > 0 ? fen : 0;
  const yuan = Math.floor(safe / 100);
  const rest = safe % 100;
  // nzh takes the figure as a string, so no binary fraction creeps in.
  return nzh.toMoney(rest ? `${yuan}.${String(rest).padStart(2, '0')}` : String(yuan), { outSymbol: false, forceZheng: true });
}
