/**
 * Telling a waiting person a time is theirs (job `waitlist.send`): on a messenger the message goes
 * into the conversation's transcript and out to the chat (the one outbound cursor); otherwise by
 * e-mail with the one-tap link (and into the widget conversation's transcript too). An offer that
 * is no longer open (booked, expired, withdrawn) sends nothing.
 */
import { escapeHtml, type Lang } from '@frontdesk/shared';
import { eq } from 'drizzle-orm';
import { businesses, conversations, services, staff, waitlistEntries, waitlistOffers } from '../../adapters/db/schema.js';
import { button, layout } from '../../domain/messages/html.js';
import { formatTime, formatWhen } from '../../domain/messages/format.js';
import { localize } from '../../domain/quote/localized-text.js';
import { OFFER_MINUTES } from '../../domain/waitlist/window.js';
import { OFFER_TEXT, type OfferFacts } from '../../domain/waitlist/texts.js';
import type { Deps } from '../deps.js';
import { offerLink } from './offers.js';

export type OfferMessage =
  | { go: false; why: 'gone' | 'not_offered' }
  | {
      go: true;
      offerId: string;
      businessId: string;
      businessName: string;
      lang: Lang;
      conversationId: string | null;
      /** The chat the conversation runs on (null: none, or the widget). */
      messenger: string | null;
      text: string;
      mail: { to: string; subject: string; text: string; html: string } | null;
    };

export async function offerMessage(deps: Pick<Deps, 'db' | 'secret' | 'publicUrl'>, offerId: string): Promise<OfferMessage> {
  const [r] = await deps.db
    .select({ o: waitlistOffers, e: waitlistEntries, b: businesses, svc: services, staffName: staff.name, channel: conversations.channel })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .innerJoin(businesses, eq(businesses.id, waitlistOffers.businessId))
    .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
    .innerJoin(staff, eq(staff.id, waitlistOffers.staffId))
    .leftJoin(conversations, eq(conversations.id, waitlistEntries.conversationId))
    .where(eq(waitlistOffers.id, offerId))
    .limit(1);
  if (!r) return { go: false, why: 'gone' };
  if (r.o.status !== 'offered') return { go: false, why: 'not_offered' };
  const lang = r.e.lang;
  const tz = r.b.timeZone;
  const facts: OfferFacts = {
    business: r.b.name,
    service: localize(r.svc.names, lang, r.b.defaultLang),
    staff: r.staffName,
    when: formatWhen(r.o.startsAt.getTime(), tz, lang),
    until: formatTime(r.o.expiresAt.getTime(), tz, lang),
    minutes: OFFER_MINUTES,
  };
  const w = OFFER_TEXT[lang];
  const link = offerLink(deps, r.o.id);
  const text = `${w.body(facts)}\n${link}`;
  const messenger = r.channel && r.channel !== 'widget' && r.channel !== 'email' ? r.channel : null;
  const mail = !messenger && r.e.email
    ? {
        to: r.e.email,
        subject: w.subject(facts),
        text: `${text}\n\n— ${r.b.name}`,
        html: layout(lang, w.subject(facts), `<p>${escapeHtml(w.body(facts))}</p><p>${button(link, w.book, true)}</p>`, escapeHtml(r.b.name)),
      }
    : null;
  return { go: true, offerId: r.o.id, businessId: r.b.id, businessName: r.b.name, lang, conversationId: r.e.conversationId, messenger, text, mail };
}
