// The OpenAPI document, generated from the same zod schemas the routes parse with.
import { z } from 'zod';
import type { OpenApiOperation } from './route';

const toSchema = (s: z.ZodType) => {
  try {
    return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return {};
  }
};

export function buildOpenApi(ops: OpenApiOperation[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const path = op.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', op.params], ['query', op.query]] as const) {
      if (!schema) continue;
      const js = toSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: prop });
      }
    }
    const operation: Record<string, unknown> = {
      summary: op.summary,
      parameters,
      responses: {
        [String(op.successStatus ?? 200)]: { description: op.responseKey ? `{ "${op.responseKey}": ... }` : 'OK' },
        '400': { description: '{ "error": "<field> <what is wrong>", "statusCode": 400 }' },
        '404': { description: '{ "error": "... not found", "statusCode": 404 }' },
      },
    };
    if (op.body) operation.requestBody = { required: true, content: { 'application/json': { schema: toSchema(op.body) } } };
    (paths[path] ??= {})[op.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Galla local API', version, description: 'The shop’s services on this machine, following the Execora REST reference. Amounts are rupees as decimal strings in responses; dates are ISO 8601 UTC.' },
    servers: [{ url: '/' }],
    paths,
  };
}
