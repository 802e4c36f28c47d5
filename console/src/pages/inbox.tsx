/**
 * Hand-off requests and leads, newest first, each with its SLA clock. The list is polled every
 * `pollMs` the server asks for (5 s), so new requests appear without a reload; clocks tick
 * locally in between.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { InboxItem, InboxList, Outcome } from '../api/contract.js';
import { toApiError, type ApiError } from '../api/errors.js';
import { me, sessionLost } from '../app/session.js';
import { fmt, labelOf, locale, t } from '../i18n/index.js';
import { formatDateTime } from '../lib/format.js';
import { ErrorBox, Loading, Notice, Page, SelectField, Submit, TextArea } from '../ui/common.js';
import { useAction, useResource } from '../ui/resource.js';
import { SlaClock, startTicker } from '../ui/sla-clock.js';

type Filter = 'open' | 'claimed' | 'closed' | 'all';
const DEFAULT_POLL_MS = 5000;

/** Polls inbox.list; keeps the last good list on a failed poll and shows the error beside it. */
function useInbox(filter: Filter) {
  const [list, setList] = useState<InboxList | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [nonce, setNonce] = useState(0);
  const pollMs = useRef(DEFAULT_POLL_MS);
  // A new filter starts from a spinner; a reload after an action keeps the cards (and their state).
  useEffect(() => setList(null), [filter]);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const l = await api.inbox.list({ status: filter });
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
  }, [filter, nonce]);
  return { list, receivedAt, error, reload: () => setNonce((n) => n + 1) };
}

export function InboxPage() {
  const d = t.value.inbox;
  const [filter, setFilter] = useState<Filter>('all');
  const inbox = useInbox(filter);
  useEffect(() => startTicker(), []);
  return (
    <Page title={d.title}>
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
        {item.status !== 'closed' && <SlaClock item={item} receivedAt={props.receivedAt} />}
      </header>
      <p class="muted">
        {fmt(d.received, { time: formatDateTime(item.createdAt, tz, locale.value) })}
        {item.intent && ` · ${d.intent}: ${labelOf('intent', item.intent)}`}
        {item.score !== null && ` · ${d.score}: ${item.score}`}
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
  const detail = useResource(() => api.inbox.get({ id: item.id }), [item.id]);
  const reply = useAction();
  const close = useAction();
  const [body, setBody] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('booked');
  const name = item.contact.name || d.anonymous;
  return (
    <div class="request-detail">
      {detail.error ? (
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
          {item.contact.email ? (
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
