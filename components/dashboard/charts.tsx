/**
 * Small inline-SVG charts for the metrics page: bars for cohorts, histograms and months, a line for rates over time,
 * a ring for one share. No library: each is a few dozen lines, scales with its card, and carries its numbers as
 * text (value labels and an accessible table) so nobody has to read a figure off an axis.
 */
import type { ReactNode } from 'react';

export interface Datum {
  label: string;
  /** null: no data for this bar (drawn as a dash, never as zero). */
  value: number | null;
  /** A second line under the label ("12 clients"). */
  sub?: string;
}

const W = 600;
const H = 190;
const TOP = 22;
const BOTTOM = 38;
const LEFT = 8;

function niceMax(values: (number | null)[], floor: number): number {
  let m = floor;
  for (const v of values) if (v !== null && v > m) m = v;
  return m;
}

function Frame({ label, children, data, format }: { label: string; children: ReactNode; data: Datum[]; format(v: number): string }) {
  return (
    <figure className="chart" aria-label={label}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        {children}
      </svg>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th>{d.label}</th>
              <td>{d.value === null ? 'no data' : format(d.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Grid({ max, format }: { max: number; format(v: number): string }) {
  const plot = H - TOP - BOTTOM;
  return (
    <g className="chart-grid">
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={LEFT} x2={W} y1={TOP + plot * (1 - f)} y2={TOP + plot * (1 - f)} />
          {f > 0 ? (
            <text x={W - 2} y={TOP + plot * (1 - f) - 3} textAnchor="end" className="chart-axis">
              {format(max * f)}
            </text>
          ) : null}
        </g>
      ))}
    </g>
  );
}

function XLabels({ data, slot }: { data: Datum[]; slot: number }) {
  const every = data.length > 14 ? Math.ceil(data.length / 12) : 1;
  return (
    <g>
      {data.map((d, i) =>
        i % every === 0 ? (
          <g key={d.label}>
            <text x={LEFT + slot * (i + 0.5)} y={H - BOTTOM + 15} textAnchor="middle" className="chart-label">
              {d.label}
            </text>
            {d.sub ? (
              <text x={LEFT + slot * (i + 0.5)} y={H - BOTTOM + 29} textAnchor="middle" className="chart-sub">
                {d.sub}
              </text>
            ) : null}
          </g>
        ) : null,
      )}
    </g>
  );
}

/** Vertical bars with their values on top. */
export function BarChart({ data, label, format, floor = 1, tone = 'brand' }: { data: Datum[]; label: string; format(v: number): string; floor?: number; tone?: 'brand' | 'ok' | 'warn' | 'bad' }) {
  const max = niceMax(data.map((d) => d.value), floor);
  const plot = H - TOP - BOTTOM;
  const slot = (W - LEFT - 40) / Math.max(1, data.length);
  const bw = Math.min(44, slot * 0.64);
  return (
    <Frame label={label} data={data} format={format}>
      <Grid max={max} format={format} />
      {data.map((d, i) => {
        const x = LEFT + slot * (i + 0.5);
        if (d.value === null) {
          return (
            <text key={d.label} x={x} y={TOP + plot - 4} textAnchor="middle" className="chart-none">
              –
            </text>
          );
        }
        const h = Math.max(d.value > 0 ? 2 : 0, (d.value / max) * plot);
        return (
          <g key={d.label}>
            <rect x={x - bw / 2} y={TOP + plot - h} width={bw} height={h} rx={2} className={`chart-bar chart-${tone}`}>
              <title>{`${d.label}: ${format(d.value)}`}</title>
            </rect>
            <text x={x} y={TOP + plot - h - 5} textAnchor="middle" className="chart-value">
              {format(d.value)}
            </text>
          </g>
        );
      })}
      <XLabels data={data} slot={slot} />
    </Frame>
  );
}

/** A line over time; months with no data break the line. */
export function LineChart({ data, label, format, floor = 0.1, tone = 'brand' }: { data: Datum[]; label: string; format(v: number): string; floor?: number; tone?: 'brand' | 'ok' | 'warn' | 'bad' }) {
  const max = niceMax(data.map((d) => d.value), floor);
  const plot = H - TOP - BOTTOM;
  const slot = (W - LEFT - 40) / Math.max(1, data.length);
  const pts = data.map((d, i) => (d.value === null ? null : { x: LEFT + slot * (i + 0.5), y: TOP + plot - (d.value / max) * plot, d }));
  const segments: string[] = [];
  let run: string[] = [];
  for (const p of pts) {
    if (p) run.push(`${p.x},${p.y}`);
    else if (run.length) {
      segments.push(run.join(' '));
      run = [];
    }
  }
  if (run.length) segments.push(run.join(' '));
  return (
    <Frame label={label} data={data} format={format}>
      <Grid max={max} format={format} />
      {segments.map((s) => (
        <polyline key={s} points={s} className={`chart-line chart-${tone}`} />
      ))}
      {pts.map((p, i) =>
        p ? (
          <g key={data[i]!.label}>
            <circle cx={p.x} cy={p.y} r={4} className={`chart-dot chart-${tone}`}>
              <title>{`${p.d.label}: ${format(p.d.value!)}`}</title>
            </circle>
            <text x={p.x} y={p.y - 8} textAnchor="middle" className="chart-value">
              {format(p.d.value!)}
            </text>
          </g>
        ) : (
          <text key={data[i]!.label} x={LEFT + slot * (i + 0.5)} y={TOP + plot - 4} textAnchor="middle" className="chart-none">
            –
          </text>
        ),
      )}
      <XLabels data={data} slot={slot} />
    </Frame>
  );
}

/** One share as a ring with the percentage in the middle. */
export function Ring({ value, label, tone = 'brand' }: { value: number; label: string; tone?: 'brand' | 'ok' | 'warn' | 'bad' }) {
  const r = 42;
  const c = 2 * Math.PI * r;
  const v = Math.max(0, Math.min(1, value));
  return (
    <svg viewBox="0 0 110 110" className="ring" role="img" aria-label={`${label}: ${Math.round(v * 100)}%`}>
      <circle cx={55} cy={55} r={r} className="ring-track" />
      <circle cx={55} cy={55} r={r} className={`ring-value chart-${tone}`} strokeDasharray={`${c * v} ${c}`} transform="rotate(-90 55 55)" />
      <text x={55} y={62} textAnchor="middle" className="ring-text">
        {Math.round(v * 100)}%
      </text>
    </svg>
  );
}

/** A headline number with what it is and a line of context. */
export function Stat({ label, value, sub, tone }: { label: string; value: string; sub?: ReactNode; tone?: 'ok' | 'warn' | 'bad' }) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
      {sub ? <span className="stat-sub">{sub}</span> : null}
    </div>
  );
}
