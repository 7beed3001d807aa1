import { describe, expect, it } from 'vitest';
import { searchWithNames, type TaxonomyView } from './taxonomy.js';
import { fixtureTaxonomy } from './test-support/fixture-taxonomy.js';

describe('searchWithNames', () => {
  it('gives each hit its node\'s kind and names, in the taxonomy\'s order', () => {
    const taxonomy = fixtureTaxonomy();
    const hits = searchWithNames(taxonomy, 'gallium', 5);
    expect(hits.map((h) => h.id)).toEqual(taxonomy.search('gallium', 5).map((h) => h.id));
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h).toMatchObject({ kind: taxonomy.node(h.id)!.kind, names: taxonomy.node(h.id)!.names });
  });
  it('leaves a hit whose node the taxonomy does not have as the search gave it', () => {
    const view = { search: () => [{ id: 'nowhere', score: 0.5, matchedBy: 'alias' }], node: () => undefined } as unknown as TaxonomyView;
    expect(searchWithNames(view, 'x', 1)).toEqual([{ id: 'nowhere', score: 0.5, matchedBy: 'alias' }]);
  });
});
