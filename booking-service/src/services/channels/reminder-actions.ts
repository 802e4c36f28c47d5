/**
 * A press of a reminder's Confirm or Reschedule button in Telegram or WhatsApp (issue 16). It is
 * believed only from the chat linked to the booking's client (the chat's conversation names the
 * same customer): Confirm records "I'll be there" (as the e-mail's link does) and thanks the
 * client; Reschedule opens the booking in the chat's conversation and asks for a new time — the
 * same engine flow as "My booking" → Reschedule; Cancel (on a re-confirmation request) likewise
 * opens it and asks "cancel this booking?". Each press is played once (its update id).
 */
import { and, eq } from 'drizzle-orm';
import { bookings, channelUpdates, conversations } from '../../adapters/db/schema.js';
import type { ReminderAction } from '../../domain/channels/reminder-actions.js';
import { channelWord } from '../../domain/channels/words.js';
import { instantWords } from '../../domain/conversation/words/format.js';
import type { Lang } from '../../domain/messages/types.js';
import type { Deps } from '../deps.js';
import { sendChannelTurn } from '../conversation/turns.js';
import type { SiteContext } from '../site.js';
import { signToken } from '../tokens.js';
import { confirmAttendance } from '../visitor-confirm.js';
import { botOf, type ConnectionRow } from './connections.js';
import { channelOutbound } from './deliver.js';
import type { ChannelsRuntime } from './runtime.js';
import { whatsappApiOf } from './whatsapp-connection.js';

export interface ReminderPress {
  conn: ConnectionRow;
  site: SiteContext;
  channel: 'telegram' | 'whatsapp';
  chat: string;
  action: ReminderAction;
  bookingId: string;
  /** The messenger's id of this press (update id / message id): played once. */
  updateKey: string;
}

async function say(rt: ChannelsRuntime, conn: ConnectionRow, chat: string, text: string): Promise<void> {
  if (conn.channel === 'whatsapp') await whatsappApiOf(rt, conn).send(chat, { type: 'text', text: { body: text, preview_url: false } });
  else await botOf(rt, conn).sendMessage(chat, text);
}

export async function handleReminderPress(deps: Deps, rt: ChannelsRuntime, p: ReminderPress): Promise<'played' | 'duplicate'> {
  const conv = (await deps.db.select().from(conversations)
    .where(and(eq(conversations.businessId, p.conn.businessId), eq(conversations.channel, p.channel), eq(conversations.externalRef, p.chat))).limit(1))[0];
  const booking = (await deps.db.select().from(bookings).where(and(eq(bookings.id, p.bookingId), eq(bookings.businessId, p.conn.businessId))).limit(1))[0];
  const lang: Lang = conv?.lang ?? booking?.lang ?? p.site.business.defaultLang;
  const claim = async (tx: Pick<Deps['db'], 'insert'>) =>
    (await tx.insert(channelUpdates).values({ connectionId: p.conn.id, updateKey: p.updateKey, receivedAt: deps.clock.now() }).onConflictDoNothing().returning()).length > 0;

  // Only the client's own chat may act on the booking.
  if (!conv || !booking || !booking.customerId || conv.customerId !== booking.customerId) {
    if (!(await claim(deps.db))) return 'duplicate';
    await say(rt, p.conn, p.chat, channelWord(lang, 'reminderStale'));
    return 'played';
  }
  if (p.action === 'confirm') {
    if (!(await claim(deps.db))) return 'duplicate';
    const r = await confirmAttendance(deps, signToken(deps.secret, booking.id, 'confirm'));
    const when = instantWords(booking.startsAt.getTime(), p.site.business.timeZone, lang).when;
    await say(rt, p.conn, p.chat, r.ok ? channelWord(lang, 'attendanceThanks', { when }) : channelWord(lang, 'reminderStale'));
    return 'played';
  }
  // Reschedule / Cancel: the booking opened by its manage token (the chat is the proof), then that action
  // (Cancel asks "are you sure?" in the chat, as "My booking" → Cancel does).
  const act = p.action === 'cancel' ? 'act:cancel' : 'act:reschedule';
  const opened = await sendChannelTurn(deps, {
    site: p.site, channel: p.channel, externalRef: p.chat, lang: undefined,
    event: { type: 'start', flow: 'manage', manageToken: signToken(deps.secret, booking.id, 'manage') },
    claimUpdate: claim,
  });
  if (!opened.played) return 'duplicate';
  await sendChannelTurn(deps, {
    site: p.site, channel: p.channel, externalRef: p.chat, lang: undefined,
    // Only when the booking is on screen and may still be moved (the engine offers the action then).
    event: (prompt) => (prompt?.kind === 'choice' && prompt.options.some((o) => o.id === act) ? { type: 'choose', optionId: act } : null),
  });
  await (deps.outbound ?? channelOutbound(deps, rt)).deliver({ businessId: opened.businessId, conversationId: opened.conversationId });
  return 'played';
}
