// A chart: ECharts drawn on a div, redrawn when the option changes, resized with its box, and
// disposed with the component. Under automation (screenshots) animation is always off.
import { Spin } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type * as EngineModule from './echarts-engine';
import type { ChartOption } from './echarts-engine';

export type { ChartOption };

type Engine = typeof EngineModule;
type Chart = ReturnType<Engine['init']>;

let loading: Promise<Engine> | null = null;
const loadEngine = (): Promise<Engine> => (loading ??= import('./echarts-engine'));

export interface EChartProps {
  option: ChartOption;
  height?: number;
  /** Off for printing and screenshots; always off when the browser is automated. */
  animation?: boolean;
  style?: CSSProperties;
  /** What the chart shows, for screen readers (a canvas says nothing itself). */
  ariaLabel: string;
  testId?: string;
}

export function EChart({ option, height = 300, animation = true, style, ariaLabel, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<Chart | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    let made: Chart | null = null;
    let observer: ResizeObserver | null = null;
    loadEngine().then(
      (engine) => {
        if (!live || !box.current) return;
        made = engine.init(box.current, undefined, { renderer: 'canvas' });
        const c = made;
        observer = new ResizeObserver(() => c.resize());
        observer.observe(box.current);
        setChart(c);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      observer?.disconnect();
      made?.dispose();
      setChart(null);
    };
  }, []);

  const animate = animation && !navigator.webdriver;
  useEffect(() => {
    chart?.setOption({ ...option, animation: animate }, { notMerge: true });
  }, [chart, option, animate]);

  return (
    <div style={{ position: 'relative', width: '100%', height, ...style }} role="img" aria-label={ariaLabel} data-testid={testId}>
      <div ref={box} style={{ position: 'absolute', inset: 0 }} />
      {!chart && !failed && <Spin style={{ position: 'absolute', top: '45%', left: '50%' }} />}
      {failed && <div style={{ padding: 16, color: 'rgba(0,0,0,0.45)' }}>图表无法显示，请刷新页面重试</div>}
    </div>
  );
}
