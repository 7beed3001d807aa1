import { searchWithNames, ValidationError, type Engine, type ItemRef } from '@chokepoint/core';
import type { Taxonomy } from '@chokepoint/taxonomy';
import type { Api } from '../api.js';
import { HttpProblem, problems } from '../problem.js';
import { arrayOf, ChangesQuery, CompareQuery, MeasureParams, MeasureQuery, MeasuresQuery, problemContent, ref, TaxonomyParams, TaxonomyQuery } from '../schemas.js';

const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const notFound = { description: 'No such resource', content: problemContent };

/** Read-only routes over the taxonomy and the installed plugins' data. */
export function referenceRoutes(api: Api, engine: Engine, taxonomy: Taxonomy): void {
  api.route({
    method: 'get', path: '/v1/taxonomy', summary: 'Search the taxonomy', tags: ['taxonomy'], role: 'read', query: TaxonomyQuery,
    responses: { 200: json('Matching nodes, best first', arrayOf('TaxonomySearchHit')) },
    handler: (_req, res, { query }) => {
      res.json(searchWithNames(taxonomy, query.q, query.limit ?? 10));
    },
  });
  api.route({
    method: 'get', path: '/v1/taxonomy/{id}', expressPath: '/v1/taxonomy/*id', summary: 'One taxonomy node with its facts (the ID may contain /)', tags: ['taxonomy'], role: 'read', params: TaxonomyParams,
    responses: { 200: json('The node with its children and facts', ref('TaxonomyNodeDetails')), 404: notFound },
    handler: (_req, res, { params }) => {
      const node = taxonomy.details(params.id);
      if (!node) throw new HttpProblem(problems.notFound(`No taxonomy node "${params.id}"; search with GET /v1/taxonomy?q=`));
      res.json(node);
    },
  });
  api.route({
    method: 'get', path: '/v1/jurisdictions', summary: 'Countries and groups of countries', tags: ['taxonomy'], role: 'read',
    responses: { 200: json('Countries and groups of countries', ref('Jurisdictions')) },
    handler: (_req, res) => {
      res.json({ countries: taxonomy.countries(), groups: taxonomy.groups() });
    },
  });
  api.route({
    method: 'get', path: '/v1/measures', summary: 'Measures with their status on a date', tags: ['measures'], role: 'read', query: MeasuresQuery,
    responses: { 200: json('Measures (CONTRACT §4 measures --json)', arrayOf('MeasureView')) },
    handler: (_req, res, { query }) => {
      try {
        res.json(engine.measures({ ...(query.jurisdiction ? { jurisdiction: query.jurisdiction } : {}), ...(query.asOf ? { asOf: query.asOf } : {}), ...(query.item ? { itemId: query.item } : {}) }));
      } catch (err) {
        // The engine names its own option (itemId); the caller sent the query parameter `item`.
        if (err instanceof ValidationError) throw new ValidationError(err.errors.map((e) => (e.path === 'itemId' ? { ...e, path: 'item' } : e)), err.code);
        throw err;
      }
    },
  });
  api.route({
    method: 'get', path: '/v1/measures/{id}', summary: 'One measure and its status on a date', tags: ['measures'], role: 'read', params: MeasureParams, query: MeasureQuery,
    responses: { 200: json('The measure, with `entryList`: the list entries that belong to it', ref('MeasureDetail')), 404: notFound },
    handler: (_req, res, { params, query }) => {
      const m = engine.measure(params.id, query.asOf);
      if (!m) throw new HttpProblem(problems.notFound(`No measure "${params.id}"; list them with GET /v1/measures`));
      res.json({ ...m, entryList: engine.measureEntries(params.id) });
    },
  });
  api.route({
    method: 'get', path: '/v1/changes', summary: 'What came into force, was suspended or ended in a window', tags: ['measures'], role: 'read', query: ChangesQuery,
    responses: { 200: json('Dated events, oldest first (CONTRACT §4 changes --json)', arrayOf('ChangeView')) },
    handler: (_req, res, { query }) => {
      res.json(engine.changes({ from: query.from, to: query.to, ...(query.jurisdiction ? { jurisdiction: query.jurisdiction } : {}) }));
    },
  });
  api.route({
    method: 'get', path: '/v1/compare', summary: 'How every regime lists an item, whatever the destination, and the parameters its entries turn on', tags: ['measures'], role: 'read', query: CompareQuery,
    description: 'The item is named by the identifiers of CONTRACT §2 (at least one); `code=JP=2(24)` gives `item.codes.JP`. Each entry that lists the item says its status on `date`, its destinations and transfers, and, where it has thresholds, `conditions` in words and `parameters` (name and question): the facts a request should state.',
    responses: { 200: json('Each regime with the entries that list the item', ref('Comparison')) },
    handler: (_req, res, { query }) => {
      const { date, code, ...ids } = query;
      const item: Record<string, unknown> = Object.fromEntries(Object.entries(ids).filter(([, v]) => v !== undefined && v !== ''));
      if (code?.length) item.codes = Object.fromEntries(code.map((c) => [c.slice(0, c.indexOf('=')).toUpperCase(), c.slice(c.indexOf('=') + 1)]));
      if (!Object.keys(item).length) throw new HttpProblem(problems.invalid('Name the item by at least one identifier.', [{ path: 'id', message: 'expected at least one of id, hs, cnCode, cnControlCode, eccn, euCode, cas, name, code' }]));
      res.json(engine.compare(item as ItemRef, date));
    },
  });
  api.route({
    method: 'get', path: '/v1/plugins', summary: 'Installed plugins, versions and data dates', tags: ['plugins'], role: 'read',
    responses: { 200: json('Installed plugins', arrayOf('PluginInfo')) },
    handler: (_req, res) => {
      res.json(engine.plugins);
    },
  });
}
