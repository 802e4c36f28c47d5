import { h } from 'preact';
import type { Message, Say } from '../flow/chat';
import { fill } from '../i18n';
import { Card } from './card';
import type { View } from './view';

/** A bot utterance in words (and, for a booking or the price list, a card). */
function said(v: View, s: Say) {
  const { t, f, m, tz } = v;
  const site = m.site.value;
  switch (s.k) {
    case 'hello': return site?.widget.greeting || t.hello;
    case 'q': return s.text;
    case 'range':
      return fill(t.range + (s.factors.length ? t.factors : ''), { range: f.range(s.range.min, s.range.max, s.currency), factors: s.factors.join(', ') });
    case 'final': return `${fill(t.final, { price: f.money(s.price, s.currency) })}\n${s.summary}`;
    case 'booked': {
      const b = site?.business;
      return [t.booked, <Card key="c" v={v} d={{
        start: s.start, token: s.manageToken, address: b?.address, bring: b?.whatToBring, window: b?.cancellationWindowMin,
        service: site?.services.find((x) => x.id === s.serviceId)?.name, staff: site?.staff.find((x) => x.id === s.staffId)?.name,
      }} />];
    }
    default: {
      const at = s.start ?? s.by;
      return fill(t[s.k], { t: at ? f.when(at, tz) : '', day: s.day ? f.day(s.day) : '' });
    }
  }
}

/** The transcript. role="log" is a polite live region: new bot messages are announced. */
export function Log({ v }: { v: View }) {
  return (
    <div role="log" aria-label={v.t.title} aria-busy={v.m.busy.value}>
      {v.m.messages.value.map((x: Message) => (x.from === 'bot'
        ? <div key={x.id} class="msg">{said(v, x.say)}</div>
        : <div key={x.id} class="msg me">{x.text}</div>))}
    </div>
  );
}
