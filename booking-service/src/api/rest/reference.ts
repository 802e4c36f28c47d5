/**
 * /api/v1/docs: the API reference rendered on the server from the OpenAPI document (no script,
 * nothing loaded from elsewhere). Problem types (problem.ts) link to the anchors at its end.
 */
import { escapeHtml } from '@frontdesk/shared';

type Json = Record<string, unknown>;

const e = (v: unknown) => escapeHtml(String(v));

/** A schema as compact, readable JSON; `$ref`s become links to the component below. */
function schemaHtml(schema: unknown): string {
  const text = JSON.stringify(schema, null, 2) ?? '';
  return `<pre>${e(text).replace(/&quot;#\/components\/schemas\/(\w+)&quot;/g, (_m, name: string) => `<a href="#schema-${name}">${name}</a>`)}</pre>`;
}

const PROBLEMS: Array<[string, string]> = [
  ['validation', '400: the input is invalid; `errors` lists each field (`in`, `field`, `pointer`, `detail`).'],
  ['unauthorized', '401: no API key, or an unknown or revoked one.'],
  ['forbidden', '403: a read-only key asked to change something.'],
  ['not-found', '404: no such route, or no such resource in this business.'],
  ['booking-not-found', '404: no booking with this id in this business.'],
  ['service-not-found', '404: no active service with this id in this business (field named).'],
  ['staff-not-found', '404: no such staff member for this service (field named).'],
  ['slot-taken', '409: the time is not free; `alternatives` lists up to three free times nearby.'],
  ['closed', '409: the business is closed on that day (a closed day set by the owner); `alternatives` lists free times nearby.'],
  ['outside-hours', "409: the time is outside the business's opening hours; `alternatives` lists free times nearby."],
  ['booking-not-active', '409: the booking is cancelled or already visited, or changed meanwhile.'],
  ['idempotency-in-progress', '409: a request with this Idempotency-Key is still running; retry shortly.'],
  ['idempotency-key-reused', '422: this Idempotency-Key was used with another request.'],
  ['too-large', '413: the body is larger than 64 KB.'],
  ['rate-limited', "429: over this key's requests per minute; wait for Retry-After seconds."],
  ['unavailable', '503: the database is unreachable for a moment; retry after Retry-After seconds.'],
  ['internal', '500: a fault on our side; nothing about it leaks, it is logged.'],
];

export function referencePage(doc: unknown): string {
  const d = doc as Json & { info: Json; paths: Record<string, Record<string, Json>>; components?: { schemas?: Record<string, unknown> } };
  const ops: string[] = [];
  for (const [path, item] of Object.entries(d.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = (op.parameters as Json[] | undefined) ?? [];
      const body = (op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content?.['application/json']?.schema;
      const responses = Object.entries((op.responses as Record<string, Json>) ?? {});
      ops.push(`<section id="op-${e(op.operationId)}">
<h3><span class="m ${e(method)}">${e(method.toUpperCase())}</span> <code>/api/v1${e(path)}</code> — ${e(op.summary)}</h3>
${op.description ? `<p>${e(op.description)}</p>` : ''}
<p class="scope">Key scope: <b>${e(((op.security as Array<Record<string, string[]>>)[0]?.apiKey ?? []).join(', '))}</b></p>
${params.length ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${params.map((p) => `<tr><td><code>${e(p.name)}</code></td><td>${e(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${schemaHtml(p.schema)}${p.description ? `<div>${e(p.description)}</div>` : ''}</td></tr>`).join('')}</table>` : ''}
${body ? `<h4>Body (application/json)</h4>${schemaHtml(body)}` : ''}
<h4>Responses</h4><ul>${responses.map(([code, r]) => {
        const schema = (r.content as Record<string, { schema?: unknown }> | undefined)?.['application/json']?.schema;
        return `<li><b>${e(code)}</b> ${e(r.description)}${schema ? schemaHtml(schema) : ''}</li>`;
      }).join('')}</ul>
</section>`);
    }
  }
  const schemas = Object.entries(d.components?.schemas ?? {}).map(([name, s]) => `<section id="schema-${e(name)}"><h3>${e(name)}</h3>${schemaHtml(s)}</section>`);
  const problems = PROBLEMS.map(([slug, text]) => `<li id="problem-${slug}"><code>${slug}</code> — ${e(text)}</li>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(d.info.title)} — reference</title><style>
body{margin:0;font:15px/1.5 -apple-system,Segoe UI,Roboto,Arial,sans-serif;color:#111827;background:#f9fafb}
main{max-width:920px;margin:0 auto;padding:16px}section{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px 16px;margin:12px 0}
pre{background:#f3f4f6;padding:8px;border-radius:6px;overflow:auto;font-size:13px;margin:4px 0}
.m{display:inline-block;min-width:3.5em;text-align:center;border-radius:4px;color:#fff;font-size:13px;padding:1px 6px}.get{background:#047857}.post{background:#1d4ed8}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px 6px;border-bottom:1px solid #e5e7eb;vertical-align:top}
nav a{margin-right:12px}.scope{color:#4b5563}
</style></head><body><main>
<h1>${e(d.info.title)} ${e(d.info.version)}</h1>
<p>${e(d.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI ${e(d.openapi)}). Webhooks and worked CRM mappings: docs/integrations.md in the repository.</p>
<nav>${Object.values(d.paths).flatMap((item) => Object.values(item)).map((op) => `<a href="#op-${e(op.operationId)}">${e(op.summary)}</a>`).join(' ')}</nav>
<h2>Operations</h2>${ops.join('\n')}
<h2>Problem types</h2><p>Every error is <code>application/problem+json</code> (RFC 9457); its <code>type</code> links here.</p><ul>${problems.join('')}</ul>
<h2>Schemas</h2>${schemas.join('\n')}
</main></body></html>`;
}
