/**
 * The console's "Waiting list" (issue 17): who waits for what in one business, newest first, with
 * the open offer's end when there is one. Read-only; removing goes through `removeEntry` (offers.ts),
 * which withdraws an open offer and passes its time on. Scoped by the business id the caller gives
 * (the console session's), so another business's entries are never read.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Localized } from '@frontdesk/shared';
import { services, staff, waitlistEntries, waitlistOffers } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';

export interface WaitlistRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  channel: string;
  lang: string;
  service: Localized;
  /** null = anyone on the team. */
  staffName: string | null;
  fromDay: string;
  toDay: string;
  part: 'any' | 'morning' | 'afternoon' | 'evening';
  since: string;
  status: 'waiting' | 'offered' | 'booked' | 'expired' | 'removed';
  /** The open offer (status `offered`): the time held for this person and until when. */
  offer: { startsAt: string; expiresAt: string } | null;
}

/** The last 500 entries (the list is a working view, not an archive). */
export async function listWaitlist(deps: Pick<Deps, 'db'>, businessId: string): Promise<WaitlistRow[]> {
  const rows = await deps.db
    .select({
      e: waitlistEntries,
      service: services.names,
      staffName: staff.name,
      offerStartsAt: waitlistOffers.startsAt,
      offerExpiresAt: waitlistOffers.expiresAt,
    })
    .from(waitlistEntries)
    .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
    .leftJoin(staff, eq(staff.id, waitlistEntries.staffId))
    .leftJoin(waitlistOffers, and(eq(waitlistOffers.entryId, waitlistEntries.id), eq(waitlistOffers.status, 'offered')))
    .where(eq(waitlistEntries.businessId, businessId))
    .orderBy(desc(waitlistEntries.createdAt), desc(waitlistEntries.id))
    .limit(500);
  return rows.map(({ e, service, staffName, offerStartsAt, offerExpiresAt }) => ({
    id: e.id,
    name: e.name,
    email: e.email,
    phone: e.phone,
    channel: e.channel,
    lang: e.lang,
    service,
    staffName: staffName ?? null,
    fromDay: e.fromDay,
    toDay: e.toDay,
    part: e.part,
    since: e.createdAt.toISOString(),
    status: e.status,
    offer: offerStartsAt && offerExpiresAt ? { startsAt: offerStartsAt.toISOString(), expiresAt: offerExpiresAt.toISOString() } : null,
  }));
}
