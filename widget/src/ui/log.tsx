import { Fragment, h } from 'preact';
import type { Card as CardData, TranscriptMessage } from '../flow/port';
import { fill } from '../i18n';
import type { View } from './view';

/** A booking as it is now: when (and the visitor’s own time), where, what to bring, the price and the options chosen for it, links. */
function Card({ v, c }: { v: View; c: Extract<CardData, { kind: 'booking' }> }) {
  const { t, f } = v;
  const tz = c.timeZone;
  const mine = f.visitor(c.start, tz);
  const row = (label: string, value: string | null | undefined) =>
    value ? [<dt key={label}>{label}</dt>, <dd key={`${label}:`}>{value}</dd>] : null;
  const active = c.status === 'confirmed';
  return (
    <div class="card">
      <dl>
        {row(t.what, c.serviceName)}
        {row(t.with, c.staffName)}
        {row(t.when, `${f.when(c.start, tz)} (${c.zoneName ?? f.zone(tz)})${mine ? `, ${fill(t.yours, { t: mine })}` : ''}`)}
        {row(t.where, c.address)}
        {row(t.bring, c.whatToBring)}
        {row(t.price, c.price && f.text(c.price.display))}
        {row(t.chosen, c.price?.summary && f.text(c.price.summary))}
      </dl>
      {c.status === 'cancelled' ? <p><b>{t.isCancelled}</b></p> : null}
      {active && c.changeableUntil ? <p class="note">{fill(t.until, { t: f.when(c.changeableUntil, tz) })}</p> : null}
      <p class="links">
        <a href={c.icsUrl} download="booking.ics">{t.ics}</a>
        {active ? <a href={c.manageUrl} target="_blank" rel="noopener">{t.link}</a> : null}
      </p>
      {active && c.telegramUrl ? <a class="tg" href={c.telegramUrl} target="_blank" rel="noopener">{t.tg}</a> : null}
    </div>
  );
}

function Message({ v, x, old }: { v: View; x: TranscriptMessage; old: boolean }) {
  const c = x.card;
  return (
    <>
      {x.text || x.author ? (
        <div class={x.from === 'visitor' ? 'msg me' : x.from === 'staff' ? 'msg staff' : 'msg'}>
          {x.author ? <b>{x.author}</b> : null}
          {v.f.text(x.text)}
        </div>
      ) : null}
      {c?.kind === 'booking' && !old ? <Card v={v} c={c} /> : null}
    </>
  );
}

/**
 * The transcript: the server's messages, then the visitor's words not yet answered. Before the
 * first turn the greeting is the widget's own (the server records the same one with that turn).
 * role="log" is a polite live region: new bot messages are announced.
 */
export function Log({ v }: { v: View }) {
  const { m, t } = v;
  const greeting = !m.saved.value && !m.transcript.value.length;
  // A booking shows once, as it is now: a later card of it (moved, cancelled elsewhere) replaces the earlier ones.
  const latest = new Map<string, number>();
  for (const x of m.transcript.value) if (x.card?.kind === 'booking') latest.set(x.card.bookingId, x.seq);
  return (
    <div role="log" aria-label={t.title} aria-busy={m.busy.value}>
      {greeting ? <div class="msg">{m.site.value?.widget.greeting || t.hello}</div> : null}
      {m.transcript.value.map((x) => <Message key={x.seq} v={v} x={x} old={x.card?.kind === 'booking' && latest.get(x.card.bookingId) !== x.seq} />)}
      {m.echoes.value.map((e, i) => <div key={`e${i}`} class="msg me">{e.text}</div>)}
      {/* The answer is on its way: three dots in a bot bubble, announced politely (still under reduced motion, panel.css). */}
      {m.busy.value ? <p class="typing" role="status" aria-live="polite" aria-label={t.typing}><i /><i /><i /></p> : null}
    </div>
  );
}
