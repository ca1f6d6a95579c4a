import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import type { FunctionMetrics } from '../types';

// uPlot is half the console's code and only this view draws charts: it loads with the first chart.
const loadUPlot = () =>
  Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([module]) => module.default);

const HEIGHT = 140;
const MINUTE_S = 60;

/** `12000` → `12k`: axis labels that fit a small card. */
const shortNumber = (value: number): string =>
  Math.abs(value) >= 1000 ? `${Math.round(value / 100) / 10}k` : String(Math.round(value * 100) / 100);

/** The minutes shown: the data's, widened to at least a minute either side so one point still gets a readable axis. */
function xRange(times: readonly number[]): [number, number] {
  const first = times[0] ?? Date.now() / 1000;
  const last = times[times.length - 1] ?? first;
  return last - first < 2 * MINUTE_S ? [first - MINUTE_S, last + MINUTE_S] : [first, last];
}

/** uPlot's options for one function's chart (`times` in seconds, as uPlot counts time). */
const chartOptions = (width: number, times: readonly number[]): uPlot.Options => ({
  width,
  height: HEIGHT,
  legend: { show: false },
  scales: { x: { time: true, auto: false, range: xRange(times) }, ms: { auto: true } },
  series: [
    {},
    { label: 'invocations', stroke: '#0172ad', width: 1.5 },
    { label: 'errors', stroke: '#d93526', width: 1.5 },
    { label: 'p99 ms', stroke: '#8e8e8e', width: 1, scale: 'ms', dash: [4, 4] },
  ],
  axes: [
    {},
    { size: 40, values: (_chart, ticks) => ticks.map(shortNumber) },
    { scale: 'ms', side: 1, size: 44, grid: { show: false }, values: (_chart, ticks) => ticks.map(shortNumber) },
  ],
});

/** A small uPlot chart of one function's minutes: invocations and errors (left axis), p99 in ms (right axis). */
export function MetricChart({ series, label }: { series: FunctionMetrics['series']; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const widthOf = () => Math.max(200, element.clientWidth);
    const times = series.map((point) => Date.parse(point.at) / 1000);
    const data: uPlot.AlignedData = [
      times,
      series.map((point) => point.invocations),
      series.map((point) => point.errors),
      series.map((point) => point.p99Ms),
    ];
    let chart: uPlot | undefined;
    let cancelled = false;
    const observer = new ResizeObserver(() => chart?.setSize({ width: widthOf(), height: HEIGHT }));
    void loadUPlot().then((UPlot) => {
      if (cancelled) return;
      chart = new UPlot(chartOptions(widthOf(), times), data, element);
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      observer.disconnect();
      chart?.destroy();
    };
  }, [series]);
  return (
    <figure>
      <div ref={container} class="chart" role="img" aria-label={label} />
      <figcaption class="chart-legend">
        <span style={{ color: '#0172ad' }}>— invocations</span> <span style={{ color: '#d93526' }}>— errors</span>{' '}
        <span>- - p99 ms (right)</span>
      </figcaption>
    </figure>
  );
}
