import { h } from 'preact';
import type { Prompt } from '../flow/port';
import { fill } from '../i18n';
import type { View } from './view';

type SlotsPrompt = Extract<Prompt, { kind: 'slots' }>;

/**
 * Free times as the server offers them, "show more", and a day picker. Times are in the
 * business's zone, labelled, with the visitor's own time beside each when it differs.
 */
export function Slots({ v, p }: { v: View; p: SlotsPrompt }) {
  const { t, f, m } = v;
  const tz = p.timeZone;
  const chip = (key: string, label: string, on: () => void, pressed?: boolean, sub?: string) => (
    <button key={key} type="button" aria-pressed={pressed} onClick={on}>{label}{sub ? <small>{sub}</small> : null}</button>
  );
  return (
    <div>
      <p class="note zone">{p.zoneName}</p>
      {p.slots.length ? (
        <ul aria-label={t.times}>
          {p.slots.map((s) => {
            const label = p.day ? f.time(s.start, tz) : f.when(s.start, tz);
            const mine = f.visitor(s.start, tz);
            return <li key={s.id}>{chip(s.id, label, () => m.choose(s.id, label), undefined, mine && fill(t.yours, { t: mine }))}</li>;
          })}
        </ul>
      ) : null}
      {p.more ? <p>{chip('more', t.more, () => void m.send({ type: 'more' }, t.more))}</p> : null}
      {p.nextFreeDay ? <p class="note">{fill(t.next, { day: f.day(p.nextFreeDay) })}</p> : null}
      {p.days.length ? (
        <div class="days" role="group" aria-label={t.day}>
          {p.days.map((d) => {
            const label = f.day(d.date);
            return chip(d.date, label, () => void m.send({ type: 'day', date: d.date }, label), d.date === p.day);
          })}
        </div>
      ) : null}
    </div>
  );
}
