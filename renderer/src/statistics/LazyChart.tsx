/**
 * The chart component loaded on first use, so ECharts (even trimmed to bars, lines and the canvas
 * renderer) is its own chunk and does not weigh on the app's start-up.
 */
import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { ChartProps } from './Chart';

const Inner = lazy(() => import('./Chart').then((m) => ({ default: m.Chart })));

export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height }} />}>
      <Inner {...props} />
    </Suspense>
  );
}
