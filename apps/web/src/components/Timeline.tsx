import type { StatusInterval } from '@chokepoint/core';
import { words } from '../format.js';

const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const year = (ms: number) => new Date(ms).getUTCFullYear();

/** The time span a set of timelines is drawn over: a year either side of their dated changes and of `at`. */
export function timelineDomain(timelines: StatusInterval[][], at: string): [number, number] {
  const dates = timelines.flatMap((t) => t.flatMap((i) => [i.from, i.to])).filter((d): d is string => !!d).map(toMs);
  dates.push(toMs(at));
  return [Date.UTC(year(Math.min(...dates)), 0, 1), Date.UTC(year(Math.max(...dates)) + 2, 0, 1)];
}

interface Props {
  intervals: StatusInterval[];
  domain: [number, number];
  at: string;
  label: string;
  width?: number;
  height?: number;
  axis?: boolean;
}

/**
 * A measure's status over time as an SVG bar: one rectangle per interval, coloured and patterned by
 * status (in force, suspended, repealed, not yet in force), with a line at the chosen date. The
 * intervals are also listed in the title so that the picture is never the only record.
 */
export function Timeline({ intervals, domain, at, label, width = 420, height = 22, axis = false }: Props) {
  const [start, end] = domain;
  const x = (ms: number) => ((Math.min(Math.max(ms, start), end) - start) / (end - start)) * width;
  const barH = axis ? height - 14 : height;
  const description = intervals.map((i) => `${words(i.status)} ${i.from ?? 'before'} – ${i.to ?? 'open'}`).join('; ');
  const ticks: number[] = [];
  if (axis) for (let y = year(start); y <= year(end); y++) ticks.push(Date.UTC(y, 0, 1));
  return (
    <svg class="timeline" role="img" viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-label={`${label}: ${description}`}>
      <title>{`${label}: ${description}`}</title>
      {intervals.map((i) => {
        const x0 = x(i.from ? toMs(i.from) : start);
        const x1 = x(i.to ? toMs(i.to) + DAY : end);
        return <rect key={`${i.from}-${i.status}`} class={`span span-${i.status}`} data-status={i.status} x={x0} y={0} width={Math.max(x1 - x0, 1)} height={barH} />;
      })}
      <line class="at" x1={x(toMs(at))} x2={x(toMs(at))} y1={0} y2={barH} />
      {ticks.map((t) => (
        <text key={t} x={x(t) + 2} y={height - 2} class="tick">
          {year(t)}
        </text>
      ))}
    </svg>
  );
}

/** The key to the timeline colours. */
export function TimelineLegend() {
  return (
    <ul class="legend" aria-label="Timeline key">
      {['in_force', 'suspended', 'repealed', 'not_yet_in_force'].map((s) => (
        <li key={s}>
          <svg width="14" height="14" aria-hidden="true">
            <rect class={`span span-${s}`} width="14" height="14" />
          </svg>{' '}
          {words(s)}
        </li>
      ))}
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <line class="at" x1="7" x2="7" y1="0" y2="14" />
        </svg>{' '}
        the chosen date
      </li>
    </ul>
  );
}
