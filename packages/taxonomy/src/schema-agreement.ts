import type { Fits, JurisdictionsSchema, KeyDiff, NoDiff, TaxonomyNodeDetailsSchema } from '@chokepoint/core/schema';
import type { Country, JurisdictionGroup, NodeDetails } from './model.js';

// This package's answers and core's schemas for them (`GET /v1/taxonomy/{id}`, `GET /v1/jurisdictions`)
// describe the same JSON: the build fails, naming the field, when they drift apart. No code; see
// core's schema-agreement.ts.

type Out<T extends { _zod: { output: unknown } }> = T['_zod']['output'];
type Node = Out<typeof TaxonomyNodeDetailsSchema>;
type Jurisdictions = Out<typeof JurisdictionsSchema>;
type CountryOut = Jurisdictions['countries'][number];
type GroupOut = Jurisdictions['groups'][number];

export type _Answers = [
  Fits<Node, NodeDetails>, Fits<NodeDetails, Node>, NoDiff<KeyDiff<Node, NodeDetails>>,
  Fits<CountryOut, Country>, Fits<Country, CountryOut>, NoDiff<KeyDiff<CountryOut, Country>>,
  Fits<GroupOut, JurisdictionGroup>, Fits<JurisdictionGroup, GroupOut>, NoDiff<KeyDiff<GroupOut, JurisdictionGroup>>,
];
