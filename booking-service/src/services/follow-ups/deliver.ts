/**
 * Sending one follow-up when its job runs: read the lead as it is NOW, decide (domain/follow-ups/
 * plan.ts decideSend: a reply, a booking, "not interested" or staff since it was planned stop it;
 * quiet hours push it), then write it into the transcript — where the widget and the messenger
 * see it — and, on the widget, mail it to the consented e-mail with the one-tap links, or text a
 * phone-only lead one short SMS with a short link to the follow-up page (domain/follow-ups/sms-text.ts).
 * Exactly once: the row moves scheduled → sent in the transaction that appends the message.
 */
import { escapeHtml, type Lang } from '@frontdesk/shared';
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { businesses, conversationMessages, conversations, followUps, leads } from '../../adapters/db/schema.js';
import { readState } from '../../domain/conversation/state.js';
import { priceWords, type Price } from '../../domain/conversation/words/format.js';
import { button, layout } from '../../domain/messages/html.js';
import { decideSend, type SendDecision } from '../../domain/follow-ups/plan.js';
import { readFollowUpSettings, type Sequence } from '../../domain/follow-ups/settings.js';
import { followUpSms } from '../../domain/follow-ups/sms-text.js';
import { followUpText } from '../../domain/follow-ups/texts.js';
import { shortLink } from '../channels/short-links.js';
import type { Deps } from '../deps.js';
import { signToken } from '../tokens.js';
import { leadFacts } from './schedule.js';

type FollowUpRow = typeof followUps.$inferSelect;
type ConversationRow = typeof conversations.$inferSelect;

const MAIL: Record<Lang, { subject: Record<Sequence, (b: string) => string>; book: string; open: string; stop: string }> = {
  en: {
    subject: { nudge: (b) => `${b}: are you still there?`, quote: (b) => `Your quote from ${b}`, silent: (b) => `${b}: can we help?` },
    book: 'Book this',
    open: 'Continue',
    stop: 'Not interested',
  },
  ru: {
    subject: { nudge: (b) => `«${b}»: вы ещё здесь?`, quote: (b) => `Ваш расчёт от «${b}»`, silent: (b) => `«${b}»: чем помочь?` },
    book: 'Записаться',
    open: 'Продолжить',
    stop: 'Не актуально',
  },
  hy: {
    subject: { nudge: (b) => `${b}՝ դեռ այստե՞ղ եք`, quote: (b) => `Ձեր հաշվարկը՝ ${b}`, silent: (b) => `${b}՝ ինչո՞վ օգնենք` },
    book: 'Գրանցվել',
    open: 'Շարունակել',
    stop: 'Պետք չէ',
  },
};

/** The follow-up page of a conversation (./page.ts): where every link of a follow-up leads. */
export function followUpLink(deps: Pick<Deps, 'secret' | 'publicUrl'>, conversationId: string, action?: 'book' | 'stop'): string {
  return `${deps.publicUrl}/follow-up?t=${encodeURIComponent(signToken(deps.secret, conversationId, 'follow-up'))}${action ? `&do=${action}` : ''}`;
}

export type SendPlan =
  | { go: false; decision: Exclude<SendDecision, { send: true }> | { send: false; skip: 'gone' | 'not_scheduled' } }
  | {
      go: true;
      followUp: FollowUpRow;
      conversation: ConversationRow;
      /** The transcript message. */
      text: string;
      /** The e-mail, on the widget (null = a messenger: the transcript reaches the chat). */
      mail: { to: string; businessName: string; subject: string; text: string; html: string } | null;
      /** The text message, on the widget when the lead left only a phone. */
      sms?: { to: string; text: string } | undefined;
    };

