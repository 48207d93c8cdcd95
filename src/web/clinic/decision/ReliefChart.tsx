/**
 * A block's diary as a curve: relief % (0–100) over the time after the block, the policy's threshold line
 * (labelled, ≥ or >) and the agent's expected window shaded. Hand-written SVG (no chart library); the
 * picture has a text summary for screen readers and the numbers are in a table beside it.
 */
import { useSyncExternalStore } from 'react';
import { TableWrap } from '../TableWrap';

export interface ReliefPoint {
  minutesAfter: number;
  score: number;
  reliefPercent: number;
}

export interface ReliefChartProps {
  points: ReliefPoint[];
  threshold: number;
  thresholdInclusive: boolean;
  agent: string | null;
  agentWindow: { fromMinutes: number; toMinutes: number } | null;
  peakReliefPercent: number | null;
  durationMinutes: number;
}

const NARROW = '(max-width: 40rem)';

/** True on a phone-sized screen: the chart is drawn on a smaller canvas so its labels stay legible. */
function useNarrow(): boolean {
  return useSyncExternalStore(
    (l) => {
      const m = window.matchMedia(NARROW);
      m.addEventListener('change', l);
      return () => m.removeEventListener('change', l);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

export const percent = (n: number) => `${Math.round(n)} %`;
export const sign = (inclusive: boolean) => (inclusive ? '≥' : '>');

export function formatMinutes(m: number): string {
  if (m < 60) return `${m} min`;
  const h = m / 60;
  return `${m} min (${Number.isInteger(h) ? h : h.toFixed(1)} h)`;
}

/** A tick every 15 min, 30 min, 1, 2, 4 or 8 h: the first that keeps the ticks at most `max`. */
function tickStep(span: number, max: number): number {
  for (const step of [15, 30, 60, 120, 240, 480]) if (span / step <= max) return step;
  return 960;
}

export function chartSummary(p: ReliefChartProps): string {
  const parts = [
    `Relief over time after the block, ${p.points.length} diary ${p.points.length === 1 ? 'entry' : 'entries'}.`,
  ];
  if (p.peakReliefPercent !== null) {
    const peak = p.points.find((x) => x.reliefPercent === p.peakReliefPercent);
    parts.push(`Peak relief ${percent(p.peakReliefPercent)}${peak ? ` at ${peak.minutesAfter} min` : ''}.`);
  }
  parts.push(`Threshold ${sign(p.thresholdInclusive)} ${p.threshold} %.`);
  if (p.durationMinutes > 0) parts.push(`Relief at the threshold until ${p.durationMinutes} min.`);
  if (p.agentWindow && p.agent) {
    parts.push(
      `Expected ${p.agent} window shaded from ${p.agentWindow.fromMinutes} to ${p.agentWindow.toMinutes} min.`,
    );
  }
  return parts.join(' ');
}

export function ReliefChart(props: ReliefChartProps) {
  const { points, threshold, agentWindow } = props;
  const narrow = useNarrow();
  const W = narrow ? 360 : 640;
  const H = narrow ? 260 : 280;
  const PAD = { left: 46, right: 12, top: 16, bottom: 44 };
  const last = points.length ? points[points.length - 1]!.minutesAfter : 0;
  const span = Math.max(last, agentWindow?.toMinutes ?? 0, 60);
  const step = tickStep(span, narrow ? 5 : 10);
  const maxX = Math.ceil(span / step) * step;
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const X = (m: number) => PAD.left + (m / maxX) * iw;
  const Y = (p: number) => PAD.top + ih - (Math.max(0, Math.min(100, p)) / 100) * ih;
  const ticks: number[] = [];
  for (let m = 0; m <= maxX; m += step) ticks.push(m);
  const thresholdLabel = `Threshold ${sign(props.thresholdInclusive)} ${threshold} %`;

  return (
    <svg
      className="relief-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={chartSummary(props)}
      data-testid="relief-chart"
    >
      {agentWindow && (
        <g className="agent-window">
          <rect
            x={X(Math.min(agentWindow.fromMinutes, maxX))}
            y={PAD.top}
            width={Math.max(
              0,
              X(Math.min(agentWindow.toMinutes, maxX)) - X(Math.min(agentWindow.fromMinutes, maxX)),
            )}
            height={ih}
          />
          <text x={X(Math.min(agentWindow.fromMinutes, maxX)) + 6} y={PAD.top + 14}>
            {`${props.agent ?? 'agent'} expected ${agentWindow.fromMinutes}–${agentWindow.toMinutes} min`}
          </text>
        </g>
      )}
      <g className="grid">
        {[0, 20, 40, 60, 80, 100].map((p) => (
          <g key={p}>
            <line x1={PAD.left} x2={W - PAD.right} y1={Y(p)} y2={Y(p)} />
            <text x={PAD.left - 8} y={Y(p) + 4} textAnchor="end">
              {`${p} %`}
            </text>
          </g>
        ))}
        {ticks.map((m) => (
          <text key={m} x={X(m)} y={H - PAD.bottom + 18} textAnchor="middle">
            {m % 60 === 0 ? `${m / 60} h` : `${m} min`}
          </text>
        ))}
        <text x={PAD.left + iw / 2} y={H - 6} textAnchor="middle">
          Time after the block
        </text>
      </g>
      <line className="axis" x1={PAD.left} x2={W - PAD.right} y1={Y(0)} y2={Y(0)} />
      <line className="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={Y(0)} />
      <g className="threshold" data-testid="threshold-line">
        <line x1={PAD.left} x2={W - PAD.right} y1={Y(threshold)} y2={Y(threshold)} />
        <text x={W - PAD.right - 4} y={Y(threshold) - 6} textAnchor="end">
          {thresholdLabel}
        </text>
      </g>
      {points.length > 0 && (
        <g className="curve">
          <polyline points={points.map((p) => `${X(p.minutesAfter)},${Y(p.reliefPercent)}`).join(' ')} />
          {points.map((p) => (
            <circle key={p.minutesAfter} cx={X(p.minutesAfter)} cy={Y(p.reliefPercent)} r={4.5} />
          ))}
        </g>
      )}
    </svg>
  );
}

/** The chart's numbers, for everyone who does not read pictures. */
export function ReliefTable(props: { points: ReliefPoint[]; caption: string }) {
  return (
    <TableWrap label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Minutes after the block</th>
            <th scope="col">Pain score (0–10)</th>
            <th scope="col">Relief</th>
          </tr>
        </thead>
        <tbody>
          {props.points.map((p) => (
            <tr key={p.minutesAfter}>
              <td>{p.minutesAfter}</td>
              <td>{p.score}</td>
              <td>{`${Number.isInteger(p.reliefPercent) ? p.reliefPercent : p.reliefPercent.toFixed(1)} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
