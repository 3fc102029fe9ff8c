/** One ECharts canvas: created on mount, resized with its box, disposed on unmount. */
import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

export interface ChartProps {
  option: ChartOption;
  height: number;
  /** Accessible name of the chart (the canvas itself says nothing to a screen reader). */
  label: string;
}

export function Chart({ option, height, label }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} data-chart={label} style={{ width: '100%', height }} />;
}
