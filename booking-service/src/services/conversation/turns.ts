/**
 * A conversation held on the server: open or resume it, and play one visitor turn.
 *
 * One turn = load the row → run the engine (pure) → carry out the effects it asks for through
 * the existing use cases → append the messages, store the new state, update the lead and record
 * the events → commit → publish on the conversation bus. Everything from the effects on is one
 * transaction, and the state is written conditionally on the version read: when two tabs send
 * at once, one commits and the other's transaction (its effects included) rolls back and plays
 * its event again on the fresh state.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { businesses, conversations, sites } from '../../adapters/db/schema.js';
import { negotiateLang, type EngineContext } from '../../domain/conversation/context.js';
import { openConversation, promptOf, readState, resume, start } from '../../domain/conversation/engine.js';
import type { ConversationChannel, ConversationSource, ConversationView, Lang, Prompt, TranscriptMessage, VisitorEvent } from '../../domain/conversation/protocol.js';
import type { ConversationState } from '../../domain/conversation/state.js';
import type { OutMessage, Fact } from '../../domain/conversation/turn.js';
import type { Deps } from '../deps.js';
import type { Farewell } from '../../ports/channel-outbound.js';
import { afterWrites, endpointsJson, eventsInsert, type EventInput, type Writes } from '../events.js';
import type { EndpointSubscription } from '../webhooks/enqueue.js';
import { fail, ok, type Result } from '../result.js';
import { cached, isOriginAllowed, openSite, type SiteContext } from '../site.js';
import { hashSecret, newSecret } from '../tokens.js';
import { engineContext } from './engine-context.js';
import { conversationPatch, leadTurn } from './leads.js';
import { awaitingAnswerSql, awaitsAnswer, followUpTurn } from '../follow-ups/schedule.js';
import { performEffect, type EffectNotes } from './perform-effect.js';
import { purgeJobWrite } from './retention.js';
import { appendMessages, readMessages } from './transcript.js';
import { markSeenByVisitor } from './staff-reply.js';
import { erasePerson } from '../privacy/erase.js';
import { personOfConversation } from '../privacy/person.js';
import { askAhead, type AssistantAnswers } from '../assistant/ahead.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type ConversationRow = typeof conversations.$inferSelect;
/** The row as a turn reads it: with whether a follow-up sent here awaits the visitor's answer (schedule.ts). */
type TurnRow = ConversationRow & { awaitingAnswer?: boolean };

/** Tries at a turn when other tabs keep winning; then CONVERSATION_BUSY (the client retries). */
const MAX_ATTEMPTS = 5;
/** A turn asks for at most a few effects (e.g. confirm, then read the booking); more is a bug. */
const MAX_EFFECTS = 8;
const DAY = 86_400_000;

export interface SendTurnInput {
  siteKey: string;
  conversationId?: string | undefined;
  token?: string | undefined;
  lang: Lang;
  prefs?: string[] | undefined;
  source?: ConversationSource | undefined;
  /** The last seq the caller holds: the answer carries the messages after it. */
  after: number;
  event: VisitorEvent;
}

export interface GetConversationInput {
  conversationId: string;
  token: string;
  after: number;
}

class StaleVersion extends Error {}

