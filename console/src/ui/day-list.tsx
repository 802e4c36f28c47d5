/**
 * The calendar's day list (issue 17): one day's bookings in time order, one row each — time,
 * client, service, staff member, status and whether the client confirmed, said as a badge with
 * words (and a sign), never by colour alone. A row opens the same booking panel as the grid.
 * Rows wrap into a card on a phone; nothing scrolls sideways.
 */
import type { CalendarBooking } from '../api/contract.js';
import { fmt, labelled, locale, t } from '../i18n/index.js';
import { formatDay, formatTime } from '../lib/format.js';
import { utcToZoned, type LocalDate } from '@frontdesk/shared';

/** The sign beside each state's words (aria-hidden: the words say it). */
const SIGN = { confirmed: '✓', pending: '…', no_answer: '!' } as const;

interface Props {
  day: LocalDate;
  tz: string;
  bookings: CalendarBooking[];
  staffName: (id: string) => string;
  statusLabel: (status: string) => string;
  selected: string | null;
  onSelect: (id: string) => void;
}

/** The bookings that start on `day` (business time), earliest first; at the same time by staff name. */
export function bookingsOfDay(bookings: readonly CalendarBooking[], day: LocalDate, tz: string, staffName: (id: string) => string): CalendarBooking[] {
  return bookings
    .filter((b) => utcToZoned(Date.parse(b.startsAt), tz).date === day)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || staffName(a.staffId).localeCompare(staffName(b.staffId)));
}

export function DayList(props: Props) {
  const d = t.value.calendar;
  const rows = bookingsOfDay(props.bookings, props.day, props.tz, props.staffName);
  // Only an upcoming (confirmed) booking waits for the client's answer; the others say their status.
  const open = rows.filter((b) => b.status === 'confirmed');
  const counts = (['confirmed', 'pending', 'no_answer'] as const).map((s) => ({ s, n: open.filter((b) => b.confirmation === s).length }));
  if (rows.length === 0) return <p class="muted day-list-empty">{d.empty}</p>;
  return (
    <>
      <p class="day-list-summary" data-testid="day-list-summary">
        {counts.map((c) => (
          <span key={c.s} class={`badge confirm-${c.s}`}>
            {labelled(d.confirmation[c.s], c.n)}
          </span>
        ))}
      </p>
      <ol class="day-list" aria-label={fmt(d.bookingsOn, { date: formatDay(props.day, locale.value, true) })}>
        {rows.map((b) => (
          <li key={b.id}>
            <button type="button" class={`day-row status-${b.status}`} data-booking={b.id} aria-pressed={props.selected === b.id} onClick={() => props.onSelect(b.id)}>
              <span class="dl-time">
                {formatTime(b.startsAt, props.tz, locale.value)}–{formatTime(b.endsAt, props.tz, locale.value)}
              </span>
              <span class="dl-who">
                <strong class="dl-client">{b.customer.name}</strong>
                <span class="dl-what">
                  {b.serviceName} · {props.staffName(b.staffId)}
                </span>
              </span>
              <span class="dl-state">
                <span class={`badge dl-status-${b.status}`}>{props.statusLabel(b.status)}</span>
                {b.status === 'confirmed' && (
                  <span class={`badge confirm-${b.confirmation}`} data-confirmation={b.confirmation}>
                    <span aria-hidden="true">{SIGN[b.confirmation]} </span>
                    {d.confirmation[b.confirmation]}
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
