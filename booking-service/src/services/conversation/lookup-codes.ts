/**
 * One-time codes that open "my booking" in any browser: asked for with a phone or an e-mail,
 * sent by e-mail (the durable console mail job), valid for CODE_TTL_MIN minutes, single-use,
 * MAX_ATTEMPTS tries, and limited per contact and per conversation. The code is only in the
 * e-mail (the row keeps an HMAC of it, the job drops the body once sent); nothing about a booking
 * is shown before it is verified.
 *
 * An e-mail that has no bookings gets the same answer as one that has ("if there are bookings, a
 * code is on its way"), so the chat cannot be used to learn who is a customer. A phone needs an
 * e-mail on file to send to: for a phone with none the visitor is told so.
 */
import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { bookings, customers, lookupCodes } from '../../adapters/db/schema.js';
import type { Lang } from '../../domain/messages/types.js';
import { maskContact, normaliseContact, type ContactPoint } from '../../domain/conversation/contact.js';
import { say } from '../../domain/conversation/words/index.js';
import { enqueueConsoleMail } from '../console/mail.js';
import type { Deps } from '../deps.js';
import { hashSecret } from '../tokens.js';
import type { Queryable } from '../../adapters/db/client.js';

export const CODE_TTL_MIN = 10;
export const MAX_ATTEMPTS = 5;
/** Codes per contact per hour, and per conversation (or page visitor) per hour. */
export const PER_CONTACT_PER_HOUR = 3;
export const PER_ASKER_PER_HOUR = 5;
const HOUR = 3_600_000;

export type SendCodeResult =
  | { ok: true; requestId: string; sentTo: string; ttlMin: number }
  | { ok: false; reason: 'no_email' }
  | { ok: false; reason: 'limited'; retryAfterMin: number };

export type VerifyCodeResult =
  | { ok: true; customerIds: string[] }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'expired' };

function codeHash(secret: string, id: string, code: string): string {
  return createHmac('sha256', secret).update(`${id}:${code}`).digest('hex');
}

/** Customers of the business with this phone (any spelling) or e-mail (any case), newest first. */
async function customersWith(db: Queryable, businessId: string, c: ContactPoint) {
  const match =
    c.email !== undefined
      ? sql`lower(${customers.email}) = ${c.email.toLowerCase()}`
      : sql`regexp_replace(${customers.phone}, '[^0-9]', '', 'g') = ${c.phone.replace(/\D/g, '')}`;
  return db
    .select({ id: customers.id, email: customers.email, name: customers.name })
    .from(customers)
    .where(and(eq(customers.businessId, businessId), match, sql`exists (select 1 from ${bookings} where ${bookings.customerId} = ${customers.id})`))
    .orderBy(desc(customers.createdAt))
    .limit(50);
}

export interface SendCodeInput {
  businessId: string;
  businessName: string;
  /** The asking conversation (null: the find-my-booking page, limited per contact only). */
  conversationId: string | null;
  contact: ContactPoint;
  lang: Lang;
}

