/**
 * A private iCalendar feed per staff member, for Apple Calendar / Outlook subscribers:
 * `<publicUrl>/calendar/staff/<secret>.ics`. It lists bookings from 30 days back to the
 * business's horizon; times in UTC.
 *
 * The secret is HMAC(app secret, staff id + issue time), stored only as its sha256, so the
 * console can show the URL again (it is re-derived and checked against the hash) while a
 * leaked table reveals no URL. Issuing again replaces (revokes) the old URL; `revokeFeed` turns
 * the feed off and leaves a tombstone so a later issue never re-creates a revoked URL (the
 * issue time only moves forward per staff member).
 */
import { createHmac } from 'node:crypto';
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import { bookings, businesses, customers, services, staff, staffCalendarFeeds } from '../../adapters/db/schema.js';
import type { Db } from '../../adapters/db/client.js';
import type { Deps } from '../deps.js';
import { pick } from '../site-view.js';
import { hashSecret } from './connection.js';

const DAY_MS = 86_400_000;
const REVOKED = 'revoked:';

type FeedRow = typeof staffCalendarFeeds.$inferSelect;

const feedSecret = (secret: string, staffId: string, issuedAt: Date) =>
  createHmac('sha256', secret).update(`gcal_feed:${staffId}:${issuedAt.getTime()}`).digest('base64url');

const urlOf = (deps: Deps, token: string) => `${deps.publicUrl.replace(/\/+$/, '')}/calendar/staff/${token}.ics`;

export async function issueFeed(deps: Deps, staffId: string): Promise<string> {
  // Two "new feed" clicks at once would derive the same secret from the same issue time, and
  // on PostgreSQL the second upsert can then trip the token_hash unique index before the
  // staff_id conflict resolves (a 500 found by the console fuzz test): the staff row's lock
  // makes them take turns, so the second one sees the first and issues a later secret.
  const token = await deps.db.transaction(async (tx) => {
    await tx.select({ id: staff.id }).from(staff).where(eq(staff.id, staffId)).for('update');
    const prev = (await tx.select().from(staffCalendarFeeds).where(eq(staffCalendarFeeds.staffId, staffId)))[0];
    const now = deps.clock.now().getTime();
    const issuedAt = new Date(prev ? Math.max(now, prev.createdAt.getTime() + 1) : now);
    const secret = feedSecret(deps.secret, staffId, issuedAt);
    const row = { staffId, tokenHash: hashSecret(secret), createdAt: issuedAt };
    await tx.insert(staffCalendarFeeds).values(row).onConflictDoUpdate({ target: staffCalendarFeeds.staffId, set: { tokenHash: row.tokenHash, createdAt: row.createdAt } });
    return secret;
  });
  return urlOf(deps, token);
}

/** The live feed URL of a staff member, or null (none, revoked, or issued under another app secret). */
export function feedUrlOf(deps: Deps, row: FeedRow | undefined): string | null {
  if (!row || row.tokenHash.startsWith(REVOKED)) return null;
  const token = feedSecret(deps.secret, row.staffId, row.createdAt);
  return hashSecret(token) === row.tokenHash ? urlOf(deps, token) : null;
}

export async function loadFeedUrl(deps: Deps, staffId: string): Promise<string | null> {
  return feedUrlOf(deps, (await deps.db.select().from(staffCalendarFeeds).where(eq(staffCalendarFeeds.staffId, staffId)))[0]);
}

export async function revokeFeed(db: Db, staffId: string): Promise<void> {
  // The tombstone keeps the issue time; its "hash" can never equal a sha256 hex digest.
  await db
    .update(staffCalendarFeeds)
    .set({ tokenHash: `${REVOKED}${staffId}` })
    .where(eq(staffCalendarFeeds.staffId, staffId));
}

/** The feed's iCalendar text, or null for an unknown or revoked secret. */
export async function feedIcs(deps: Deps, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const found = await deps.db
    .select({ staff, business: businesses })
    .from(staffCalendarFeeds)
    .innerJoin(staff, eq(staff.id, staffCalendarFeeds.staffId))
    .innerJoin(businesses, eq(businesses.id, staff.businessId))
    .where(eq(staffCalendarFeeds.tokenHash, hashSecret(token)));
  const f = found[0];
  if (!f) return null;
  const now = deps.clock.now().getTime();
  const rows = await deps.db
    .select({ b: bookings, service: services, customer: customers })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .leftJoin(customers, eq(customers.id, bookings.customerId))
    .where(
      and(
        eq(bookings.businessId, f.business.id),
        eq(bookings.staffId, f.staff.id),
        inArray(bookings.status, ['confirmed', 'attended', 'no_show', 'cancelled']),
        gt(bookings.endsAt, new Date(now - 30 * DAY_MS)),
        lt(bookings.startsAt, new Date(now + (f.business.horizonDays + 1) * DAY_MS)),
      ),
    );
  const cal = ical({ name: `${f.staff.name} — ${f.business.name}`, prodId: { company: 'Frontdesk', product: 'staff-feed' } });
  for (const { b, service, customer } of rows) {
    const name = pick(service.names, f.business.defaultLang, f.business.defaultLang) ?? service.id;
    cal.createEvent({
      id: `${b.id}@frontdesk`,
      sequence: b.version,
      start: b.startsAt,
      end: b.endsAt,
      stamp: b.updatedAt,
      summary: `${name} — ${customer?.name ?? '—'}`,
      description: [customer?.phone, customer?.email, b.note].filter(Boolean).join('\n'),
      location: f.business.address,
      status: b.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
