import { h } from 'preact';
import { fill } from '../i18n';
import type { View } from './view';

export interface CardData {
  start: string;
  service?: string | undefined;
  staff?: string | undefined;
  address?: string | undefined;
  bring?: string | null | undefined;
  /** The cancellation window in minutes, for the rule line. */
  window?: number | undefined;
  status?: string | undefined;
  token: string;
  /** Hide the manage link where the visitor is already managing the booking. */
  managing?: boolean;
}

/** The booking as a confirmation card: when (and the visitor's own time), where, what to bring, links. */
export function Card({ v, d }: { v: View; d: CardData }) {
  const { t, f, tz } = v;
  const mine = f.visitor(d.start, tz);
  const row = (label: string, value: string | null | undefined) =>
    value ? [<dt key={label}>{label}</dt>, <dd key={`${label}:`}>{value}</dd>] : null;
  return (
    <div class="card">
      <dl>
        {row(t.what, d.service)}
        {row(t.with, d.staff)}
        {row(t.when, `${f.when(d.start, tz)} (${f.zone(tz)})${mine ? `, ${fill(t.yours, { t: mine })}` : ''}`)}
        {row(t.where, d.address)}
        {row(t.bring, d.bring)}
      </dl>
      {d.status ? <p><b>{d.status}</b></p> : null}
      {d.window ? <p class="note">{fill(t.rule, { d: f.duration(d.window) })}</p> : null}
      <p class="links">
        <a href={v.api.icsUrl(d.token)} download="booking.ics">{t.ics}</a>
        {d.managing ? null : <a href={`${v.base}manage?token=${encodeURIComponent(d.token)}`} target="_blank" rel="noopener">{t.link}</a>}
      </p>
    </div>
  );
}
