/**
 * The patient's own relief over time, hand-drawn in SVG (no chart library: the diary page stays small).
 * Relief % = (pre − score) / pre × 100 when a pre-block score exists (and is not 0); else the pain score
 * itself. x is hours after the block on a square-root scale (the first hours, where most entries are, get
 * room), with labelled ticks. Screen readers get a summary; the numbers are in the entries table.
 */
import { fill } from '../../shared/i18n';
import type { DiaryText } from './strings';

export interface Point {
  id: string;
  minutes: number;
  score: number;
  /** Relief % (rounded) when there is a pre-block score, else null. */
  relief: number | null;
  queued: boolean;
}

export function reliefOf(pre: number | null, score: number): number | null {
  return pre ? Math.round(((pre - score) / pre) * 100) : null;
}

/** "15 min", "1.5 h", "24 h". */
export function shortTime(minutes: number, t: DiaryText): string {
  if (minutes < 60) return fill(t.minShort, { n: minutes });
  return fill(t.hourShort, { n: Math.round((minutes / 60) * 10) / 10 });
}

const W = 340;
const H = 200;
const L = 38;
const R = 12;
const T = 10;
const B = 34;
const TICKS_H = [0, 1, 2, 4, 8, 12, 24, 48, 72, 168, 336];

export function Chart(props: { points: Point[]; t: DiaryText }) {
  const { points, t } = props;
  if (!points.length) return <p className="muted">{t.chartNone}</p>;
  const relief = points[0]!.relief !== null;
  const value = (p: Point) => (relief ? p.relief! : p.score);
  const maxH = Math.max(6, ...points.map((p) => p.minutes / 60));
  const top = TICKS_H.find((h) => h >= maxH) ?? maxH;
  const x = (h: number) => L + Math.sqrt(Math.max(0, h) / top) * (W - L - R);
  const lo = relief ? Math.min(0, Math.floor(Math.min(...points.map(value)) / 25) * 25) : 0;
  const hi = relief ? 100 : 10;
  const y = (v: number) => T + ((hi - v) / (hi - lo)) * (H - T - B);
  const yTicks: number[] = [];
  for (let v = lo; v <= hi; v += relief ? 25 : 2) yTicks.push(v);
  const sorted = [...points].sort((a, b) => a.minutes - b.minutes);
  const best = sorted.reduce((b, p) => ((relief ? value(p) > value(b) : value(p) < value(b)) ? p : b));
  const last = sorted[sorted.length - 1]!;
  const summary = fill(relief ? t.chartSummary : t.chartSummaryPain, {
    count: sorted.length,
    last: shortTime(last.minutes, t),
    best: value(best),
    bestAt: shortTime(best.minutes, t),
    latest: value(last),
  });
  return (
    <figure className="diary-chart">
      <figcaption>{relief ? t.chartRelief : t.chartPain}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t.chartTitle}. ${summary}`}>
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} className={v === 0 ? 'axis' : 'grid'} />
            <text x={L - 6} y={y(v) + 4} textAnchor="end">
              {relief ? `${v}%` : v}
            </text>
          </g>
        ))}
        {TICKS_H.filter((h) => h <= top).map((h) => (
          <text key={h} x={x(h)} y={H - B + 16} textAnchor="middle">
            {h}
          </text>
        ))}
        <text x={(L + W - R) / 2} y={H - 3} textAnchor="middle">
          {t.hoursAxis}
        </text>
        <polyline points={sorted.map((p) => `${x(p.minutes / 60)},${y(value(p))}`).join(' ')} />
        {sorted.map((p) => (
          <circle
            key={p.id}
            cx={x(p.minutes / 60)}
            cy={y(value(p))}
            r={5}
            className={p.queued ? 'queued' : undefined}
          />
        ))}
      </svg>
    </figure>
  );
}
