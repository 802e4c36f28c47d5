/**
 * Turning a live hold into a booking. The UPDATE that confirms is conditional on the hold
 * still being live (the booking store's confirmHold), so a hold can be confirmed once; a retry
 * with the same idempotency key returns the booking it made — and only that booking: a key that
 * confirmed another hold is a CONFLICT (issue 12, defect 4).
 */
import type { Lang } from '@frontdesk/shared';
import { preparedRows } from '../adapters/db/client.js';
import { rowOf } from '../adapters/db/rows.js';
import { bookings } from '../adapters/db/schema.js';
import { confirmDecision, type RuleFailure } from '../domain/booking/rules.js';
import type { BusinessHours, Closure } from '../domain/availability/opening-hours.js';
import { closedReason } from '../domain/booking/closed.js';
import { confirmHold, lapseHold, type BookingRow, type ConfirmContext } from './booking-store/store.js';
import { reminderLeads } from './notifications/enqueue.js';
import type { EndpointSubscription } from './webhooks/enqueue.js';
import type { Deps } from './deps.js';
import { toBookingView, type BookingView } from './booking-view.js';
import { fail, ok, type Result } from './result.js';
import { toWeekly } from './schedule.js';
import { isOriginAllowed, type BusinessRow } from './site.js';
import { UNAVAILABLE_MESSAGES } from './unavailable.js';
import { hashHoldToken, signToken } from './tokens.js';

export interface ConfirmInput {
  holdToken: string;
  customer: { name: string; phone?: string | undefined; email?: string | undefined };
  lang: Lang;
  note?: string | undefined;
  idempotencyKey: string;
  conversationId?: string | undefined;
}

export interface ConfirmView {
  booking: BookingView;
  manageToken: string;
}

export async function confirmBooking(deps: Deps, input: ConfirmInput, origin: string | undefined): Promise<Result<ConfirmView>> {
  const found = await findHold(deps, input.holdToken, input.idempotencyKey);
  if (!found) return fail('HOLD_NOT_FOUND', 'This hold does not exist', { field: 'holdToken' });
  if (found.allowedOrigins && !isOriginAllowed(deps, { allowedOrigins: found.allowedOrigins }, origin)) {
    return fail('ORIGIN_NOT_ALLOWED', `Origin ${origin} may not use this site`);
  }
  const row = found.booking;
  const now = deps.clock.now();

  // The key replays only this hold's own confirmation; another booking's key is a conflict.
  const keyOwner = found.keyOwner;
  const decision = confirmDecision({ id: row.id, status: row.status, holdExpiresAt: row.holdExpiresAt?.getTime() ?? null }, keyOwner, now.getTime());
  if (decision.kind === 'replay') return ok(confirmView(deps, keyOwner!));
  if (decision.kind === 'refuse') return refusal(decision.failure.reason);
  // The owner may have closed the day or changed the hours since the hold: refused like a hold
  // would be, and the hold lapses (its time is no one's). A closure added after this read is
  // still refused by the confirm statement itself.
  const why = closedReason(found.hours, row.startsAt.getTime(), row.endsAt.getTime());
  if (why) {
    await lapseHold(deps.db, row.id, now);
    return fail(why, UNAVAILABLE_MESSAGES[why], { field: 'holdToken' });
  }

  const confirmed = await confirmHold(
    deps.db,
    row,
    {
      customer: { ...input.customer, lang: input.lang },
      lang: input.lang,
      note: input.note ?? null,
      idempotencyKey: input.idempotencyKey,
      // The hold's conversation unless the confirm names one (a widget reloaded mid-booking).
      conversationId: input.conversationId ?? null,
    },
    found.context,
    now,
  );
  if (confirmed.ok) return ok(confirmView(deps, confirmed.value));
  if (confirmed.reason !== 'HOLD_USED' && confirmed.reason !== 'IDEMPOTENCY_KEY_REUSED') return confirmed;
  // Lost a race: the same visitor retrying (same key, same hold) gets their booking.
  const again = await findHold(deps, input.holdToken, input.idempotencyKey);
  const winner = again?.keyOwner;
  if (winner?.id === row.id) return ok(confirmView(deps, winner));
  if (winner) return refusal('IDEMPOTENCY_KEY_REUSED');
  return refusal(again?.booking.status === 'held' ? 'HOLD_EXPIRED' : 'HOLD_USED');
}