function tokenMatches(row: ConversationRow, token: string | undefined): boolean {
  if (!token) return false;
  const a = Buffer.from(hashSecret(token));
  const b = Buffer.from(row.tokenHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function loadRow(db: Db, id: string): Promise<ConversationRow | undefined> {
  return (await db.select().from(conversations).where(eq(conversations.id, id)).limit(1))[0];
}

/** The row for a turn: the follow-up check rides in the same read (one round trip less for a lead's text). */
async function loadTurnRow(db: Db, id: string): Promise<TurnRow | undefined> {
  return (await db.select({ ...getTableColumns(conversations), awaitingAnswer: awaitingAnswerSql() }).from(conversations).where(eq(conversations.id, id)).limit(1))[0];
}

/** The visitor's own conversation of this site, or why not (unknown id and wrong token look alike). */
async function owned(deps: Deps, site: SiteContext, id: string, token: string | undefined): Promise<Result<TurnRow>> {
  const row = await loadTurnRow(deps.db, id);
  if (!row || row.businessId !== site.business.id || !tokenMatches(row, token)) {
    return fail('CONVERSATION_NOT_FOUND', 'No such conversation for this token', { field: 'conversationId' });
  }
  return ok(row);
}

export async function sendTurn(deps: Deps, input: SendTurnInput, origin: string | undefined): Promise<Result<ConversationView>> {
  const opened = await openSite(deps, input.siteKey, origin);
  if (!opened.ok) return opened;
  const site = opened.value;
  const started = performance.now();
  const fresh = input.conversationId === undefined ? { id: randomUUID(), ...newSecret() } : null;
  const token = fresh?.token ?? input.token ?? '';
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock.now();
    const ctx = await engineContext(deps, site, now);
    let row: TurnRow | null = null;
    if (!fresh) {
      const r = await owned(deps, site, input.conversationId!, input.token);
      if (!r.ok) return r;
      row = r.value;
    }
    // The model, if this turn needs it, is asked now, outside the transaction (assistant/ahead.ts).
    const answers = await askAhead(deps, site, ctx, row ? readState(row.state, row.lang) : openConversation(ctx, negotiateLang(ctx, input.lang, input.prefs)).state, input.event);
    try {
      const done = await deps.db.transaction((tx) => playTurn(deps, tx, { site, ctx, row, fresh, input, origin, now, started, channel: 'widget', externalRef: null, answers }));
      await deps.bus?.publish({ businessId: site.business.id, conversationId: done.id, seq: done.seq, kind: 'messages' });
      if (done.erased.length) {
        // Every stream still open on an erased conversation (other tabs, the console) ends ("gone").
        for (const c of done.erased) await deps.bus?.publish({ businessId: site.business.id, conversationId: c.id, seq: c.seq, kind: 'messages' });
        return ok({ ...viewOf(done.id, token, done.state, 'closed', ctx, done.messages.filter((m) => m.seq > input.after), done.seq), ended: true });
      }
      // A caller that was up to date needs only this turn's messages; one that was behind (another
      // tab, staff replies) reads the rest.
      const upToDate = input.after >= done.seqBefore;
      const messages = upToDate ? done.messages.filter((m) => m.seq > input.after) : await readMessages(deps.db, done.id, input.after);
      return ok(viewOf(done.id, token, done.state, done.status, ctx, messages, done.seq));
    } catch (err) {
      if (!(err instanceof StaleVersion)) throw err;
      if (attempt >= MAX_ATTEMPTS) return fail('CONVERSATION_BUSY', 'The conversation is busy in another tab; try again');
    }
  }
}

interface PlayInput {
  site: SiteContext;
  ctx: EngineContext;
  row: TurnRow | null;
  fresh: { id: string; hash: string } | null;
  /** `event: null` opens the conversation only (a messenger's /start). */
  input: Pick<SendTurnInput, 'lang' | 'prefs' | 'source'> & { event: VisitorEvent | null };
  channel: ConversationChannel;
  /** The messenger's chat id (null on the widget). */
  externalRef: string | null;
  origin: string | undefined;
  now: Date;
  started: number;
  /** The follow-up page's "not interested": read as an answer to a follow-up wherever the chat is. */
  optOut?: boolean | undefined;
  /** The model's answers, asked before the transaction (assistant/ahead.ts). */
  answers?: AssistantAnswers | undefined;
}

async function playTurn(deps: Deps, tx: Tx, p: PlayInput) {
  const { site, input, now } = p;
  let ctx = p.ctx;
  const txDeps: Deps = { ...deps, db: tx };
  const messages: OutMessage[] = [];
  const facts: Fact[] = [];
  const retention = new Date(now.getTime() + site.business.transcriptRetentionDays * DAY);
  let row: TurnRow | null = p.row;
  // The turn's writes that commit in its claiming statement, below: one round trip for the
  // hand-off (its row, jobs, event), the lead, the events and the follow-ups (services/events.ts).
  const writes: Writes = { sql: [], events: [] };
  let before: ConversationState | null = null;
  let state: ConversationState;
  if (!row) {
    // The greeting the channel showed locally is the transcript's first message.
    const lang = negotiateLang(ctx, input.lang, input.prefs);
    const open = openConversation(ctx, lang);
    messages.push(...open.messages);
    state = open.state;
    row = (await tx.insert(conversations).values({
      id: p.fresh!.id,
      businessId: site.business.id,
      siteId: site.site.id,
      channel: p.channel,
      externalRef: p.externalRef,
      tokenHash: p.fresh!.hash,
      lang,
      status: state.status,
      state: state as unknown as Record<string, unknown>,
      source: cleanSource(input.source),
      purgeAfter: retention,
      followUpsOpen: false,
      createdAt: now,
      updatedAt: now,
    }).returning())[0]!;
    writes.sql.push(purgeJobWrite(tx, now));
  } else {
    state = readState(row.state, row.lang);
    before = state;
  }

  // Only a conversation with follow-ups open can have a sent one awaiting this answer.
  if (state.contact && input.event?.type === 'text') ctx = { ...ctx, followedUp: p.optOut || (row.followUpsOpen && (row.awaitingAnswer ?? (await awaitsAnswer(tx, row.id)))) };
  const scope = { site, conversationId: row.id, channel: p.channel, origin: p.origin, ctx, answers: p.answers ?? new Map(), writes };
  const notes: EffectNotes = {};
  let out = input.event ? start(state, input.event, ctx) : { state, messages: [], facts: [], effect: undefined };
  messages.push(...out.messages);
  facts.push(...out.facts);
  for (let n = 0; out.effect; n++) {
    if (n >= MAX_EFFECTS) throw new Error(`conversation ${row.id}: more than ${MAX_EFFECTS} effects in one turn`);
    const result = await performEffect(txDeps, scope, out.effect, notes);
    out = resume(out.state, result, ctx);
    messages.push(...out.messages);
    facts.push(...out.facts);
  }
  const after = out.state;

  const lead = { row, before, after, notes, ctx, now };
  const leadPart = leadTurn(tx, lead);
  // Staff own the status column while live: the engine's state says 'bot' there.
  const effective = before && before.status !== after.status ? after.status : row.status;
  const followUps = followUpTurn(tx, { row, before, after: { ...after, status: effective }, business: site.business, now });
  const base = { businessId: row.businessId, at: now, siteId: row.siteId, conversationId: row.id, channel: p.channel };
  const turnEvents: EventInput[] = facts.map((f): EventInput => f.kind === 'intent_chosen'
    ? { ...base, kind: 'intent_chosen', intent: f.intent }
    : { ...base, kind: 'quote_given', intent: 'prices', meta: { treeId: f.treeId, price: f.price, serviceId: f.serviceId } });
  if (input.event?.type === 'text' && messages.some((m) => m.from === 'bot')) {
    // The bot's answer to free text (what chat.interpret measured before): its response time is the
    // server's processing time (monotonic timer, not the business clock).
    turnEvents.push({ ...base, kind: 'bot_reply', intent: after.intent, valueMs: Math.round(performance.now() - p.started) });
  }
  writes.sql.push(...leadPart.writes.sql, ...followUps.writes);
  writes.events.push(...leadPart.writes.events, ...turnEvents);
  const eventsSql = eventsInsert(tx, writes.events);

  // The turn's claim on the conversation, with its messages numbered in the same UPDATE: a
  // concurrent turn that committed first bumped the version, and this one starts over (the whole
  // statement's writes roll back with the transaction). The lead's columns on the conversation
  // (contact, outcome, intent) ride in the same UPDATE, and every other write of the turn in the
  // same statement.
  const claimed = await appendMessages(tx, row.id, row.businessId, messages.map((m) => ({ from: m.from, text: m.text, card: m.card })), now, {
    version: row.version,
    set: {
      ...conversationPatch(lead),
      state: { ...after, prompt: promptOf(after, ctx) },
      lang: after.lang,
      // The column is shared with staff (live / closed from the console): written only when the engine changed it.
      ...(before && before.status !== after.status ? { status: after.status } : {}),
      lastVisitorAt: now,
      // The answer carries every message up to the new seq: the visitor has seen them (no reply e-mail).
      visitorSeenSeq: sql`${conversations.seq} + ${messages.length}`,
      purgeAfter: retention,
      ...(followUps.open !== row.followUpsOpen ? { followUpsOpen: followUps.open } : {}),
    },
    alongWith: [...writes.sql, ...(eventsSql ? [eventsSql] : [])],
    extra: endpointsJson(writes.events),
  });
  if (!claimed) throw new StaleVersion();
  // Webhook deliveries of the events, when an endpoint listens; then an existing lead's update.
  await afterWrites(tx, writes.events, claimed.extra as EndpointSubscription[] | null);
  await leadPart.after?.();
  const status = effective;
  // "Delete my data" confirmed in this turn: last, over everything the turn wrote (its messages,
  // lead, events), so the visitor's answer is the last thing the conversation says.
  let erased: Array<{ id: string; seq: number }> = [];
  let farewell: Farewell | undefined;
  if (notes.erase) {
    const person = await personOfConversation(tx, row.businessId, row.id);
    if (person) erased = (await erasePerson(tx, person, now, { by: 'visitor' })).conversations;
    // A messenger chat gets the answer all the same: erasing took the chat id and the transcript
    // the outbound cursor reads, so the answer travels with the turn (ports/channel-outbound.ts).
    if (erased.length && p.channel !== 'widget' && row.externalRef) {
      farewell = { channel: p.channel, chat: row.externalRef, lang: after.lang, messages: claimed.messages.filter((m) => m.from !== 'visitor') };
    }
  }
  return { id: row.id, state: after, status, seqBefore: row.seq, seq: claimed.last, messages: claimed.messages, erased, farewell };
}

/** Only the fields the protocol names, each at most 2000 characters. */
function cleanSource(s: ConversationSource | undefined): ConversationRow['source'] {
  if (!s) return null;
  const cut = (v: string | undefined) => (v ? v.slice(0, 2000) : undefined);
  const utm = s.utm ? Object.fromEntries(Object.entries(s.utm).flatMap(([k, v]) => (v ? [[k, v.slice(0, 200)]] : []))) : undefined;
  const out = { ...(cut(s.url) ? { url: cut(s.url)! } : {}), ...(cut(s.referrer) ? { referrer: cut(s.referrer)! } : {}), ...(utm && Object.keys(utm).length ? { utm } : {}) };
  return Object.keys(out).length ? out : null;
}

function viewOf(id: string, token: string, state: ConversationState, status: ConversationRow['status'], ctx: EngineContext, messages: TranscriptMessage[], seq: number): ConversationView {
  return {
    conversationId: id,
    token,
    lang: state.lang,
    status,
    messages,
    // Never below the last message carried (a staff reply may have committed since the turn).
    seq: Math.max(seq, messages.at(-1)?.seq ?? 0),
    prompt: promptOf(state, ctx),
    live: status === 'live',
  };
}

/**
 * The conversation a visitor's token opens, with its site, or why not (unknown id, wrong token and
 * a purged conversation look alike; an origin the site does not allow is refused). conversation.get
 * and the visitor's push stream authenticate the same way.
 */
export async function authorizeVisitor(deps: Deps, conversationId: string, token: string, origin: string | undefined): Promise<Result<{ row: ConversationRow; site: SiteContext }>> {
  const row = await loadRow(deps.db, conversationId);
  if (!row || !tokenMatches(row, token) || !row.siteId) return fail('CONVERSATION_NOT_FOUND', 'No such conversation for this token', { field: 'conversationId' });
  const site = await cached(deps, `site-by-id:${row.siteId}`, async () =>
    (await deps.db.select({ site: sites, business: businesses }).from(sites).innerJoin(businesses, eq(businesses.id, sites.businessId)).where(eq(sites.id, row.siteId!)).limit(1))[0]);
  if (!site) return fail('CONVERSATION_NOT_FOUND', 'No such conversation for this token', { field: 'conversationId' });
  if (!isOriginAllowed(deps, site.site, origin)) return fail('ORIGIN_NOT_ALLOWED', `Origin ${origin} may not use this conversation`);
  return ok({ row, site });
}

/** Resume after a reload, a page change or in another tab: the messages after `after` and the prompt now. */
export async function getConversation(deps: Deps, input: GetConversationInput, origin: string | undefined): Promise<Result<ConversationView>> {
  const auth = await authorizeVisitor(deps, input.conversationId, input.token, origin);
  if (!auth.ok) return auth;
  const { row, site } = auth.value;
  const ctx = await engineContext(deps, site, deps.clock.now());
  const messages = await readMessages(deps.db, row.id, input.after);
  if (row.seq > row.visitorSeenSeq) await markSeenByVisitor(deps.db, row.id, row.seq);
  return ok(viewOf(row.id, input.token, readState(row.state, row.lang), row.status, ctx, messages, row.seq));
}

export interface ChannelTurnInput {
  site: SiteContext;
  channel: Exclude<ConversationChannel, 'widget'>;
  /** The messenger's chat id: one conversation per (business, channel, chat). */
  externalRef: string;
  /** The client's language as the messenger reports it (negotiated against the business's). */
  lang: string | undefined;
  /** null = only open the conversation (the greeting), e.g. Telegram's /start in a new chat. */
  event: VisitorEvent | ((prompt: Prompt | null) => VisitorEvent | null) | null;
  /**
   * Runs first inside the turn's transaction: false = this inbound update was already played
   * (de-duplication by the messenger's update id), and nothing is written.
   */
  claimUpdate?: (tx: Tx) => Promise<boolean>;
}

/** `farewell`: the conversation was erased in this turn; hand it to the outbound `deliver` (the transcript is gone). */
export type ChannelTurnResult = { played: true; conversationId: string; businessId: string; seq: number; farewell?: Farewell | undefined } | { played: false };

class AlreadyPlayed extends Error {}

/**
 * One inbound messenger message as a turn of the same engine the widget uses. The conversation is
 * found by its chat (created on the first message); the event may depend on the prompt on screen
 * (a typed "Anna +7 900…" answers a contact form in a chat that has no form).
 */
export async function sendChannelTurn(deps: Deps, input: ChannelTurnInput): Promise<ChannelTurnResult> {
  const { site } = input;
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock.now();
    const ctx = await engineContext(deps, site, now);
    const row = (await deps.db.select().from(conversations)
      .where(and(eq(conversations.businessId, site.business.id), eq(conversations.channel, input.channel), eq(conversations.externalRef, input.externalRef)))
      .limit(1))[0] ?? null;
    const prompt = row ? ((row.state as { prompt?: Prompt }).prompt ?? null) : null;
    const event = typeof input.event === 'function' ? input.event(prompt) : input.event;
    // Messengers have no token: the chat is the proof. The hash is of a secret nobody keeps.
    const fresh = row ? null : { id: randomUUID(), hash: newSecret().hash };
    const answers = row ? await askAhead(deps, site, ctx, readState(row.state, row.lang), event) : undefined;
    try {
      const done = await deps.db.transaction(async (tx) => {
        if (input.claimUpdate && !(await input.claimUpdate(tx))) throw new AlreadyPlayed();
        return playTurn(deps, tx, {
          site, ctx, row, fresh, now, started, origin: undefined, answers,
          input: { lang: negotiateLang(ctx, input.lang), prefs: [], event: row || event?.type !== 'menu' ? event : null },
          channel: input.channel,
          externalRef: input.externalRef,
        });
      });
      await deps.bus?.publish({ businessId: site.business.id, conversationId: done.id, seq: done.seq, kind: 'messages' });
      for (const c of done.erased) await deps.bus?.publish({ businessId: site.business.id, conversationId: c.id, seq: c.seq, kind: 'messages' });
      return { played: true, conversationId: done.id, businessId: site.business.id, seq: done.seq, farewell: done.farewell };
    } catch (err) {
      if (err instanceof AlreadyPlayed) return { played: false };
      // A lost race: another turn of this chat committed first, or created the conversation first.
      if (!(err instanceof StaleVersion) && !(fresh && isUniqueViolation(err))) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`conversation of ${input.channel} chat: busy after ${MAX_ATTEMPTS} attempts`);
    }
  }
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * One visitor event from a signed link outside the widget (the follow-up page: "book this", a
 * time, "not interested"): a turn of the same engine on the conversation the link names, with
 * its effects, transcript, lead and follow-ups as any turn; a messenger chat gets the bot's answer.
 */
