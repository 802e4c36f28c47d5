/**
 * The owner's webhook endpoints (console): add (URL checked against the SSRF guard, a fresh
 * `whsec_` secret), change events / turn on and off, remove, rotate the secret; the delivery log
 * with "resend" (the same webhook-id, retried anew) and "send test event".
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, lt } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '../../adapters/db/schema.js';
import { enqueue } from '../../adapters/job-queue/queue.js';
import { checkTarget, TargetRefused } from '../../adapters/webhooks/post.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';
import { DELIVER_JOB, insertDelivery, RETRY_WINDOW_MS } from './enqueue.js';
import { TEST_EVENT_TYPE } from './event-types.js';

export interface EndpointView {
  id: string;
  url: string;
  description: string;
  events: string[];
  secret: string;
  active: boolean;
  disabledReason: string | null;
  createdAt: string;
}

export interface DeliveryView {
  id: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  payload: Record<string, unknown>;
}

const view = (r: typeof webhookEndpoints.$inferSelect): EndpointView => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events,
  secret: r.secret,
  active: r.active,
  disabledReason: r.disabledReason,
  createdAt: r.createdAt.toISOString(),
});

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

async function checkUrl(deps: Deps, url: string): Promise<Result<string>> {
  try {
    const { url: u } = await checkTarget(url, deps.webhooksAllowPrivate ?? false);
    return ok(u.toString());
  } catch (err) {
    if (err instanceof TargetRefused) return fail('INVALID_INPUT', `This URL cannot receive webhooks: ${err.message}`, { field: 'url' });
    throw err;
  }
}

export async function listEndpoints(deps: Pick<Deps, 'db'>, businessId: string): Promise<EndpointView[]> {
  const rows = await deps.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.businessId, businessId)).orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
  return rows.map(view);
}

export async function createEndpoint(deps: Deps, businessId: string, input: { url: string; events: string[]; description?: string | undefined }): Promise<Result<EndpointView>> {
  const url = await checkUrl(deps, input.url);
  if (!url.ok) return url;
  const [row] = await deps.db
    .insert(webhookEndpoints)
    .values({ id: randomUUID(), businessId, url: url.value, description: input.description ?? '', events: [...new Set(input.events)], secret: newSecret(), createdAt: deps.clock.now() })
    .returning();
  return ok(view(row!));
}

export async function updateEndpoint(
  deps: Deps,
  businessId: string,
  input: { id: string; url?: string | undefined; events?: string[] | undefined; description?: string | undefined; active?: boolean | undefined; rotateSecret?: boolean | undefined },
): Promise<Result<EndpointView>> {
  let url: string | undefined;
  if (input.url !== undefined) {
    const checked = await checkUrl(deps, input.url);
    if (!checked.ok) return checked;
    url = checked.value;
  }
  const changes = {
    ...(url !== undefined ? { url } : {}),
    ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.active !== undefined ? { active: input.active, ...(input.active ? { disabledReason: null } : {}) } : {}),
    ...(input.rotateSecret ? { secret: newSecret() } : {}),
  };
  const mine = and(eq(webhookEndpoints.id, input.id), eq(webhookEndpoints.businessId, businessId));
  // Nothing to change is not an error: the endpoint as it is.
  const rows = Object.keys(changes).length === 0 ? await deps.db.select().from(webhookEndpoints).where(mine) : await deps.db.update(webhookEndpoints).set(changes).where(mine).returning();
  return rows[0] ? ok(view(rows[0])) : fail('WEBHOOK_NOT_FOUND', 'No such webhook endpoint', { field: 'id' });
}

export async function removeEndpoint(deps: Pick<Deps, 'db'>, businessId: string, id: string): Promise<Result<{ ok: true }>> {
  const rows = await deps.db.delete(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.businessId, businessId))).returning({ id: webhookEndpoints.id });
  return rows[0] ? ok({ ok: true }) : fail('WEBHOOK_NOT_FOUND', 'No such webhook endpoint', { field: 'id' });
}

/** The newest deliveries of one endpoint, 50 a page (`before`: the id of the last one shown). */
export async function listDeliveries(deps: Pick<Deps, 'db'>, businessId: string, input: { endpointId: string; before?: string | undefined }): Promise<Result<DeliveryView[]>> {
  const [ep] = await deps.db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(eq(webhookEndpoints.id, input.endpointId), eq(webhookEndpoints.businessId, businessId)));
  if (!ep) return fail('WEBHOOK_NOT_FOUND', 'No such webhook endpoint', { field: 'endpointId' });
  let beforeSeq: number | undefined;
  if (input.before) {
    const [b] = await deps.db.select({ seq: webhookDeliveries.seq }).from(webhookDeliveries).where(and(eq(webhookDeliveries.id, input.before), eq(webhookDeliveries.endpointId, ep.id)));
    beforeSeq = b?.seq;
  }
  const rows = await deps.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, ep.id), beforeSeq !== undefined ? lt(webhookDeliveries.seq, beforeSeq) : undefined))
    .orderBy(desc(webhookDeliveries.seq))
    .limit(50);
  return ok(
    rows.map((d) => ({
      id: d.id,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastDurationMs: d.lastDurationMs,
      lastError: d.lastError,
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      payload: d.payload,
    })),
  );
}

/** Sends a message again: the same webhook-id and body (receivers de-duplicate), a fresh retry window. */
export async function redeliver(deps: Deps, businessId: string, deliveryId: string): Promise<Result<{ ok: true }>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: now, retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS) })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.businessId, businessId)))
      .returning({ id: webhookDeliveries.id });
    if (!rows[0]) return fail('WEBHOOK_NOT_FOUND', 'No such delivery', { field: 'deliveryId' });
    await enqueue(tx, { kind: DELIVER_JOB, payload: { deliveryId }, runAt: now, maxAttempts: 1_000 });
    return ok({ ok: true as const });
  });
}

/** A `webhook.test` message to one endpoint, to check the receiver and its signature check. */
export async function sendTestEvent(deps: Deps, businessId: string, endpointId: string): Promise<Result<{ deliveryId: string }>> {
  const [ep] = await deps.db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.businessId, businessId)));
  if (!ep) return fail('WEBHOOK_NOT_FOUND', 'No such webhook endpoint', { field: 'endpointId' });
  const now = deps.clock.now();
  const deliveryId = await deps.db.transaction((tx) =>
    insertDelivery(tx, { businessId, endpointId, type: TEST_EVENT_TYPE, data: { businessId, message: 'A test event from the Frontdesk console' }, orderKey: null, at: now }),
  );
  return ok({ deliveryId });
}
