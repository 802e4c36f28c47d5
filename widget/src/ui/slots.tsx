import { h } from 'preact';
import type { Slot } from '../flow/port';
import type { SlotPicker } from '../flow/slot-picker';
import { fill } from '../i18n';
import type { View } from './view';

/**
 * The nearest slots (or one day's), "show more", and a day picker. Times are in the
 * business's zone, labelled, with the visitor's own time beside each when it differs.
 */
export function Slots({ v, p, pick }: { v: View; p: SlotPicker; pick: (s: Slot, label: string) => void }) {
  const { t, f } = v;
  const tz = p.timeZone.value;
  const chosen = p.day.value;
  const slots = p.visible.value;
  const chip = (key: string, label: string, on: () => void, pressed?: boolean, sub?: string) => (
    <button key={key} type="button" aria-pressed={pressed} onClick={on}>{label}{sub ? <small>{sub}</small> : null}</button>
  );
  return (
    <div>
      <p class="note">{fill(t.zone, { tz: f.zone(tz) })}</p>
      {slots.length ? (
        <ul aria-label={t.times}>
          {slots.map((s) => {
            const label = chosen ? f.time(s.start, tz) : f.when(s.start, tz);
            const mine = f.visitor(s.start, tz);
            return <li key={s.start + s.staffId}>{chip(s.start, label, () => pick(s, label), undefined, mine && fill(t.yours, { t: mine }))}</li>;
          })}
        </ul>
      ) : v.m.busy.value ? null : <p class="note">{t.noSlots}</p>}
      {p.canShowMore.value ? <p>{chip('more', t.more, p.showMore)}</p> : null}
      <div class="days" role="group" aria-label={t.day}>
        {chip('', t.nearest, () => void p.pickDay(null, t.nearest), !chosen)}
        {p.days.value.map((d) => {
          const label = f.day(d);
          return chip(d, label, () => void p.pickDay(d, label), d === chosen);
        })}
      </div>
    </div>
  );
}
