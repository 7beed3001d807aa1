export { Taxonomy, loadTaxonomy, readTaxonomyData } from './taxonomy.js';
export { HsNomenclature, type HsHit, type HsRow } from './hs.js';
export { validateTaxonomyData, type TaxonomyData } from './validate.js';
export type { ValueChain, ChainStage, StageInput, SupplyFact, CriticalList, JurisdictionGroup, Country, NodeDetails, HsEntry } from './model.js';
export { contractIds, ELEMENTS, RARE_EARTHS } from './contract-ids.js';
