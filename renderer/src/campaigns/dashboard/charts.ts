// The dashboard's chart options, built from `campaigns.progress`.
import { targetStatuses } from '../../../../shared/campaign';
import { type Progress } from '../../../../shared/campaign-results';
import type { ChartOption } from '../../ui/EChart';
import { targetStatusColors } from '../fieldLabels';

const FONT = { fontFamily: 'inherit' };

/** 计划检查 against 已检查, one pair of bars per township. */
export function coverageOption(p: Progress): ChartOption {
  const rows = p.byTownship;
  return {
    textStyle: FONT,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.townshipName), axisLabel: { interval: 0, rotate: rows.length > 8 ? 35 : 0 } },
    yAxis: { type: 'value', name: '户', minInterval: 1 },
    series: [
      { name: '计划检查', type: 'bar', data: rows.map((r) => r.planned), itemStyle: { color: '#b7d4ee' }, barMaxWidth: 36 },
      {
        name: '已检查',
        type: 'bar',
        data: rows.map((r) => r.inspected),
        itemStyle: { color: '#0e6eb8' },
        // Drawn over its planned bar: the dark part is how far the township has got.
        barGap: '-100%',
        barMaxWidth: 36,
        label: { show: rows.length <= 20, position: 'top', formatter: ({ dataIndex }) => pct(rows[dataIndex]?.inspected ?? 0, rows[dataIndex]?.planned ?? 0) },
      },
    ],
  };
}

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '');

/** How many targets are in each status. */
export function statusOption(p: Progress): ChartOption {
  const count = (s: string) => p.byStatus[s as keyof Progress['byStatus']] ?? 0;
  return {
    textStyle: FONT,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 户（{d}%）' },
    // The counts are in the legend: labels around a ring with small slices would overlap. The
    // legend goes under the ring: beside it, the card (a third of a 1366-pixel screen) was too
    // narrow and the ring was cut off on the left and ran under the legend.
    legend: { bottom: 0, left: 'center', itemGap: 12, formatter: (name: string) => `${name} ${count(name)} 户` },
    series: [
      {
        name: '检查对象状态',
        type: 'pie',
        radius: ['36%', '60%'],
        center: ['50%', '40%'],
        label: { show: false },
        labelLine: { show: false },
        data: targetStatuses.map((s) => ({ name: s, value: count(s), itemStyle: { color: targetStatusColors[s] } })),
      },
    ],
  };
}

/** 2026-04-13 → 4月13日 */
const weekLabel = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Visits and problems found, per week (Monday's date). */
export function weeklyOption(p: Progress): ChartOption {
  return {
    textStyle: FONT,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: p.weekly.map((w) => `${weekLabel(w.weekOf)}起`), boundaryGap: false },
    yAxis: { type: 'value', name: '户次', minInterval: 1 },
    series: [
      { name: '检查户次', type: 'line', data: p.weekly.map((w) => w.visits), itemStyle: { color: '#0e6eb8' }, symbolSize: 7 },
      { name: '发现问题', type: 'line', data: p.weekly.map((w) => w.problems), itemStyle: { color: '#f5222d' }, symbolSize: 7 },
    ],
  };
}
