/**
 * The first owner of a business (the `create-owner` CLI): creates the business when it does not
 * exist yet, then the owner account, or sets a new password for an existing account of that
 * business (the way back in for an owner who lost theirs and has no mail configured).
 */
import type { Lang } from '@frontdesk/shared';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { businesses, users } from '../../adapters/db/schema.js';
import { normaliseEmail } from './accounts.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';

export interface OwnerInput {
  businessId: string;
  email: string;
  password: string;
  /** Only used when the business is created; no name (or a blank one) = `defaultBusinessName(businessId)`. */
  business?: { name?: string | undefined; timeZone: string; currency: string; lang: Lang } | undefined;
  /** The owner's name as the console shows it; none = `nameFromEmail(email)`. */
  name?: string | undefined;
}

/**
 * A business created without --name is still called something an owner recognises (and can
 * change in the console), not an empty string or "undefined".
 * @example defaultBusinessName('lavanda-spb') // 'Lavanda spb'
 */
export function defaultBusinessName(businessId: string): string {
  const words = businessId.replace(/^biz[-_]/, '').replace(/[-_.]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : businessId;
}

/**
 * An owner created without --owner-name is shown by the name in their e-mail address rather
 * than the English word "Owner" in a ru or hy console.
 * @example nameFromEmail('anna.petrova@salon.example') // 'Anna Petrova'
 */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? '';
  const words = local.split(/[._+-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1));
  return words.join(' ') || email;
}

export type OwnerOutcome = { createdBusiness: boolean; createdUser: boolean; userId: string };

/** Weekdays 09:00–18:00 until the owner sets real hours in the console. */
const DEFAULT_HOURS = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '09:00', end: '18:00' }]]));

export async function createOwner(db: Db, input: OwnerInput, now: Date): Promise<OwnerOutcome> {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new Error(`--password: at least ${MIN_PASSWORD_LENGTH} characters`);
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error('--email: not an e-mail address');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    let createdBusiness = false;
    const biz = (await tx.select({ id: businesses.id, lang: businesses.defaultLang }).from(businesses).where(eq(businesses.id, input.businessId)))[0];
    let lang: Lang;
    if (biz) {
      lang = biz.lang;
    } else {
      const b = input.business;
      if (!b) throw new Error(`business "${input.businessId}" does not exist: pass --name, --time-zone, --currency and --lang to create it`);
      try {
        new Intl.DateTimeFormat('en', { timeZone: b.timeZone });
      } catch {
        throw new Error(`--time-zone: unknown time zone "${b.timeZone}"`);
      }
      if (!/^[A-Z]{3}$/.test(b.currency)) throw new Error('--currency: a three-letter code such as USD');
      await tx.insert(businesses).values({
        id: input.businessId,
        name: b.name?.trim() || defaultBusinessName(input.businessId),
        timeZone: b.timeZone,
        currency: b.currency,
        defaultLang: b.lang,
        languages: [b.lang],
        openingHours: DEFAULT_HOURS,
        notifyEmail: email,
      });
      createdBusiness = true;
      lang = b.lang;
    }
    const existing = (await tx.select().from(users).where(eq(users.email, email)))[0];
    if (existing) {
      if (existing.businessId !== input.businessId) throw new Error(`--email: ${email} already signs in to another business`);
      await tx.update(users).set({ passwordHash, role: 'owner', active: true }).where(eq(users.id, existing.id));
      return { createdBusiness, createdUser: false, userId: existing.id };
    }
    const userId = `usr_${randomUUID()}`;
    await tx.insert(users).values({ id: userId, businessId: input.businessId, email, name: input.name?.trim() || nameFromEmail(email), role: 'owner', staffId: null, passwordHash, lang, createdAt: now });
    return { createdBusiness, createdUser: true, userId };
  });
}
