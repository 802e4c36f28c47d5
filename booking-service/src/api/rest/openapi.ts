/**
 * The OpenAPI 3.1 document of /api/v1, generated from the route table and its zod schemas
 * (zod-openapi): nothing about a route is written twice. Served at /api/v1/openapi.json.
 */
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { problemSchema } from './schemas.js';
import { routes, type RouteDef } from './routes.js';

const problemContent = { 'application/problem+json': { schema: problemSchema } };

const idempotencyHeader = z.object({
  'Idempotency-Key': z
    .string()
    .min(8)
    .max(100)
    .optional()
    .meta({ description: 'Any unique string (e.g. a UUID). A retry with the same key and body answers the first result; another body with it is refused (422).' }),
});

function operation(r: RouteDef): ZodOpenApiOperationObject {
  const errors: Record<string, { description: string; content: typeof problemContent }> = {
    '400': { description: 'Invalid input: `errors` names each field', content: problemContent },
    '401': { description: 'Missing, unknown or revoked API key', content: problemContent },
    '429': { description: "Over this key's rate limit; see Retry-After", content: problemContent },
  };
  if (r.scope === 'write') errors['403'] = { description: 'A read-only key', content: problemContent };
  if (r.params || r.method === 'post') errors['404'] = { description: 'Not found in this business', content: problemContent };
  if (r.method === 'post') errors['409'] = { description: 'Taken time (with `alternatives`), or a booking no longer active', content: problemContent };
  if (r.idempotent) errors['422'] = { description: 'The Idempotency-Key was used with another request', content: problemContent };
  return {
    operationId: r.operationId,
    summary: r.summary,
    ...(r.description ? { description: r.description } : {}),
    tags: [r.tag],
    security: [{ apiKey: [r.scope] }],
    requestParams: {
      ...(r.params ? { path: r.params } : {}),
      ...(r.query ? { query: r.query } : {}),
      ...(r.idempotent ? { header: idempotencyHeader } : {}),
    },
    ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: r.body } } } } : {}),
    responses: {
      [String(r.status)]: { description: r.status === 201 ? 'Created' : 'OK', content: { 'application/json': { schema: r.response } } },
      ...errors,
    },
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument(): ReturnType<typeof createDocument> {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const r of routes) {
    paths[r.path] = { ...paths[r.path], [r.method]: operation(r) };
  }
  cached = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Frontdesk API',
      version: '1.0.0',
      description:
        "Bookings, availability, services, staff, customers, leads and conversations of one business, for its CRM and integrations. Authenticate with an API key created in the console (Settings → API keys): `Authorization: Bearer fdk_…`. Errors are RFC 9457 problem details (`application/problem+json`) that name the field at fault. Instants are ISO-8601 with an offset.",
    },
    servers: [{ url: '/api/v1' }],
    tags: [
      { name: 'Bookings', description: 'Book, move, cancel, mark visits' },
      { name: 'Availability', description: 'Free times' },
      { name: 'Catalog', description: 'Services and staff (read only)' },
      { name: 'People', description: 'Customers and leads (read only)' },
      { name: 'Conversations', description: 'Chats with the assistant and staff, with transcripts (read only)' },
    ],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key, `fdk_<id>_<secret>`; scopes: read (GET) or write (everything)' },
      },
    },
    paths,
  });
  return cached;
}
