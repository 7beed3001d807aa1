import type { JurisdictionsSchema, TaxonomyNodeDetailsSchema } from '@chokepoint/core/schema';
import type { Country, JurisdictionGroup, NodeDetails } from './model.js';

// This package's answers and core's schemas for them (`GET /v1/taxonomy/{id}`, `GET /v1/jurisdictions`)
// describe the same JSON: the build fails when they drift apart. No code; see core's schema-agreement.ts.

type Out<T extends { _zod: { output: unknown } }> = T['_zod']['output'];
/** Compiles only when `A` is assignable to `B`. */
type Fits<A extends B, B> = [A, B];
type Jurisdictions = Out<typeof JurisdictionsSchema>;

export type _Answers = [
  Fits<Out<typeof TaxonomyNodeDetailsSchema>, NodeDetails>, Fits<NodeDetails, Out<typeof TaxonomyNodeDetailsSchema>>,
  Fits<Jurisdictions['countries'][number], Country>, Fits<Country, Jurisdictions['countries'][number]>,
  Fits<Jurisdictions['groups'][number], JurisdictionGroup>, Fits<JurisdictionGroup, Jurisdictions['groups'][number]>,
];
