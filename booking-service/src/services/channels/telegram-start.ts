/**
 * "Get reminders in Telegram" (issue 16): a booking made in the widget (its card) or confirmed by
 * e-mail offers `https://t.me/<bot>?start=<token>`. The token is random (32 characters of
 * base64url, within Telegram's 64 of [A-Za-z0-9_-]), kept only as its sha256, names the booking and
 * customer, expires at the booking's end and is spent once: the bot's `/start <token>` links the
 * chat to the customer (the chat's conversation gets the customer; Telegram becomes their
 * preferred channel, so confirmations, reminders and changes go there — notify.ts — with e-mail
 * as a copy) and answers with the booking card, in the customer's language. Spent, expired or
 * forged tokens get a clear answer and change nothing. The update's claim, the token's spending
 * and the link commit together.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { channelUpdates, conversations, customers, telegramStartTokens } from '../../adapters/db/schema.js';
import { bookingCard } from '../../domain/conversation/cards.js';
import { negotiateLang } from '../../domain/conversation/context.js';
import { openConversation, promptOf } from '../../domain/conversation/engine.js';
import type { Lang } from '../../domain/conversation/protocol.js';
import { say } from '../../domain/conversation/words/index.js';
import type { Deps } from '../deps.js';
import { readBookings } from '../conversation/bookings-now.js';
import { engineContext } from '../conversation/engine-context.js';
import { ensurePurgeJob } from '../conversation/retention.js';
import { appendMessages } from '../conversation/transcript.js';
import { newSecret } from '../tokens.js';
import type { SiteContext } from '../site.js';
import { botOf, telegramConnection, type ConnectionRow } from './connections.js';
import { channelOutbound } from './deliver.js';
import type { ChannelsRuntime } from './runtime.js';

const DAY = 86_400_000;
/** Telegram's start parameter: up to 64 of [A-Za-z0-9_-]; ours are 32. */
const START_PARAM = /^[A-Za-z0-9_-]{1,64}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A fresh deep link for this booking and customer, or null when there is nothing to offer: no
 * working Telegram connection with a known username, the booking already over, or the customer
 * already gets their messages in Telegram.
 */
export async function offerTelegramLink(db: Queryable, o: { businessId: string; bookingId: string; customerId: string; endsAt: Date }, now: Date): Promise<string | null> {
  if (o.endsAt.getTime() <= now.getTime()) return null;
  const conn = await telegramConnection({ db } as Deps, o.businessId);
  const username = conn?.status === 'ok' ? conn.config.username : undefined;
  if (!username) return null;
  const customer = (await db.select({ pref: customers.preferredChannel }).from(customers).where(eq(customers.id, o.customerId)).limit(1))[0];
  if (!customer || customer.pref === 'telegram') return null;
  const token = randomBytes(24).toString('base64url');
  await db.insert(telegramStartTokens).values({ tokenHash: hashOf(token), businessId: o.businessId, bookingId: o.bookingId, customerId: o.customerId, expiresAt: o.endsAt, createdAt: now });
  return `https://t.me/${encodeURIComponent(username)}?start=${token}`;
}

/** The start parameter of a `/start <param>` message, or null for a plain /start or anything else. */
export function startParam(text: string | undefined): string | null {
  const m = /^\/start(?:@\w+)?\s+(\S+)\s*$/.exec(text?.trim() ?? '');
  return m ? m[1]! : null;
}

export type StartAnswer = 'linked' | 'already' | 'refused' | 'duplicate';

export interface StartInput {
  conn: ConnectionRow;
  site: SiteContext;
  chat: string;
  param: string;
  /** Telegram's language of the client (for a refusal: the token names no one). */
  languageCode: string | undefined;
  updateKey: string;
}

