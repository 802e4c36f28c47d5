/**
 * One attempt at one webhook delivery (run by the `webhook.deliver` job, jobs/deliver-webhook.ts):
 * - in order per subject: while an earlier message about the same booking (hand-off, lead) to
 *   the same endpoint is still pending, this one waits for it;
 * - signed per Standard Webhooks (`standardwebhooks`): webhook-id (stable across retries, the
 *   receivers' de-duplication key), webhook-timestamp, webhook-signature;
 * - a 2xx is delivered; anything else is retried with exponential backoff (30 s doubling to 1 h)
 *   until retry_until (a day and an hour), then failed — and an endpoint with no success in the
 *   last day is disabled and the owners are e-mailed.
 * At least once: a crash after the POST and before the row is written sends it again, same id.
 */
import { and, desc, eq, gt, lt, ne } from 'drizzle-orm';
import type { Lang } from '@frontdesk/shared';
import { Webhook } from 'standardwebhooks';
import { businesses, users, webhookDeliveries, webhookEndpoints } from '../../adapters/db/schema.js';
import { postWebhook, type PostResult } from '../../adapters/webhooks/post.js';
import { enqueueConsoleMail } from '../console/mail.js';
import type { Deps } from '../deps.js';

export type AttemptOutcome = { kind: 'done'; outcome: string } | { kind: 'retry'; at: Date; note: string };

export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

const DAY_MS = 86_400_000;

export async function attemptDelivery(deps: Deps, deliveryId: string, now: Date): Promise<AttemptOutcome> {
  const [row] = await deps.db
    .select({ d: webhookDeliveries, ep: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return { kind: 'done', outcome: 'skipped:gone' };
  const { d, ep } = row;
  if (d.status !== 'pending') return { kind: 'done', outcome: `skipped:${d.status}` };
  if (!ep.active) {
    await deps.db.update(webhookDeliveries).set({ status: 'failed', lastError: 'endpoint disabled', nextAttemptAt: null }).where(eq(webhookDeliveries.id, d.id));
    return { kind: 'done', outcome: 'skipped:endpoint_disabled' };
  }
  if (d.orderKey) {
    const [earlier] = await deps.db
      .select({ id: webhookDeliveries.id, next: webhookDeliveries.nextAttemptAt })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.endpointId, ep.id), eq(webhookDeliveries.orderKey, d.orderKey), eq(webhookDeliveries.status, 'pending'), lt(webhookDeliveries.seq, d.seq)))
      .orderBy(desc(webhookDeliveries.seq))
      .limit(1);
    if (earlier) {
      const at = new Date(Math.max(now.getTime(), earlier.next?.getTime() ?? 0) + 1_000);
      await deps.db.update(webhookDeliveries).set({ nextAttemptAt: at }).where(eq(webhookDeliveries.id, d.id));
      return { kind: 'retry', at, note: `waiting for ${earlier.id} (same subject, sent in order)` };
    }
  }

  const body = JSON.stringify(d.payload);
  const headers = {
    'webhook-id': d.id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(ep.secret).sign(d.id, now, body),
  };
  let result: PostResult | undefined;
  let error: string | undefined;
  try {
    result = await postWebhook(ep.url, headers, body, { allowPrivate: deps.webhooksAllowPrivate ?? false });
  } catch (err) {
    error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
  }
  const attempts = d.attempts + 1;
  const okStatus = result !== undefined && result.status >= 200 && result.status < 300;
  const common = {
    attempts,
    lastAttemptAt: now,
    lastStatusCode: result?.status ?? null,
    lastDurationMs: result?.durationMs ?? null,
    lastError: okStatus ? null : (error ?? `HTTP ${result?.status}: ${result?.body.slice(0, 200) ?? ''}`),
  };
  if (okStatus) {
    await deps.db.update(webhookDeliveries).set({ ...common, status: 'delivered', deliveredAt: now, nextAttemptAt: null }).where(eq(webhookDeliveries.id, d.id));
    return { kind: 'done', outcome: 'sent' };
  }
  const next = new Date(now.getTime() + backoffMs(attempts));
  if (next <= d.retryUntil) {
    await deps.db.update(webhookDeliveries).set({ ...common, nextAttemptAt: next }).where(eq(webhookDeliveries.id, d.id));
    return { kind: 'retry', at: next, note: common.lastError ?? 'failed' };
  }
  await deps.db.update(webhookDeliveries).set({ ...common, status: 'failed', nextAttemptAt: null }).where(eq(webhookDeliveries.id, d.id));
  await disableIfDead(deps, ep, now);
  return { kind: 'done', outcome: 'failed' };
}

const NOTICE: Record<Lang, { subject: string; body: (url: string, link: string) => string }> = {
  en: { subject: 'A webhook endpoint was turned off', body: (u, l) => `Deliveries to ${u} have failed for more than a day, so it was turned off. Fix the receiver, then turn it on again and resend what failed: ${l}` },
  ru: { subject: 'Адрес вебхука отключён', body: (u, l) => `Доставка на ${u} не удаётся больше суток, поэтому адрес отключён. Исправьте приёмник, затем включите адрес и отправьте неудавшееся повторно: ${l}` },
  hy: { subject: 'Webhook-ի հասցեն անջատվեց', body: (u, l) => `${u} հասցեին առաքումը չի հաջողվում ավելի քան մեկ օր, ուստի այն անջատվեց։ Ուղղեք ընդունիչը, ապա միացրեք հասցեն և նորից ուղարկեք չհաջողվածները՝ ${l}` },
};

/** An endpoint with no delivered message in the last day is turned off; its owners are told once. */
async function disableIfDead(deps: Deps, ep: typeof webhookEndpoints.$inferSelect, now: Date): Promise<void> {
  const [recent] = await deps.db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, ep.id), eq(webhookDeliveries.status, 'delivered'), gt(webhookDeliveries.deliveredAt, new Date(now.getTime() - DAY_MS))))
    .limit(1);
  if (recent) return;
  await deps.db.transaction(async (tx) => {
    const off = await tx
      .update(webhookEndpoints)
      .set({ active: false, disabledReason: 'failing for more than a day' })
      .where(and(eq(webhookEndpoints.id, ep.id), eq(webhookEndpoints.active, true)))
      .returning({ id: webhookEndpoints.id });
    if (off.length === 0) return;
    const [biz] = await tx.select({ notify: businesses.notifyEmail, lang: businesses.defaultLang }).from(businesses).where(eq(businesses.id, ep.businessId));
    const owners = await tx.select({ email: users.email, lang: users.lang }).from(users).where(and(eq(users.businessId, ep.businessId), eq(users.role, 'owner'), eq(users.active, true), ne(users.email, '')));
    const to = owners.length > 0 ? owners : biz?.notify ? [{ email: biz.notify, lang: biz.lang }] : [];
    for (const r of to) {
      const t = NOTICE[r.lang] ?? NOTICE.en;
      await enqueueConsoleMail(tx, { to: r.email, subject: t.subject, text: t.body(ep.url, `${deps.publicUrl}/console/#/settings/webhooks`), dedupeKey: `webhook-off:${ep.id}:${now.getTime()}:${r.email}` }, now);
    }
  });
}
