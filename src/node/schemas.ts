import { z } from 'zod';
import { datasetMetaSchema, recordSchemas } from '../core/dataset-schema';

const singular = { entities: 'entity', providers: 'provider', actions: 'action', authorities: 'authority', jurisdictions: 'jurisdiction' } as const;

/** JSON Schemas for editors, one per record kind, generated from the zod schemas. */
export function renderSchemas(): Record<string, string> {
  const schemas: Record<string, z.ZodType> = { dataset: datasetMetaSchema };
  for (const [kind, schema] of Object.entries(recordSchemas)) schemas[singular[kind as keyof typeof singular]] = schema;
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      `${name}.schema.json`,
      `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`,
    ]),
  );
}