export async function handleStartLink(deps: Deps, rt: ChannelsRuntime, s: StartInput): Promise<StartAnswer> {
  const now = deps.clock.now();
  const ctx = await engineContext(deps, s.site, now);
  const done = await deps.db.transaction(async (tx) => {
    const claimed = await tx.insert(channelUpdates).values({ connectionId: s.conn.id, updateKey: s.updateKey, receivedAt: now }).onConflictDoNothing().returning();
    if (claimed.length === 0) return { answer: 'duplicate' as const };
    const hash = START_PARAM.test(s.param) ? hashOf(s.param) : '';
    const [spent] = await tx.update(telegramStartTokens)
      .set({ usedAt: now, usedChat: s.chat })
      .where(and(eq(telegramStartTokens.tokenHash, hash), eq(telegramStartTokens.businessId, s.conn.businessId), isNull(telegramStartTokens.usedAt), gt(telegramStartTokens.expiresAt, now)))
      .returning({ bookingId: telegramStartTokens.bookingId, customerId: telegramStartTokens.customerId });
    if (!spent) {
      // The same chat opening its link again is told it is done; anyone else, that the link is not valid.
      const [used] = await tx.select({ chat: telegramStartTokens.usedChat }).from(telegramStartTokens).where(and(eq(telegramStartTokens.tokenHash, hash), eq(telegramStartTokens.businessId, s.conn.businessId))).limit(1);
      return { answer: used?.chat === s.chat ? ('already' as const) : ('refused' as const) };
    }
    const [customer] = await tx.update(customers).set({ preferredChannel: 'telegram' }).where(eq(customers.id, spent.customerId)).returning({ lang: customers.lang });
    const [facts] = await readBookings({ ...deps, db: tx }, s.conn.businessId, { ids: [spent.bookingId] });
    if (!customer || !facts) return { answer: 'refused' as const };
    const lang: Lang = ctx.business.languages.includes(customer.lang) ? customer.lang : ctx.business.defaultLang;
    let row = (await tx.select().from(conversations)
      .where(and(eq(conversations.businessId, s.conn.businessId), eq(conversations.channel, 'telegram'), eq(conversations.externalRef, s.chat)))
      .for('update').limit(1))[0];
    const greeting = [];
    if (!row) {
      // A chat that starts with the link: its conversation opens as /start would open it.
      const open = openConversation(ctx, lang);
      greeting.push(...open.messages);
      row = (await tx.insert(conversations).values({
        id: randomUUID(),
        businessId: s.conn.businessId,
        siteId: s.site.site.id,
        channel: 'telegram',
        externalRef: s.chat,
        // Messengers have no token: the chat is the proof. The hash is of a secret nobody keeps.
        tokenHash: newSecret().hash,
        lang,
        status: open.state.status,
        state: { ...open.state, prompt: promptOf(open.state, ctx) },
        purgeAfter: new Date(now.getTime() + s.site.business.transcriptRetentionDays * DAY),
        createdAt: now,
        updatedAt: now,
      }).returning())[0]!;
      await ensurePurgeJob(tx, now);
    }
    const linked = { from: 'bot' as const, text: say(lang, 'tgLink.linked'), card: bookingCard(ctx, facts.facts, lang) };
    await tx.update(conversations).set({ customerId: spent.customerId, lastVisitorAt: now }).where(eq(conversations.id, row.id));
    const added = await appendMessages(tx, row.id, row.businessId, [...greeting.map((m) => ({ from: m.from, text: m.text, card: m.card })), linked], now);
    return { answer: 'linked' as const, conversationId: row.id, seq: added.at(-1)!.seq };
  });
  if (done.answer === 'linked') {
    await deps.bus?.publish({ businessId: s.conn.businessId, conversationId: done.conversationId, seq: done.seq, kind: 'messages' });
    await (deps.outbound ?? channelOutbound(deps, rt)).deliver({ businessId: s.conn.businessId, conversationId: done.conversationId });
  } else if (done.answer !== 'duplicate') {
    const lang = negotiateLang(ctx, s.languageCode);
    await botOf(rt, s.conn).sendMessage(s.chat, say(lang, done.answer === 'already' ? 'tgLink.already' : 'tgLink.refused'))
      .catch((err: unknown) => rt.log?.('[channels] telegram start-link answer failed', err));
  }
  return done.answer;
}
