import { verdictLabel } from '../format.js';

/** One input as the picture needs it. */
export interface PictureInput {
  id: string;
  name: string;
  from: string;
  stage?: string;
  verdict: string;
  share?: number;
  chokepoint: boolean;
}

/** The verdict of an input drawn though not assessed (its origin is not known). */
export const NOT_ASSESSED = 'not_assessed';
/** Most severe first; an input not assessed last. */
const SEVERITY = ['prohibited', 'license_required', 'needs_information', 'authorization_available', 'no_license_required', 'not_controlled'];
const severity = (verdict: string) => (verdict === NOT_ASSESSED ? SEVERITY.length + 1 : SEVERITY.indexOf(verdict) < 0 ? SEVERITY.length : SEVERITY.indexOf(verdict));
/** Characters the input box holds at its font size (its name is cut to leave room for the verdict). */
const INPUT_CHARS = 58;

const ROW = 46;
const COLS = { origin: 10, input: 140, stage: 600, site: 860 };
const BOX = { origin: 90, input: 400, stage: 220, site: 70 };
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The exposure as a picture: where each input comes from, the input coloured by its verdict (a
 * chokepoint outlined and marked "chokepoint"; a prohibited input darker than one that needs a licence; an input
 * whose origin is unknown grey and dashed, not assessed), the stage that takes it, and the site. Chokepoints come
 * first, the most severe first. Each shape's text says what the colour says.
 */
export function ChainPicture({ inputs, site, title }: { inputs: PictureInput[]; site: string; title: string }) {
  const rows = [...inputs].sort((a, b) => Number(b.chokepoint) - Number(a.chokepoint) || severity(a.verdict) - severity(b.verdict));
  const verdictWords = (r: PictureInput) => (r.verdict === NOT_ASSESSED ? 'origin unknown, not assessed' : `${verdictLabel(r.verdict)}${r.chokepoint ? ' ⚠ chokepoint' : ''}`);
  const stages = [...new Set(rows.map((r) => r.stage ?? 'named inputs'))];
  const stageY = new Map(stages.map((s) => [s, rows.reduce((acc, r, i) => ((r.stage ?? 'named inputs') === s ? [...acc, i] : acc), [] as number[])]));
  const yOf = (i: number) => 30 + i * ROW;
  const stageCentre = (s: string) => {
    const idx = stageY.get(s)!;
    return yOf((idx[0]! + idx[idx.length - 1]!) / 2);
  };
  const height = Math.max(yOf(rows.length) + 10, 120);
  const siteY = height / 2 - 15;
  return (
    <svg class="chain" role="img" viewBox={`0 0 ${COLS.site + BOX.site + 10} ${height}`} aria-labelledby="chain-title chain-desc">
      <title id="chain-title">{title}</title>
      <desc id="chain-desc">
        {rows.map((r) => (r.verdict === NOT_ASSESSED ? `${r.name}: origin unknown, not assessed, for ${r.stage ?? 'the plan'}` : `${r.name} from ${r.from}: ${verdictLabel(r.verdict)}${r.chokepoint ? ' (chokepoint)' : ''}, for ${r.stage ?? 'the plan'}`)).join('. ')}
      </desc>
      <text x={COLS.origin} y={14} class="heading">Origin</text>
      <text x={COLS.input} y={14} class="heading">Input and verdict (chokepoints first, most severe first)</text>
      <text x={COLS.stage} y={14} class="heading">Stage</text>
      <text x={COLS.site} y={14} class="heading">Site</text>
      {rows.map((r, i) => {
        const y = yOf(i);
        const sy = stageCentre(r.stage ?? 'named inputs');
        return (
          <g key={`${r.id}-${r.from}-${i}`} class="input" data-id={r.id} data-verdict={r.verdict} data-chokepoint={r.chokepoint}>
            <rect class="node origin" x={COLS.origin} y={y} width={BOX.origin} height={30} rx={4} />
            <text x={COLS.origin + 8} y={y + 19}>
              {r.from}
              {r.share !== undefined ? ` ${Math.round(r.share * 100)}%` : ''}
            </text>
            <line class="edge" x1={COLS.origin + BOX.origin} y1={y + 15} x2={COLS.input} y2={y + 15} />
            <rect class={`node fill-${r.verdict.replace(/_/g, '-')}${r.chokepoint ? ' chokepoint' : ''}`} x={COLS.input} y={y} width={BOX.input} height={30} rx={4} />
            <text x={COLS.input + 8} y={y + 19}>
              {clip(r.name, Math.max(12, INPUT_CHARS - verdictWords(r).length - 3))} — {verdictWords(r)}
            </text>
            <line class="edge" x1={COLS.input + BOX.input} y1={y + 15} x2={COLS.stage} y2={sy + 15} />
          </g>
        );
      })}
      {stages.map((s) => (
        <g key={s}>
          <rect class="node stage" x={COLS.stage} y={stageCentre(s)} width={BOX.stage} height={30} rx={4} />
          <text x={COLS.stage + 8} y={stageCentre(s) + 19}>
            {clip(s, 30)}
          </text>
          <line class="edge" x1={COLS.stage + BOX.stage} y1={stageCentre(s) + 15} x2={COLS.site} y2={siteY + 15} />
        </g>
      ))}
      <rect class="node site" x={COLS.site} y={siteY} width={BOX.site} height={30} rx={4} />
      <text x={COLS.site + 8} y={siteY + 19}>
        {site}
      </text>
    </svg>
  );
}
