import type { APIRequestContext } from '@playwright/test';
import { BOOKING_URL, DEMO_URL } from './urls';

/**
 * Another visitor, straight to the booking API (as a browser on the demo origin would),
 * to set up or race the one in the page.
 */
export async function call<T>(request: APIRequestContext, path: string, input: unknown, mutation = true): Promise<T> {
  const headers = { origin: DEMO_URL, 'content-type': 'application/json' };
  const res = mutation
    ? await request.post(`${BOOKING_URL}/trpc/${path}`, { headers, data: input })
    : await request.get(`${BOOKING_URL}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

export interface Slot { start: string; end: string; staffId: string }

/** Books a slot for someone else and returns its manage token. */
export async function bookAs(request: APIRequestContext, siteKey: string, serviceId: string, slot: Slot, name = 'Someone Else') {
  const hold = await call<{ holdToken: string }>(request, 'booking.hold', { siteKey, serviceId, staffId: slot.staffId, start: slot.start });
  const done = await call<{ manageToken: string; booking: { id: string } }>(request, 'booking.confirm', {
    holdToken: hold.holdToken, customer: { name, email: 'someone@example.com' }, consent: true, lang: 'en', idempotencyKey: `e2e-${Date.now()}-${Math.random()}`,
  });
  return done;
}

export async function nearestSlots(request: APIRequestContext, siteKey: string, serviceId: string, from: string, staffId = 'any') {
  return (await call<{ slots: Slot[] }>(request, 'slots.find', { siteKey, serviceId, staffId, from, days: 14 }, false)).slots;
}
