/**
 * Turning a live hold into a booking. The UPDATE that confirms is conditional on the hold
 * still being live (the booking store's confirmHold), so a hold can be confirmed once; a retry
 * with the same idempotency key returns the booking it made — and only that booking: a key that
 * confirmed another hold is a CONFLICT (issue 12, defect 4).
 */
import type { Lang } from '@frontdesk/shared';
import { and, eq } from 'drizzle-orm';
import { bookings, sites } from '../adapters/db/schema.js';
import { confirmDecision, type RuleFailure } from '../domain/booking/rules.js';
import { confirmHold, type BookingRow } from './booking-store/store.js';
import type { Deps } from './deps.js';
import { toBookingView, type BookingView } from './booking-view.js';
import { fail, ok, type Result } from './result.js';
import { isOriginAllowed } from './site.js';
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
  const hold = await findHold(deps, input.holdToken);
  if (!hold) return fail('HOLD_NOT_FOUND', 'This hold does not exist', { field: 'holdToken' });
  if (hold.site && !isOriginAllowed(deps, hold.site, origin)) {
    return fail('ORIGIN_NOT_ALLOWED', `Origin ${origin} may not use this site`);
  }
  const row = hold.booking;
  const now = deps.clock.now();

  // The key replays only this hold's own confirmation; another booking's key is a conflict.
  const keyOwner = await byIdempotencyKey(deps, row.businessId, input.idempotencyKey);
  const decision = confirmDecision({ id: row.id, status: row.status, holdExpiresAt: row.holdExpiresAt?.getTime() ?? null }, keyOwner, now.getTime());
  if (decision.kind === 'replay') return ok(confirmView(deps, keyOwner!));
  if (decision.kind === 'refuse') return refusal(decision.failure.reason);

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
    now,
  );
  if (confirmed.ok) return ok(confirmView(deps, confirmed.value));
  if (confirmed.reason !== 'HOLD_USED' && confirmed.reason !== 'IDEMPOTENCY_KEY_REUSED') return confirmed;
  // Lost a race: the same visitor retrying (same key, same hold) gets their booking.
  const winner = await byIdempotencyKey(deps, row.businessId, input.idempotencyKey);
  if (winner?.id === row.id) return ok(confirmView(deps, winner));
  if (winner) return refusal('IDEMPOTENCY_KEY_REUSED');
  const again = await findHold(deps, input.holdToken);
  return refusal(again?.booking.status === 'held' ? 'HOLD_EXPIRED' : 'HOLD_USED');
}

function refusal(reason: RuleFailure['reason']) {
  if (reason === 'IDEMPOTENCY_KEY_REUSED') return fail(reason, 'This request key was already used to confirm another hold', { field: 'idempotencyKey' });
  if (reason === 'HOLD_EXPIRED') return fail(reason, 'The hold on this time has expired; please pick a time again', { field: 'holdToken' });
  return fail('HOLD_USED', 'This hold has already been used', { field: 'holdToken' });
}

const confirmView = (deps: Deps, b: BookingRow): ConfirmView => ({ booking: toBookingView(b), manageToken: signToken(deps.secret, b.id, 'manage') });

async function findHold(deps: Deps, holdToken: string) {
  const rows = await deps.db
    .select({ booking: bookings, site: sites })
    .from(bookings)
    .leftJoin(sites, eq(sites.id, bookings.siteId))
    .where(eq(bookings.holdTokenHash, hashHoldToken(holdToken)))
    .limit(1);
  return rows[0];
}

async function byIdempotencyKey(deps: Deps, businessId: string, key: string): Promise<BookingRow | undefined> {
  const rows = await deps.db
    .select()
    .from(bookings)
    .where(and(eq(bookings.businessId, businessId), eq(bookings.idempotencyKey, key)))
    .limit(1);
  return rows[0];
}
