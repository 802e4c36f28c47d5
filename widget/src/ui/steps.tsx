import { Fragment, h } from 'preact';
import type { IntentId } from '@frontdesk/shared';
import { fill } from '../i18n';
import { Card } from './card';
import { ContactForm } from './forms';
import { Slots } from './slots';
import type { View } from './view';

type Choice = { id: string; label: string; sub?: string };

/** Quick replies: one button per choice, then "Menu" to leave the current flow. */
function Chips({ v, items = [], pick, menu = true, label }: { v: View; items?: Choice[]; pick?: (id: string, label: string) => void; menu?: boolean; label?: string }) {
  return (
    <ul aria-label={label}>
      {items.map((c) => (
        <li key={c.id}><button type="button" onClick={() => pick?.(c.id, c.label)}>{c.label}{c.sub ? <small>{c.sub}</small> : null}</button></li>
      ))}
      {menu ? <li><button type="button" onClick={() => v.m.menu()}>{v.t.menu}</button></li> : null}
    </ul>
  );
}

function Booking({ v }: { v: View }) {
  const { m, t, f } = v;
  const b = m.booking;
  const site = m.site.value;
  const service = site?.services.find((s) => s.id === b.serviceId.value);
  switch (b.stage.value) {
    case 'service':
      return <Chips v={v} items={site?.services.map((s) => ({ id: s.id, label: s.name, sub: `${f.price(s.price, s.currency)}, ${f.duration(s.durationMin)}` }))} pick={b.chooseService} />;
    case 'staff':
      return <Chips v={v} items={[{ id: 'any', label: t.anyone }, ...(site?.staff.filter((s) => service?.staffIds.includes(s.id)).map((s) => ({ id: s.id, label: s.name })) ?? [])]} pick={b.chooseStaff} />;
    case 'slots':
      return <><Slots v={v} p={b.picker} pick={b.pick} /><Chips v={v} /></>;
    case 'contact':
      return <ContactForm v={v} submit={b.submit} label={t.confirm}><Chips v={v} items={[{ id: 'c', label: t.change }]} pick={b.changeTime} /></ContactForm>;
    default:
      return <Chips v={v} />;
  }
}

function Quote({ v }: { v: View }) {
  const { m, t } = v;
  const q = m.quote;
  const question = q.question.value;
  if (q.stage.value === 'tree') return <Chips v={v} items={m.site.value?.widget.quoteTrees.map((x) => ({ id: x.id, label: x.title }))} pick={q.pickTree} />;
  if (q.stage.value === 'final') return <><button type="button" class="btn" onClick={q.book}>{t.bookThis}</button><Chips v={v} items={[{ id: 'a', label: t.ask }]} pick={q.ask} /></>;
  if (!question) return null;
  if (question.type === 'choice') return <Chips v={v} label={question.text} items={question.options} pick={q.answer} />;
  const unit = question.unit ? ` ${question.unit}` : '';
  return (
    <form noValidate onSubmit={(e) => {
      e.preventDefault();
      const input = (e.currentTarget).elements.namedItem('n') as HTMLInputElement;
      if (input.value && input.checkValidity()) void q.answer(+input.value, input.value + unit);
      else input.focus();
    }}>
      <label for="fd-n">{question.text}{unit}</label>
      <input id="fd-n" name="n" type="number" inputMode="decimal" min={question.min} max={question.max} step={question.step} required />
      <button class="btn">{t.send}</button>
      <Chips v={v} />
    </form>
  );
}

function Manage({ v }: { v: View }) {
  const { m, t, f, tz } = v;
  const g = m.manage;
  const data = g.data.value;
  const stage = g.stage.value;
  if (stage === 'none' || !data) return <Chips v={v} />;
  if (stage === 'slots') return <><Slots v={v} p={g.picker} pick={g.pick} /><Chips v={v} /></>;
  const b = data.booking;
  const active = b.status !== 'cancelled';
  const c = data.cancellation;
  return (
    <>
      <Card v={v} d={{
        start: b.start, service: b.serviceName, staff: b.staffName, address: data.business.address, bring: data.business.whatToBring,
        status: active ? '' : t.isCancelled, token: g.token.value, managing: true, window: m.site.value?.business.cancellationWindowMin,
      }} />
      {active && !c.allowed ? <p class="note">{fill(t.late, { t: f.when(c.deadline, tz) })}</p> : null}
      {active ? (
        // Cancelling cannot be undone: the browser's own confirm dialog asks first.
        <Chips v={v} items={[{ id: 'r', label: t.reschedule }, ...(c.allowed ? [{ id: 'c', label: t.cancel }] : [])]} pick={(id) => (id === 'r' ? void g.reschedule() : confirm(t.sure) && void g.cancel())} />
      ) : (
        <Chips v={v} items={[{ id: 'b', label: t.rebook }]} pick={() => m.booking.start({ serviceId: b.serviceId })} />
      )}
    </>
  );
}

/** The controls for where the conversation is now. */
export function Step({ v }: { v: View }) {
  const { m, t } = v;
  const a = m.active.value;
  const intents = m.site.value?.widget.intents ?? (Object.keys(t.intents) as IntentId[]).map((id) => ({ id, label: null }));
  return (
    <div class="step">
      {a === 'menu' ? <Chips v={v} menu={false} items={intents.map((i) => ({ id: i.id, label: i.label || t.intents[i.id] }))} pick={(id, l) => m.choose(id as IntentId, l)} />
        : a === 'booking' ? <Booking v={v} />
        : a === 'quote' ? <Quote v={v} />
        : a === 'handoff' ? (m.handoff.stage.value === 'sent' ? <Chips v={v} /> : <ContactForm v={v} submit={m.handoff.submit} label={t.send} message><Chips v={v} /></ContactForm>)
        : <Manage v={v} />}
    </div>
  );
}
