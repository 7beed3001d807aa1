// Peers for the engine figure: the same decision the plugins' lists encode, control code ×
// destination (country, EU or not) × date range → verdict, as one flat table, evaluated by GoRules
// zen-engine (a JDM decision table, hit policy "first"), by json-rules-engine (one rule per row) and
// by a plain Map lookup (the floor). Rows come from the installed plugins' own entries; the small
// table is an even sample of the large one.
import { ZenEngine } from '@gorules/zen-engine';
import { Engine as RulesEngine } from 'json-rules-engine';

const dayNumber = (iso) => Number(iso.replaceAll('-', ''));

/** Rows {code, countries?, eu?, from, to, verdict} from every plugin entry that has a list code. */
export function tableRows(plugins, taxonomy, limit) {
  const rows = [];
  for (const p of plugins) {
    const measures = new Map(p.measures.map((m) => [m.id, m]));
    for (const e of p.entries) {
      if (!e.code) continue;
      const eff = e.effective ?? measures.get(e.measure)?.effective;
      if (!eff) continue;
      const base = { code: e.code, from: dayNumber(eff.from), to: eff.to ? dayNumber(eff.to) : 99991231, verdict: e.requirement };
      const d = e.destinations;
      if (d?.exclude?.includes('group:EU')) rows.push({ ...base, eu: false });
      else if (d?.include) {
        const countries = d.include.filter((r) => !r.startsWith('group:'));
        if (d.include.includes('group:EU')) rows.push({ ...base, eu: true });
        if (countries.length) rows.push({ ...base, countries });
      } else rows.push(base);
    }
  }
  if (rows.length <= limit) return rows;
  const step = rows.length / limit;
  return Array.from({ length: limit }, (_, i) => rows[Math.floor(i * step)]);
}

/** The peers' input for each request: a list code (the request's own, else one of the table's), the destination and the day. */
export function tableInputs(requests, rows, taxonomy, rand) {
  const codes = [...new Set(rows.map((r) => r.code))];
  return requests.map((r) => {
    const own = r.item.cnControlCode ?? r.item.eccn ?? r.item.euCode;
    return {
      code: own ?? (rand() < 0.8 ? codes[Math.floor(rand() * codes.length)] : 'EAR99'),
      country: r.to,
      eu: taxonomy.isMember('EU', r.to, r.date) ?? false,
      day: dayNumber(r.date),
    };
  });
}

/** A zen-engine decision over the rows; `evaluate(input)` resolves to the verdict. */
export function zenDecision(rows) {
  const q = (s) => JSON.stringify(s);
  const rules = rows.map((r, i) => ({
    _id: `r${i}`,
    code: q(r.code),
    country: r.countries ? r.countries.map(q).join(', ') : '',
    eu: r.eu === undefined ? '' : String(r.eu),
    day: `[${r.from}..${r.to}]`,
    verdict: q(r.verdict),
  }));
  rules.push({ _id: 'default', code: '', country: '', eu: '', day: '', verdict: q('not_controlled') });
  const content = {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'request', position: { x: 0, y: 0 } },
      {
        id: 'table', type: 'decisionTableNode', name: 'lists', position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'first',
          inputs: ['code', 'country', 'eu', 'day'].map((f) => ({ id: f, name: f, field: f })),
          outputs: [{ id: 'verdict', name: 'verdict', field: 'verdict' }],
          rules,
        },
      },
      { id: 'out', type: 'outputNode', name: 'answer', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'table', type: 'edge' },
      { id: 'e2', sourceId: 'table', targetId: 'out', type: 'edge' },
    ],
  };
  const decision = new ZenEngine().createDecision(content);
  return async (input) => (await decision.evaluate(input)).result.verdict;
}

/** json-rules-engine over the rows: one rule per row, priority keeping the table's order. */
export function rulesEngine(rows) {
  const engine = new RulesEngine([], { allowUndefinedFacts: true });
  rows.forEach((r, i) => {
    const all = [
      { fact: 'code', operator: 'equal', value: r.code },
      { fact: 'day', operator: 'greaterThanInclusive', value: r.from },
      { fact: 'day', operator: 'lessThanInclusive', value: r.to },
    ];
    if (r.countries) all.push({ fact: 'country', operator: 'in', value: r.countries });
    if (r.eu !== undefined) all.push({ fact: 'eu', operator: 'equal', value: r.eu });
    engine.addRule({ conditions: { all }, event: { type: r.verdict }, priority: rows.length - i + 1 });
  });
  return async (input) => {
    const { events } = await engine.run(input);
    return events[0]?.type ?? 'not_controlled';
  };
}

/** The floor: rows grouped by code in a Map, scanned in order. */
export function mapLookup(rows) {
  const byCode = new Map();
  for (const r of rows) {
    const list = byCode.get(r.code) ?? [];
    list.push(r);
    byCode.set(r.code, list);
  }
  return (input) => {
    for (const r of byCode.get(input.code) ?? []) {
      if (input.day < r.from || input.day > r.to) continue;
      if (r.eu !== undefined && r.eu !== input.eu) continue;
      if (r.countries && !r.countries.includes(input.country)) continue;
      return r.verdict;
    }
    return 'not_controlled';
  };
}
