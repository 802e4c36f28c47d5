/**
 * Hand-off requests and leads, newest first, each with its SLA clock. The list is polled every
 * `pollMs` the server asks for (5 s), so new requests appear without a reload; clocks tick
 * locally in between.
 */
import { Fragment, type ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { InboxConversation, InboxItem, InboxList, Outcome, TranscriptMessage } from '../api/contract.js';
import { changes, refreshUnread } from '../app/live.js';
import { toApiError, type ApiError } from '../api/errors.js';
import { me, sessionLost } from '../app/session.js';
import { fmt, labelled, labelOf, locale, t } from '../i18n/index.js';
import { formatDateTime, formatMoney } from '../lib/format.js';
import { ErrorBox, Loading, Notice, Page, SelectField, Submit, TextArea } from '../ui/common.js';
import { useAction, useResource } from '../ui/resource.js';
import { SlaClock, startTicker } from '../ui/sla-clock.js';
import { DeliveryBanner } from './delivery-failures.js';

type Filter = 'open' | 'claimed' | 'closed' | 'all';
/** '' = every channel. */
type ChannelFilter = '' | InboxItem['channel'];
const CHANNELS: Array<InboxItem['channel']> = ['widget', 'telegram', 'whatsapp', 'sms', 'email'];
const DEFAULT_POLL_MS = 5000;
/** Channels whose client gets staff replies in their own messenger (services/channels/deliver.ts). */
const MESSENGERS: ReadonlySet<string> = new Set(['telegram', 'whatsapp']);

/** Polls inbox.list; keeps the last good list on a failed poll and shows the error beside it. */
function useInbox(filter: Filter, channel: ChannelFilter) {
  const [list, setList] = useState<InboxList | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [nonce, setNonce] = useState(0);
  const pollMs = useRef(DEFAULT_POLL_MS);
  // A new filter starts from a spinner; a reload after an action keeps the cards (and their state).
  useEffect(() => setList(null), [filter, channel]);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const l = await api.inbox.list({ status: filter, ...(channel ? { channel } : {}) });
        if (stopped) return;
        pollMs.current = l.pollMs > 0 ? l.pollMs : DEFAULT_POLL_MS;
        setList(l);
        setReceivedAt(Date.now());
        setError(null);
      } catch (e) {
        if (stopped) return;
        const err = toApiError(e);
        if (err.code === 'UNAUTHORIZED') return sessionLost();
        setError(err);
      }
      if (!stopped) timer = setTimeout(() => void load(), pollMs.current);
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // A conversation changed (the console's push stream): read the list now, not at the next poll.
  }, [filter, channel, nonce, changes.value]);
  return { list, receivedAt, error, reload: () => setNonce((n) => n + 1) };
}