function refusal(reason: RuleFailure['reason']) {
  if (reason === 'IDEMPOTENCY_KEY_REUSED') return fail(reason, 'This request key was already used to confirm another hold', { field: 'idempotencyKey' });
  if (reason === 'HOLD_EXPIRED') return fail(reason, 'The hold on this time has expired; please pick a time again', { field: 'holdToken' });
  return fail('HOLD_USED', 'This hold has already been used', { field: 'holdToken' });
}

const confirmView = (deps: Deps, b: BookingRow): ConfirmView => ({ booking: toBookingView(b), manageToken: signToken(deps.secret, b.id, 'manage') });

/**
 * Everything a confirmation needs, in ONE round trip: the hold, its site's allowed origins, the
 * booking the idempotency key already confirmed (if any), the business's opening hours and the
 * closures over the hold's days, and what the confirmation's jobs and
 * webhooks depend on (the business's reminder leads, the staff member's Google connection, the
 * business's active webhook endpoints). The booking store then writes without reading.
 */
export const FIND_HOLD_SQL = `
SELECT h.*, s.allowed_origins AS x_allowed_origins, biz.reminder_leads_min AS x_leads,
  (SELECT g.status FROM google_connections g WHERE g.staff_id = h.staff_id) AS x_gcal,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('id', w.id, 'events', w.events)), '[]'::jsonb)
     FROM webhook_endpoints w WHERE w.business_id = h.business_id AND w.active) AS x_endpoints,
  (SELECT to_jsonb(k) FROM bookings k WHERE k.business_id = h.business_id AND k.idempotency_key = $2 LIMIT 1) AS x_key_owner,
  biz.time_zone AS x_tz, biz.opening_hours AS x_hours,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('from', c.starts_on, 'to', c.ends_on)), '[]'::jsonb)
     FROM business_closures c WHERE c.business_id = h.business_id
      AND c.starts_on <= ((h.ends_at - interval '1 millisecond') AT TIME ZONE biz.time_zone)::date
      AND c.ends_on >= (h.starts_at AT TIME ZONE biz.time_zone)::date) AS x_closures
FROM bookings h JOIN businesses biz ON biz.id = h.business_id LEFT JOIN sites s ON s.id = h.site_id
WHERE h.hold_token_hash = $1
LIMIT 1`;

async function findHold(deps: Deps, holdToken: string, idempotencyKey: string) {
  const [raw] = await preparedRows<Record<string, unknown>>(deps.db, 'booking_find_hold', FIND_HOLD_SQL, [hashHoldToken(holdToken), idempotencyKey]);
  if (!raw) return undefined;
  const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  const keyOwner = raw.x_key_owner == null ? undefined : rowOf(bookings, json<Record<string, unknown>>(raw.x_key_owner));
  return {
    booking: rowOf(bookings, raw),
    allowedOrigins: raw.x_allowed_origins == null ? null : json<string[]>(raw.x_allowed_origins),
    keyOwner,
    hours: {
      timeZone: raw.x_tz as string,
      weekly: toWeekly(json<BusinessRow['openingHours']>(raw.x_hours)),
      closures: json<Closure[]>(raw.x_closures),
    } satisfies BusinessHours,
    context: {
      reminderLeads: reminderLeads(json<number[] | null>(raw.x_leads)),
      calendarConnected: raw.x_gcal === 'ok',
      endpoints: json<EndpointSubscription[]>(raw.x_endpoints),
    } satisfies ConfirmContext,
  };
}
