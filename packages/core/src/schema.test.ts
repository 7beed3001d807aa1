import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as S from './schema.js';

// The derived documents: the JSON Schema files and the OpenAPI components must be whole (every
// reference resolves), open where answers may grow, and carry only examples their schemas accept.

type Node = Record<string, unknown>;

/** Every `$ref` value anywhere in a document. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('the JSON Schema files', () => {
  const files = S.jsonSchemas();

  it('are one per public shape, each whole: every $ref points into its own $defs', () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['assessment-request.schema.json', 'assessment-response.schema.json', 'exposure-plan.schema.json', 'exposure-response.schema.json', 'screening-request.schema.json', 'screening-response.schema.json', 'data-status.schema.json', 'portfolio-line-changes.schema.json', 'measure.schema.json', 'change.schema.json', 'taxonomy-node.schema.json', 'plugin.schema.json', 'problem.schema.json', 'field-error.schema.json', 'batch-line-error.schema.json']));
    for (const [name, doc] of Object.entries(files) as [string, Node][]) {
      expect(doc.$schema, name).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(doc.$id, name).toBe(`https://chokepoint.dev/schemas/${name}`);
      expect(doc.type, `${name} is written in place, not as a $ref`).toBe('object');
      const defs = (doc.$defs ?? {}) as Node;
      for (const ref of refs(doc)) expect(Object.keys(defs), `${name}: ${ref}`).toContain(ref.replace('#/$defs/', ''));
    }
  });

  it('leave answers open to new fields and requests closed to unknown ones', () => {
    const text = (name: string) => JSON.stringify(files[name]);
    for (const name of ['assessment-response.schema.json', 'exposure-response.schema.json', 'screening-response.schema.json', 'data-status.schema.json', 'problem.schema.json']) {
      expect(text(name), name).not.toContain('"additionalProperties":false');
    }
    expect((files['assessment-request.schema.json'] as Node).additionalProperties).toBe(false);
    expect((files['screening-request.schema.json'] as Node).additionalProperties).toBe(false);
  });
});

describe('the OpenAPI components', () => {
  const components = S.openApiSchemas();

  it('name every answer, request and error, and every $ref resolves among them', () => {
    for (const name of ['AssessmentRequest', 'AssessmentResponse', 'Finding', 'ExposurePlan', 'ExposureResponse', 'ScreeningRequest', 'ScreeningResponse', 'DataStatus', 'PortfolioLineChanges', 'MeasureView', 'MeasureDetail', 'ChangeView', 'TaxonomyNodeDetails', 'TaxonomySearchHit', 'Jurisdictions', 'PluginInfo', 'BatchLineError', 'Problem', 'FieldError']) {
      expect(components, name).toHaveProperty([name]);
    }
    for (const ref of refs(components)) expect(Object.keys(components), ref).toContain(ref.replace('#/components/schemas/', ''));
  });

  it('use only OpenAPI 3.0 keywords: no $id, $schema, $defs or type arrays', () => {
    const text = JSON.stringify(components);
    for (const keyword of ['"$id"', '"$schema"', '"$defs"', '"type":["']) expect(text, keyword).not.toContain(keyword);
    expect(text).toContain('"nullable":true');
  });

  it('carry only examples their own schemas accept', () => {
    const schemas: [string, z.ZodType][] = [['AssessmentRequest', S.AssessmentRequestSchema], ['ExposurePlan', S.ExposurePlanSchema], ['ScreeningRequest', S.ScreeningRequestSchema]];
    for (const [name, schema] of schemas) {
      const example = (components[name] as Node).example;
      expect(example, `${name} has an example`).toBeDefined();
      expect(schema.safeParse(example).success, name).toBe(true);
    }
  });
});