export async function sendLinkTurn(deps: Deps, conversationId: string, event: VisitorEvent, opts: { optOut?: boolean } = {}): Promise<Result<{ seq: number }>> {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    const row = await loadRow(deps.db, conversationId);
    if (!row?.siteId) return fail('CONVERSATION_NOT_FOUND', 'No such conversation', { field: 't' });
    const site = (await deps.db.select({ site: sites, business: businesses }).from(sites).innerJoin(businesses, eq(businesses.id, sites.businessId)).where(eq(sites.id, row.siteId)).limit(1))[0];
    if (!site) return fail('CONVERSATION_NOT_FOUND', 'No such conversation', { field: 't' });
    const now = deps.clock.now();
    const ctx = await engineContext(deps, site, now);
    try {
      const answers = await askAhead(deps, site, ctx, readState(row.state, row.lang), event);
      const done = await deps.db.transaction((tx) =>
        playTurn(deps, tx, { site, ctx, row, fresh: null, input: { lang: row.lang, event }, channel: row.channel, externalRef: row.externalRef, origin: undefined, now, started, optOut: opts.optOut, answers }));
      await deps.bus?.publish({ businessId: row.businessId, conversationId: row.id, seq: done.seq, kind: 'messages' });
      await deps.outbound?.deliver({ businessId: row.businessId, conversationId: row.id });
      return ok({ seq: done.seq });
    } catch (err) {
      if (!(err instanceof StaleVersion)) throw err;
      if (attempt >= MAX_ATTEMPTS) return fail('CONVERSATION_BUSY', 'The conversation is busy; try again');
    }
  }
}
