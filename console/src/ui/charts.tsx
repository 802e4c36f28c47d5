/**
 * Hand-written SVG charts (no chart library): vertical bars, grouped bars and horizontal bars.
 * Each is a <figure> whose SVG is hidden from assistive technology and paired with a
 * visually-hidden table holding the same numbers — the chart's text alternative.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { barLayout, niceScale } from '../lib/chart-scale.js';

const W = 600;
const H = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 40 };

function Frame(props: { title: string; table: ComponentChildren; children: ComponentChildren; legend?: ComponentChildren }) {
  const id = useId();
  return (
    <figure class="chart" aria-labelledby={id}>
      <figcaption id={id}>{props.title}</figcaption>
      {props.legend}
      <svg viewBox={`0 0 ${W} ${H}`} role="presentation" aria-hidden="true" focusable="false" preserveAspectRatio="xMidYMid meet">
        {props.children}
      </svg>
      <table class="visually-hidden">
        <caption>{props.title}</caption>
        {props.table}
      </table>
    </figure>
  );
}

function Axis(props: { ticks: number[]; max: number; format: (n: number) => string }) {
  const plotH = H - PAD.top - PAD.bottom;
  return (
    <g class="axis">
      {props.ticks.map((v) => {
        const y = PAD.top + plotH - (v / props.max) * plotH;
        return (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} class="grid" />
            <text x={PAD.left - 6} y={y + 4} text-anchor="end">
              {props.format(v)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

export interface Series {
  name: string;
  /** CSS class giving the fill (chart-a, chart-b…). */
  cls: string;
  values: number[];
}

/**
 * Bars per label; several series are drawn side by side within each label's slot.
 * @example <BarChart title="Bookings per week" labels={['16 Nov']} series={[{ name: 'Bookings', cls: 'chart-a', values: [4] }]} format={String} />
 */
export function BarChart(props: {
  title: string;
  labels: string[];
  series: Series[];
  format: (n: number) => string;
  labelHeader: string;
  integer?: boolean;
  /** An axis the caller built in its own unit (durationAxis); else a 1-2-5 scale of the values. */
  scale?: { max: number; ticks: number[] };
}) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const scale = props.scale ?? niceScale(props.series.flatMap((s) => s.values), 4, props.integer);
  const slots = barLayout(props.labels.map(() => 0), plotW, plotH, 1, 0.2, 90 * props.series.length);
  const every = Math.ceil(props.labels.length / 12);
  return (
    <Frame
      title={props.title}
      legend={
        props.series.length > 1 && (
          <ul class="legend" aria-hidden="true">
            {props.series.map((s) => (
              <li key={s.name}>
                <span class={`swatch ${s.cls}`} />
                {s.name}
              </li>
            ))}
          </ul>
        )
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{props.labelHeader}</th>
              {props.series.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.labels.map((l, i) => (
              <tr key={l}>
                <th scope="row">{l}</th>
                {props.series.map((s) => (
                  <td key={s.name}>{props.format(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <Axis ticks={scale.ticks} max={scale.max} format={props.format} />
      {slots.map((slot, i) => {
        const bars = barLayout(
          props.series.map((s) => s.values[i] ?? 0),
          slot.width,
          plotH,
          scale.max,
          0.1,
          90,
        );
        return (
          <g key={i} transform={`translate(${PAD.left + slot.x} ${PAD.top})`}>
            {bars.map((b, j) => (
              <rect key={j} class={props.series[j]!.cls} x={b.x} y={b.y} width={b.width} height={b.height} rx={2} />
            ))}
            {i % every === 0 && (
              <text x={slot.width / 2} y={plotH + 18} text-anchor="middle">
                {props.labels[i]}
              </text>
            )}
          </g>
        );
      })}
    </Frame>
  );
}

/** One horizontal bar per row with its value printed at the end (conversion by intent…). */
export function HBarChart(props: { title: string; rows: { label: string; value: number; detail?: string }[]; max?: number; format: (n: number) => string; headers: [string, string] }) {
  const rowH = 28;
  const height = Math.max(rowH, props.rows.length * rowH) + 8;
  const labelW = 160;
  const valueW = 90;
  const max = props.max ?? niceScale(props.rows.map((r) => r.value)).max;
  const plotW = W - labelW - valueW;
  const id = useId();
  return (
    <figure class="chart" aria-labelledby={id}>
      <figcaption id={id}>{props.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} aria-hidden="true" focusable="false">
        {props.rows.map((r, i) => {
          const w = max > 0 ? (Math.max(0, r.value) / max) * plotW : 0;
          const y = 4 + i * rowH;
          return (
            <g key={r.label}>
              <text x={labelW - 8} y={y + 18} text-anchor="end">
                {r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label}
              </text>
              <rect class="chart-a" x={labelW} y={y + 4} width={w} height={rowH - 10} rx={2} />
              <text x={labelW + w + 6} y={y + 18}>
                {props.format(r.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="visually-hidden">
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{props.headers[0]}</th>
            <th scope="col">{props.headers[1]}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>
                {props.format(r.value)}
                {r.detail ? ` (${r.detail})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