export async function sendLookupCode(deps: Deps, db: Queryable, input: SendCodeInput): Promise<SendCodeResult> {
  const now = deps.clock.now();
  const contactHash = hashSecret(normaliseContact(input.contact));
  const since = new Date(now.getTime() - HOUR);
  const recent = await db
    .select({ createdAt: lookupCodes.createdAt, conversationId: lookupCodes.conversationId, contactHash: lookupCodes.contactHash })
    .from(lookupCodes)
    .where(and(eq(lookupCodes.businessId, input.businessId), gt(lookupCodes.createdAt, since), sql`(${lookupCodes.contactHash} = ${contactHash} OR ${lookupCodes.conversationId} = ${input.conversationId ?? ''})`))
    .orderBy(lookupCodes.createdAt);
  const perContact = recent.filter((r) => r.contactHash === contactHash);
  const perAsker = input.conversationId ? recent.filter((r) => r.conversationId === input.conversationId) : [];
  const over = perContact.length >= PER_CONTACT_PER_HOUR ? perContact : perAsker.length >= PER_ASKER_PER_HOUR ? perAsker : null;
  if (over) {
    const oldest = over[over.length - (over === perContact ? PER_CONTACT_PER_HOUR : PER_ASKER_PER_HOUR)]!.createdAt.getTime();
    return { ok: false, reason: 'limited', retryAfterMin: Math.max(1, Math.ceil((oldest + HOUR - now.getTime()) / 60_000)) };
  }

  const found = await customersWith(db, input.businessId, input.contact);
  const to = input.contact.email ?? found.find((c) => c.email)?.email ?? null;
  if (input.contact.phone !== undefined && !to) return { ok: false, reason: 'no_email' };

  const id = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.insert(lookupCodes).values({
    id,
    businessId: input.businessId,
    conversationId: input.conversationId,
    contactHash,
    codeHash: codeHash(deps.secret, id, code),
    customerIds: found.map((c) => c.id),
    expiresAt: new Date(now.getTime() + CODE_TTL_MIN * 60_000),
    createdAt: now,
  });
  // Only where there is something to open: an address without bookings gets no mail. The code
  // is in the body only (the job keeps the subject after sending, for its log).
  if (found.length > 0 && to) {
    const values = { code, business: input.businessName, minutes: CODE_TTL_MIN };
    await enqueueConsoleMail(db, { to, subject: say(input.lang, 'codeMail.subject', values), text: say(input.lang, 'codeMail.text', values), dedupeKey: `lookup:${id}` }, now);
  }
  return { ok: true, requestId: id, sentTo: maskContact({ email: to ?? input.contact.email! }), ttlMin: CODE_TTL_MIN };
}

/**
 * Checks a code: wrong answers count against MAX_ATTEMPTS; the right one is spent in the same
 * conditional UPDATE that checks it is unspent, so of two racing right answers one wins.
 */
export async function verifyLookupCode(deps: Deps, db: Queryable, input: { businessId: string; conversationId: string | null; requestId: string; code: string }): Promise<VerifyCodeResult> {
  const now = deps.clock.now();
  const rows = await db.select().from(lookupCodes).where(and(eq(lookupCodes.id, input.requestId), eq(lookupCodes.businessId, input.businessId))).limit(1);
  const row = rows[0];
  if (!row || (input.conversationId !== null && row.conversationId !== input.conversationId)) return { ok: false, reason: 'expired' };
  if (row.usedAt || row.expiresAt <= now || row.attempts >= MAX_ATTEMPTS) return { ok: false, reason: 'expired' };
  const given = Buffer.from(codeHash(deps.secret, row.id, input.code.replace(/\D/g, '')));
  const right = given.length === row.codeHash.length && timingSafeEqual(given, Buffer.from(row.codeHash));
  const live = and(eq(lookupCodes.id, row.id), isNull(lookupCodes.usedAt), gt(lookupCodes.expiresAt, now), lt(lookupCodes.attempts, MAX_ATTEMPTS));
  if (!right) {
    const bumped = await db.update(lookupCodes).set({ attempts: sql`${lookupCodes.attempts} + 1` }).where(live).returning({ attempts: lookupCodes.attempts });
    const attempts = bumped[0]?.attempts;
    if (attempts === undefined) return { ok: false, reason: 'expired' };
    return { ok: false, reason: 'wrong', attemptsLeft: Math.max(0, MAX_ATTEMPTS - attempts) };
  }
  const spent = await db.update(lookupCodes).set({ usedAt: now }).where(live).returning({ customerIds: lookupCodes.customerIds });
  return spent[0] ? { ok: true, customerIds: spent[0].customerIds } : { ok: false, reason: 'expired' };
}

/** Codes older than a day are of no use to anyone: the retention job drops them. */
export async function purgeLookupCodes(db: Queryable, now: Date): Promise<number> {
  const old = await db.select({ id: lookupCodes.id }).from(lookupCodes).where(lt(lookupCodes.createdAt, new Date(now.getTime() - 24 * HOUR))).limit(1000);
  if (old.length === 0) return 0;
  await db.delete(lookupCodes).where(inArray(lookupCodes.id, old.map((r) => r.id)));
  return old.length;
}
