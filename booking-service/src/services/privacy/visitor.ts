/**
 * "Delete my data" asked by the visitor themself. The manage link proves the booking is theirs
 * (it was sent to them), so it erases with the `proven` reach: that booking's customer and what
 * hangs off it, never other rows that merely share a contact they could have typed (person.ts).
 */
import { and, eq } from 'drizzle-orm';
import { bookings } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';
import { verifyToken } from '../tokens.js';
import { eraseCustomer, type ErasedPerson } from './erase.js';

export async function eraseByManageToken(deps: Deps, token: string): Promise<Result<ErasedPerson | null>> {
  const id = verifyToken(deps.secret, token, 'manage');
  if (!id) return fail('TOKEN_INVALID', 'This link is not valid', { field: 'token' });
  const [b] = await deps.db.select({ businessId: bookings.businessId, customerId: bookings.customerId }).from(bookings).where(and(eq(bookings.id, id)));
  if (!b) return fail('BOOKING_NOT_FOUND', 'Booking not found', { field: 'token' });
  // Already erased (a second click, another tab): nothing left to delete, and that is the answer asked for.
  if (!b.customerId) return ok(null);
  const r = await eraseCustomer(deps.db, b.businessId, b.customerId, deps.clock.now(), { reach: 'proven' });
  if (!r.ok) return r;
  for (const c of r.value.conversations) await deps.bus?.publish({ businessId: b.businessId, conversationId: c.id, seq: c.seq, kind: 'messages' });
  return r;
}
