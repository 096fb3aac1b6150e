// What 打印 prints: the title "<专项名称>统计表（from 至 to）" and the table, plain and bordered,
// put straight under <body> so the print stylesheet can hide everything else.
import { createPortal } from 'react-dom';
import type { Tally } from '../../../../shared/campaign-results';
import { chineseDate } from './periods';
import { tallyNumber, tallyRows } from './TallyTable';

export function PrintSheet({ tally, office }: { tally: Tally; office: string | null }) {
  return createPortal(
    <div className="qb-print-sheet" aria-hidden>
      <h1>
        {tally.campaignName}统计表（{chineseDate(tally.from)}至{chineseDate(tally.to)}）
      </h1>
      <table>
        <thead>
          <tr>
            <th>乡镇（街道）</th>
            {tally.definitions.map((d) => (
              <th key={d.key}>
                {d.label}
                <br />（{d.unit}）
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tallyRows(tally).map((r) => (
            <tr key={r.key} className={r.total ? 'qb-print-total' : undefined}>
              <td>{r.townshipName}</td>
              {tally.definitions.map((d) => (
                <td key={d.key} className="qb-num">
                  {tallyNumber(r.values[d.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="qb-print-foot">
        填报单位：{office ?? '　　　　　　　　'}　　填报人：　　　　　　　　　　填报日期：　　　　年　　月　　日
      </p>
    </div>,
    document.body,
  );
}
