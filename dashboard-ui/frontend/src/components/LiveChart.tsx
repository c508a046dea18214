import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MetricPoint } from '../live/liveStore';

const COLOURS = ['#1f5fbf', '#b3361f', '#2d7d32', '#7b3fa0', '#a86400', '#00727a', '#5a5a5a', '#c2185b'];

/** Aligns per-replica series on one time axis as uPlot wants it (seconds; a gap where a replica has no sample). */
export function alignSeries(series: Record<string, MetricPoint[]>): { replicas: string[]; data: uPlot.AlignedData } {
  const replicas = Object.keys(series).sort();
  const times = Array.from(new Set(replicas.flatMap((replica) => series[replica].map((point) => point.t)))).sort((a, b) => a - b);
  const index = new Map(times.map((time, at) => [time, at]));
  const columns = replicas.map((replica) => {
    const column: (number | null)[] = new Array(times.length).fill(null);
    for (const point of series[replica]) column[index.get(point.t)!] = point.v;
    return column;
  });
  return { replicas, data: [times.map((time) => time / 1000), ...columns] as uPlot.AlignedData };
}

/** A live line chart of one metric, one line per replica. */
export function LiveChart({ metric, unit, series }: { metric: string; unit?: string; series: Record<string, MetricPoint[]> }) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot>(undefined);
  const { replicas, data } = alignSeries(series);
  const shape = replicas.join(',');

  const [unavailable, setUnavailable] = useState(false);
  const latestData = useRef(data);
  latestData.current = data;

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    let cancelled = false;
    let resize: ResizeObserver | undefined;
    // uPlot is loaded on first use: the login and setup pages do not pay for it, and a browser without canvas
    // (or a test DOM) gets the values in words instead of a broken chart.
    import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      const width = Math.max(240, element.clientWidth || 320);
      plot.current = new UPlot({
        width,
        height: 180,
        series: [{}, ...replicas.map((replica, at) => ({ label: replica, stroke: COLOURS[at % COLOURS.length], width: 2, spanGaps: true }))],
        axes: [{}, { label: unit, size: 60 }],
        legend: { show: true },
      }, latestData.current, element);
      resize = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(240, element.clientWidth), height: 180 }));
      resize.observe(element);
    }).catch(() => { if (!cancelled) setUnavailable(true); });
    return () => { cancelled = true; resize?.disconnect(); plot.current?.destroy(); plot.current = undefined; };
    // Rebuilt only when the set of replicas changes; new points go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, unit]);

  useEffect(() => { plot.current?.setData(data); });

  const latest = replicas.map((replica) => {
    const points = series[replica];
    return `${replica}: ${points.length ? formatValue(points[points.length - 1].v) : 'no data'}`;
  }).join(', ');
  return (
    <figure className="chart" data-testid={`chart-${metric}`}>
      <figcaption>{metric}{unit ? ` (${unit})` : ''}</figcaption>
      <div ref={holder} role="img" aria-label={`${metric}, latest values: ${latest}`} />
      {unavailable ? <p className="hint">Latest: {latest}</p> : null}
    </figure>
  );
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e6) return value.toExponential(3);
  return Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}