export function InboxPage() {
  const d = t.value.inbox;
  const [filter, setFilter] = useState<Filter>('all');
  const [channel, setChannel] = useState<ChannelFilter>('');
  const inbox = useInbox(filter, channel);
  useEffect(() => startTicker(), []);
  return (
    <Page title={d.title}>
      <DeliveryBanner />
      <div class="toolbar">
        <SelectField
          class="inline"
          label={d.filter}
          value={filter}
          onValue={setFilter}
          options={[
            { value: 'all', label: d.all },
            { value: 'open', label: d.open },
            { value: 'claimed', label: d.claimed },
            { value: 'closed', label: d.closed },
          ]}
        />
        <SelectField
          class="inline"
          label={d.live.channel}
          value={channel}
          onValue={setChannel}
          options={[{ value: '', label: d.allChannels }, ...CHANNELS.map((c) => ({ value: c, label: labelOf('channel', c) }))]}
        />
        <p class="muted">{fmt(d.updated, { seconds: Math.round((inbox.list?.pollMs ?? DEFAULT_POLL_MS) / 1000) })}</p>
      </div>
      <ErrorBox error={inbox.error} retry={inbox.reload} />
      {!inbox.list ? (
        !inbox.error && <Loading />
      ) : inbox.list.items.length === 0 ? (
        <p class="muted">{d.empty}</p>
      ) : (
        <ul class="inbox" aria-label={d.title}>
          {inbox.list.items.map((item) => (
            <li key={item.id}>
              <InboxCard item={item} receivedAt={inbox.receivedAt} onChanged={inbox.reload} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function InboxCard(props: { item: InboxItem; receivedAt: number; onChanged: () => void }) {
  const d = t.value.inbox;
  const item = props.item;
  const tz = me.value!.business.timeZone;
  const [open, setOpen] = useState(false);
  const claim = useAction();
  const name = item.contact.name || d.anonymous;
  const titleId = `req-${item.id}`;
  return (
    <article class={`request temp-${item.temperature} ${item.sla.breached ? 'breached' : ''}`} aria-labelledby={titleId}>
      <header class="request-head">
        <h2 id={titleId}>{name}</h2>
        <span class={`badge temp-${item.temperature}`}>{d.temperature[item.temperature]}</span>
        <span class={`badge channel channel-${item.channel}`}>{labelOf('channel', item.channel)}</span>
        {item.conversationStatus && <span class={`badge conv-${item.conversationStatus}`}>{d.live.status[item.conversationStatus]}</span>}
        {item.unread > 0 && <span class="badge unread">{fmt(d.live.unread, { count: item.unread })}</span>}
        {item.status !== 'closed' && <SlaClock item={item} receivedAt={props.receivedAt} />}
      </header>
      <p class="muted">
        {fmt(d.received, { time: formatDateTime(item.createdAt, tz, locale.value) })}
        {item.intent && ` · ${labelled(d.intent, labelOf('intent', item.intent))}`}
        {item.score !== null && ` · ${labelled(d.score, item.score)}`}
        {item.contact.phone && (
          <>
            {' · '}
            <a href={`tel:${item.contact.phone}`}>{item.contact.phone}</a>
          </>
        )}
        {item.contact.email && (
          <>
            {' · '}
            <a href={`mailto:${item.contact.email}`}>{item.contact.email}</a>
          </>
        )}
      </p>
      {item.summary && <p class="summary">{item.summary}</p>}
      {item.aiSummary && (
        <section class="ai-summary" aria-labelledby={`ai-${item.id}`}>
          <h3 id={`ai-${item.id}`}>{d.aiSummary}</h3>
          <p>{item.aiSummary}</p>
          <p class="muted">{d.aiSummaryNote}</p>
        </section>
      )}
      {item.message && item.message !== item.summary && <blockquote>{item.message}</blockquote>}
      <p class="status-line">
        {item.sla.escalated && <span class="badge escalated">{d.escalated}</span>}
        {item.claimedBy && <span>{fmt(d.claimedBy, { name: item.claimedBy.name })}</span>}
        {item.status === 'closed' && item.outcome && <span>{d.outcome[item.outcome] ?? item.outcome}</span>}
      </p>
      <div class="actions">
        {item.status === 'open' && (
          <button
            type="button"
            class="primary"
            disabled={claim.busy}
            onClick={() => void claim.run(() => api.inbox.claim({ id: item.id })).then((r) => r && props.onChanged())}
          >
            {d.claim}
          </button>
        )}
        <button type="button" class="secondary" aria-expanded={open} aria-controls={`${titleId}-more`} onClick={() => setOpen(!open)}>
          {d.reply} / {d.closeIt}
        </button>
      </div>
      <ErrorBox error={claim.error} />
      {open && (
        <div id={`${titleId}-more`}>
          <RequestDetail item={item} onChanged={props.onChanged} />
        </div>
      )}
    </article>
  );
}

function RequestDetail(props: { item: InboxItem; onChanged: () => void }) {
  const d = t.value.inbox;
  const item = props.item;
  const tz = me.value!.business.timeZone;
  // Old form requests keep their e-mailed replies; a chat's thread is read by LiveThread.
  const detail = useResource(() => api.inbox.get({ id: item.id }), [item.id]);
  const reply = useAction();
  const close = useAction();
  const [body, setBody] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('booked');
  const name = item.contact.name || d.anonymous;
  return (
    <div class="request-detail">
      {item.conversationId ? (
        <LiveThread item={item} onChanged={props.onChanged} />
      ) : detail.error ? (
        <ErrorBox error={detail.error} retry={detail.reload} />
      ) : !detail.data ? (
        <Loading />
      ) : (
        detail.data.replies.length > 0 && (
          <section aria-label={d.conversation}>
            <h3>{d.conversation}</h3>
            <ul class="replies">
              {detail.data.replies.map((r) => (
                <li key={r.id}>
                  <p class="muted">
                    {r.user?.name ?? ''} · {formatDateTime(r.createdAt, tz, locale.value)}
                  </p>
                  <p>{r.body}</p>
                </li>
              ))}
            </ul>
          </section>
        )
      )}
      {item.status !== 'closed' && (
        <>
          {item.conversationId ? null : item.contact.email ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (!body.trim()) return;
                void reply.run(() => api.inbox.reply({ id: item.id, body: body.trim() })).then((r) => {
                  if (!r) return;
                  setBody('');
                  detail.reload();
                  props.onChanged();
                });
              }}
            >
              <TextArea label={fmt(d.replyLabel, { name })} value={body} onValue={setBody} required rows={4} errors={reply.error?.fields.map((f) => f.message)} />
              <ErrorBox error={reply.error && reply.error.fields.length === 0 ? reply.error : null} />
              {reply.done && <Notice>{d.sent}</Notice>}
              <Submit busy={reply.busy}>{d.send}</Submit>
            </form>
          ) : (
            <p class="muted">{d.noEmail}</p>
          )}
          <form
            class="close-form"
            onSubmit={(e) => {
              e.preventDefault();
              void close.run(() => api.inbox.close({ id: item.id, outcome })).then((r) => r && props.onChanged());
            }}
          >
            <SelectField
              class="inline"
              label={d.closeAs}
              value={outcome}
              onValue={setOutcome}
              options={(['booked', 'not_interested', 'spam'] as const).map((o) => ({ value: o, label: d.outcome[o] }))}
            />
            <Submit busy={close.busy}>{d.closeIt}</Submit>
            <ErrorBox error={close.error} />
          </form>
        </>
      )}
    </div>
  );
}

/**
 * The request's chat, live: the whole transcript, the lead card, and a reply box. New messages
 * arrive over /console/conversations/:id/stream (SSE; EventSource resumes with Last-Event-ID);
 * what is shown is marked read.
 */
function LiveThread(props: { item: InboxItem; onChanged: () => void }) {
  const d = t.value.inbox;
  const l = d.live;
  const item = props.item;
  const id = item.conversationId!;
  const tz = me.value!.business.timeZone;
  const [conv, setConv] = useState<InboxConversation | null>(null);
  const [messages, setMessages] = useState<TranscriptMessage[]>([]);
  const [status, setStatus] = useState<InboxConversation['status'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [connected, setConnected] = useState(true);
  /** Whether the visitor's chat is open now (the stream's presence events); null until known. */
  const [online, setOnline] = useState<boolean | null>(null);
  const [body, setBody] = useState('');
  const reply = useAction();
  const listRef = useRef<HTMLOListElement>(null);
  const merge = (more: TranscriptMessage[]) =>
    setMessages((prev) => {
      const seen = new Set(prev.map((m) => m.seq));
      const add = more.filter((m) => !seen.has(m.seq));
      return add.length ? [...prev, ...add].sort((a, b) => a.seq - b.seq) : prev;
    });

  useEffect(() => {
    let es: EventSource | null = null;
    let stopped = false;
    setError(null);
    api.inbox.conversation({ conversationId: id }).then(
      (c) => {
        if (stopped) return;
        setConv(c);
        setMessages(c.messages);
        setStatus(c.status);
        if (typeof EventSource === 'undefined') return;
        es = new EventSource(`/console/conversations/${encodeURIComponent(id)}/stream?after=${c.seq}`);
        es.addEventListener('message', (e: MessageEvent<string>) => merge([JSON.parse(e.data) as TranscriptMessage]));
        es.addEventListener('status', (e: MessageEvent<string>) => setStatus((JSON.parse(e.data) as { status: InboxConversation['status'] }).status));
        es.addEventListener('presence', (e: MessageEvent<string>) => setOnline((JSON.parse(e.data) as { online: boolean }).online));
        es.onopen = () => setConnected(true);
        es.onerror = () => setConnected(false);
      },
      (e: unknown) => {
        if (stopped) return;
        const err = toApiError(e);
        if (err.code === 'UNAUTHORIZED') return sessionLost();
        setError(err);
      },
    );
    return () => {
      stopped = true;
      es?.close();
    };
  }, [id]);

  // What is on screen is read: the badge and the card's count go down.
  const last = messages.at(-1)?.seq ?? 0;
  useEffect(() => {
    if (!conv || last <= conv.staffReadSeq) return;
    api.inbox.read({ conversationId: id, seq: last }).then(
      () => {
        void refreshUnread();
        props.onChanged();
      },
      () => undefined,
    );
  }, [last, conv]);
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length]);

  if (error) return <ErrorBox error={error} />;
  if (!conv) return <Loading />;
  const lead = conv.lead;
  const name = lead.name || item.contact.name || d.anonymous;
  const utm = lead.source?.utm ? Object.entries(lead.source.utm).map(([k, v]) => `${k}: ${v}`).join(', ') : '';
  const rows: Array<[string, ComponentChild]> = [
    [l.name, lead.name],
    [l.phone, lead.phone && <a href={`tel:${lead.phone}`}>{lead.phone}</a>],
    [l.email, lead.email && <a href={`mailto:${lead.email}`}>{lead.email}</a>],
    [l.channel, labelOf('channel', lead.channel)],
    [l.language, lead.lang.toUpperCase()],
    [l.intent, lead.intent && labelOf('intent', lead.intent)],
    [l.quote, lead.quote && [lead.quote.summary, lead.quote.price && formatMoney(lead.quote.price.amount, lead.quote.price.currency, locale.value)].filter(Boolean).join(' · ')],
    [l.score, lead.score !== null && lead.temperature ? `${lead.score} · ${d.temperature[lead.temperature as 'hot' | 'warm' | 'cold'] ?? lead.temperature}` : null],
    [t.value.qualification.card, lead.qualification && <QualificationRows q={lead.qualification} />],
    [l.outcome, lead.outcome && (l.outcomes[lead.outcome as keyof typeof l.outcomes] ?? lead.outcome)],
    [l.page, lead.source?.url],
    [l.referrer, lead.source?.referrer],
    [l.campaign, utm],
    [l.consent, lead.consentAt && formatDateTime(lead.consentAt, tz, locale.value)],
    [l.started, formatDateTime(lead.createdAt, tz, locale.value)],
  ];
  return (
    <div class="live">
      <section class="lead-card" aria-label={l.lead}>
        <h3>{l.lead}</h3>
        <dl>
          {rows
            .filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== false)
            .map(([k, v]) => (
              <Fragment key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </Fragment>
            ))}
        </dl>
        <FollowUpList conversationId={id} version={messages.length} tz={tz} />
      </section>
      <section class="thread" aria-label={l.thread}>
        <h3>
          {l.thread} <span class={`badge channel channel-${lead.channel}`}>{labelOf('channel', lead.channel)}</span>{' '}
          {status && <span class={`badge conv-${status}`}>{l.status[status]}</span>}
          {/* Telegram and WhatsApp clients are never "in the chat" of the widget: a reply reaches them there. */}
          {MESSENGERS.has(lead.channel) && status !== 'closed' ? (
            <span class="presence on"> {fmt(l.viaChannel, { channel: labelOf('channel', lead.channel) })}</span>
          ) : (
            online !== null && status !== 'closed' && <span class={online ? 'presence on' : 'presence'}> {online ? l.online : l.offline}</span>
          )}
        </h3>
        {!connected && <p class="muted" role="status">{l.reconnecting}</p>}
        {/* Focusable: a keyboard can scroll it. */}
        <ol class="transcript" ref={listRef} aria-live="polite" tabIndex={0} aria-label={l.thread}>
          {messages.map((m) => (
            <li key={m.seq} class={`msg from-${m.from}`} data-seq={m.seq}>
              <span class="who">
                {m.from === 'staff' ? (m.author ?? l.from.staff) : m.from === 'visitor' ? name : l.from[m.from]} · {formatDateTime(m.at, tz, locale.value)}
                {m.from === 'staff' && m.seq <= conv.visitorSeenSeq && ` · ${l.seen}`}
              </span>
              {m.text && <span class="text">{m.text}</span>}
            </li>
          ))}
        </ol>
        {item.status !== 'closed' && (
          <form
            class="live-reply"
            onSubmit={(e) => {
              e.preventDefault();
              const text = body.trim();
              if (!text) return;
              void reply.run(() => api.inbox.reply({ id: item.id, body: text })).then(async (r) => {
                if (!r) return;
                setBody('');
                // The stream brings it; read it too, in case the stream is reconnecting.
                merge((await api.inbox.conversation({ conversationId: id, after: last }).catch(() => null))?.messages ?? []);
                props.onChanged();
              });
            }}
          >
            <TextArea
              label={fmt(l.reply, { name })}
              hint={lead.email ? fmt(l.hintEmail, { email: lead.email }) : l.hintNoEmail}
              value={body}
              onValue={setBody}
              required
              rows={3}
              errors={reply.error?.fields.map((f) => f.message)}
            />
            <ErrorBox error={reply.error && reply.error.fields.length === 0 ? reply.error : null} />
            <Submit busy={reply.busy}>{d.send}</Submit>
          </form>
        )}
      </section>
    </div>
  );
}

/** The lead's follow-ups (issue 17): planned, sent, cancelled — and why. */
function FollowUpList(props: { conversationId: string; version: number; tz: string }) {
  const d = t.value.followUps;
  const res = useResource(() => api.followUps.ofConversation({ conversationId: props.conversationId }), [props.conversationId, props.version]);
  if (!res.data) return null;
  // Replanned at every reply: the cancelled ones would drown the list; what was sent and what is planned matter.
  const shown = res.data.filter((f) => f.status === 'sent' || f.status === 'scheduled');
  return (
    <div class="follow-ups">
      <h4>{d.card}</h4>
      {shown.length === 0 ? (
        <p class="muted">{d.none}</p>
      ) : (
        <ul>
          {shown.map((f) => (
            <li key={f.id}>
              {labelled(fmt(d.step, { sequence: d.seq[f.sequence], n: f.step + 1 }), fmt(d.st[f.status], { when: formatDateTime(f.sentAt ?? f.dueAt, props.tz, locale.value) }))}
              {f.answeredAt ? ` · ${d.answered}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The owner's qualification questions as the visitor answered them (issue 17): the score, the verdict, each answer. */
function QualificationRows(props: { q: NonNullable<InboxConversation['lead']['qualification']> }) {
  const d = t.value.qualification;
  const { q } = props;
  const verdict = q.qualified === null ? null : q.qualified ? d.qualified : d.notQualified;
  return (
    <div class="qualification-card">
      <p>
        <strong>{fmt(d.cardScore, { score: q.score, threshold: q.threshold })}</strong>
        {verdict && ` · ${verdict}`}
        {q.soon && ` · ${d.soonLead}`}
      </p>
      <ul>
        {q.answers.map((a, i) => (
          <li key={i}>
            {a.question} — <strong>{a.answer}</strong> ({a.points > 0 ? `+${a.points}` : a.points})
          </li>
        ))}
      </ul>
    </div>
  );
}
