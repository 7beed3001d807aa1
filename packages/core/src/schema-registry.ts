import { z } from 'zod';

// Component names of the public shapes (`AssessmentResponse`, `Finding`, …). They live in a registry of
// core's own, not in zod's global one: ids there must be unique per process, so two copies of core (a
// plugin with its own) or a user's schema named `Finding` would throw at import.
const names = z.registry<{ id: string }>();

/** Gives a schema its component name; a schema that appears inside another is then a `$ref` to it. */
export function named<T extends z.ZodType>(id: string, schema: T): T {
  names.add(schema, { id });
  return schema;
}

/**
 * zod's descriptions and examples (`.meta()`, global) with the component names above: the metadata
 * registry `z.toJSONSchema` reads. `root` keeps no name, so a document's top schema is written in place.
 */
class NamedMetadata extends z.core.$ZodRegistry<{ id?: string }> {
  constructor(private readonly root?: z.ZodType) {
    super();
    this._idmap = names._idmap;
  }

  override get(schema: z.core.$ZodType): { id?: string } | undefined {
    const global = z.globalRegistry.get(schema);
    const own = schema === this.root ? undefined : names.get(schema);
    return global || own ? { ...global, ...own } : undefined;
  }
}

/** One schema as a standalone JSON Schema (draft 2020-12) document; named parts go to `$defs`. */
export function jsonSchemaDocument(schema: z.ZodType, title: string): object {
  const body = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', metadata: new NamedMetadata(schema) });
  return { $schema: body.$schema, $id: `https://chokepoint.dev/schemas/${title}.schema.json`, title, ...body };
}

/**
 * Every named schema as OpenAPI 3.0 component schemas, referring to each other by
 * `#/components/schemas/<name>`. Written for input (`io: 'input'`): no `additionalProperties: false`,
 * so a client keeps working when an answer gains a field (CONTRACT: extend, never break).
 */
export function openApiSchemas(): Record<string, object> {
  const meta = new NamedMetadata();
  const { schemas } = z.toJSONSchema(meta, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any', metadata: meta, uri: (id) => `#/components/schemas/${id}` });
  // `$id` is not an OpenAPI 3.0 schema keyword; the component's key already names it.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _id, ...schema }]) => [id, schema]));
}
