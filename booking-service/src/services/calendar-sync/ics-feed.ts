/**
 * A private iCalendar feed per staff member, for Apple Calendar / Outlook subscribers:
 * `<publicUrl>/calendar/staff/<secret>.ics`. The secret is 24 random bytes, stored only as its
 * sha256; issuing a new one replaces (revokes) the old, `revokeFeed` turns the feed off.
 * It lists bookings from 30 days back to the business's horizon; times in UTC.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import { bookings, businesses, customers, services, staff, staffCalendarFeeds } from '../../adapters/db/schema.js';
import type { Db } from '../../adapters/db/client.js';
import type { Deps } from '../deps.js';
import { pick } from '../site-view.js';
import { hashSecret } from './connection.js';

const DAY_MS = 86_400_000;

export async function issueFeed(deps: Deps, staffId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const row = { staffId, tokenHash: hashSecret(token), createdAt: deps.clock.now() };
  await deps.db.insert(staffCalendarFeeds).values(row).onConflictDoUpdate({ target: staffCalendarFeeds.staffId, set: { tokenHash: row.tokenHash, createdAt: row.createdAt } });
  return `${deps.publicUrl.replace(/\/+$/, '')}/calendar/staff/${token}.ics`;
}

export async function revokeFeed(db: Db, staffId: string): Promise<void> {
  await db.delete(staffCalendarFeeds).where(eq(staffCalendarFeeds.staffId, staffId));
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