/** What to do for a follow-up now. */
export async function planSend(deps: Deps, followUpId: string, now: Date): Promise<SendPlan> {
  const [r] = await deps.db
    .select({ f: followUps, c: conversations, b: businesses })
    .from(followUps)
    .innerJoin(conversations, eq(conversations.id, followUps.conversationId))
    .innerJoin(businesses, eq(businesses.id, followUps.businessId))
    .where(eq(followUps.id, followUpId))
    .limit(1);
  if (!r) return { go: false, decision: { send: false, skip: 'gone' } };
  if (r.f.status !== 'scheduled') return { go: false, decision: { send: false, skip: 'not_scheduled' } };
  const { c, b, f } = r;
  const state = readState(c.state, c.lang);
  const settings = readFollowUpSettings(b.followUps);
  // The column is the truth for outcome and status (staff and links change them too).
  const facts = { ...leadFacts(state, c.channel, c.status), outcome: c.outcome ?? state.outcome, lastVisitorAt: c.lastVisitorAt?.getTime() ?? null };
  const decision = decideSend(facts, { sequence: f.sequence, scheduledAt: f.scheduledAt.getTime() }, settings, now.getTime(), b.timeZone);
  if (!decision.send) return { go: false, decision };

  const lang = c.lang;
  const name = state.contact?.name ?? c.contactName ?? '';
  const quote = f.sequence === 'quote' ? await quoteWords(deps.db, c.id, lang) : undefined;
  const question = f.sequence === 'nudge' ? await lastBotText(deps.db, c.id) : undefined;
  const text = followUpText(settings, f.sequence, lang, { name, business: b.name, question, quote });
  const email = state.contact?.contact.email;
  const phone = state.contact?.contact.phone;
  if (c.channel === 'widget' && !email && phone) {
    // A quote's SMS opens the page on "book this"; the others on the conversation.
    const link = await shortLink(deps.db, deps, b.id, followUpLink(deps, c.id, f.sequence === 'quote' ? 'book' : undefined), now);
    return { go: true, followUp: f, conversation: c, text, mail: null, sms: { to: phone, text: followUpSms(f.sequence, { businessName: b.name, quote, link }, lang) } };
  }
  if (c.channel !== 'widget' || !email) return { go: true, followUp: f, conversation: c, text, mail: null };

  const w = MAIL[lang];
  const links: Array<[string, string, boolean]> = [
    ...(f.sequence === 'quote' ? [[followUpLink(deps, c.id, 'book'), w.book, true] as [string, string, boolean]] : []),
    [followUpLink(deps, c.id), w.open, f.sequence !== 'quote'],
    [followUpLink(deps, c.id, 'stop'), w.stop, false],
  ];
  const subject = w.subject[f.sequence](b.name);
  const plain = `${text}\n\n${links.map(([href, label]) => `${label}: ${href}`).join('\n')}\n\n— ${b.name}`;
  const html = layout(
    lang,
    subject,
    `<p style="white-space:pre-wrap">${escapeHtml(text)}</p><p>${links.map(([href, label, primary]) => button(href, label, primary)).join('')}</p>`,
    escapeHtml(b.name),
  );
  return { go: true, followUp: f, conversation: c, text, mail: { to: email, businessName: b.name, subject, text: plain, html } };
}

/** The last quote of the lead in words: "Haircut, long hair — 2 500 ₽". */
async function quoteWords(db: Queryable, conversationId: string, lang: Lang): Promise<string | undefined> {
  const [l] = await db.select({ quote: leads.quote }).from(leads).where(eq(leads.conversationId, conversationId)).limit(1);
  const q = l?.quote as { price?: Price & { currency?: string }; summary?: string } | null | undefined;
  if (!q?.price?.currency) return q?.summary;
  const price = priceWords(q.price, q.price.currency, lang);
  return q.summary ? `${q.summary} — ${price}` : price;
}

/** The question the visitor stopped at: the bot's last message. */
async function lastBotText(db: Queryable, conversationId: string): Promise<string | undefined> {
  const [m] = await db
    .select({ text: conversationMessages.text })
    .from(conversationMessages)
    .where(and(eq(conversationMessages.conversationId, conversationId), eq(conversationMessages.from, 'bot')))
    .orderBy(desc(conversationMessages.seq))
    .limit(1);
  return m?.text;
}

/** scheduled → sent, once; false = someone else moved it first (cancelled meanwhile, or sent). */
export async function markSent(tx: Queryable, followUpId: string, via: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(followUps)
    .set({ status: 'sent', via, sentAt: now })
    .where(and(eq(followUps.id, followUpId), eq(followUps.status, 'scheduled')))
    .returning({ id: followUps.id });
  return rows.length === 1;
}

/** scheduled → skipped with the reason (the job found it no longer wanted). */
export async function markSkipped(tx: Queryable, followUpId: string, reason: string): Promise<void> {
  await tx.update(followUps).set({ status: 'skipped', reason }).where(and(eq(followUps.id, followUpId), eq(followUps.status, 'scheduled')));
}
