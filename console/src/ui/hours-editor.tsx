/**
 * Working hours per ISO weekday (several intervals a day) and one-off days off. Used by the
 * owner's staff form and by a staff member's own "My hours" page.
 */
import { useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { WeeklyHours } from '@frontdesk/shared';
import { locale, t } from '../i18n/index.js';
import { formatDay } from '../lib/format.js';
import { ErrorBox, Field } from './common.js';
import { useAction } from './resource.js';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Intervals that end before they start, or overlap another one that day. */
export function hoursProblems(h: WeeklyHours): string[] {
  const bad: string[] = [];
  for (const day of DAYS) {
    const list = [...(h[day] ?? [])].sort((a, b) => a.start.localeCompare(b.start));
    list.forEach((iv, i) => {
      if (!(iv.start < iv.end)) bad.push(`${day}.${i}`);
      const next = list[i + 1];
      if (next && next.start < iv.end) bad.push(`${day}.${i + 1}`);
    });
  }
  return bad;
}

export function HoursEditor(props: { value: WeeklyHours; onValue: (v: WeeklyHours) => void; legend?: string }) {
  const d = t.value.staff;
  const set = (day: (typeof DAYS)[number], list: { start: string; end: string }[]) => props.onValue({ ...props.value, [day]: list });
  return (
    <fieldset class="hours">
      <legend>{props.legend ?? d.hours}</legend>
      {DAYS.map((day, i) => {
        const list = props.value[day] ?? [];
        const dayName = d.weekdays[i] ?? day;
        return (
          <fieldset key={day} class="weekday">
            <legend>{dayName}</legend>
            {list.length === 0 && <p class="muted">{d.closedDay}</p>}
            {list.map((iv, j) => (
              <div class="interval" key={j}>
                <Field label={`${d.from}`} class="inline">
                  {({ id }) => (
                    <input
                      id={id}
                      type="time"
                      value={iv.start}
                      aria-invalid={!(iv.start < iv.end) || undefined}
                      onChange={(e) => set(day, list.map((x, k) => (k === j ? { ...x, start: e.currentTarget.value } : x)))}
                    />
                  )}
                </Field>
                <Field label={`${d.to}`} class="inline">
                  {({ id }) => (
                    <input
                      id={id}
                      type="time"
                      value={iv.end}
                      aria-invalid={!(iv.start < iv.end) || undefined}
                      onChange={(e) => set(day, list.map((x, k) => (k === j ? { ...x, end: e.currentTarget.value } : x)))}
                    />
                  )}
                </Field>
                <button type="button" class="secondary small" aria-label={`${t.value.app.remove}: ${dayName} ${iv.start}–${iv.end}`} onClick={() => set(day, list.filter((_, k) => k !== j))}>
                  {t.value.app.remove}
                </button>
              </div>
            ))}
            <button
              type="button"
              class="secondary small"
              aria-label={`${d.addInterval}: ${dayName}`}
              onClick={() => set(day, [...list, list.length ? { start: '14:00', end: '18:00' } : { start: '09:00', end: '18:00' }])}
            >
              {d.addInterval}
            </button>
          </fieldset>
        );
      })}
    </fieldset>
  );
}

/** Days off save immediately (one call per day), so the list is always what the server has. */
export function DaysOffEditor(props: { staffId: string; daysOff: string[]; onChanged: () => void }) {
  const d = t.value.staff;
  const [date, setDate] = useState('');
  const action = useAction();
  const change = (day: string, off: boolean) =>
    void action.run(() => api.staff.setDayOff({ staffId: props.staffId, date: day, off })).then((r) => {
      if (r === undefined) return;
      setDate('');
      props.onChanged();
    });
  const sorted = [...props.daysOff].sort();
  return (
    <fieldset class="days-off">
      <legend>{d.daysOff}</legend>
      {sorted.length === 0 ? (
        <p class="muted">{t.value.app.none}</p>
      ) : (
        <ul>
          {sorted.map((day) => (
            <li key={day}>
              {formatDay(day, locale.value, true)}{' '}
              <button type="button" class="secondary small" disabled={action.busy} aria-label={`${t.value.app.remove}: ${formatDay(day, locale.value, true)}`} onClick={() => change(day, false)}>
                {t.value.app.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="interval">
        <Field label={d.dayOff} class="inline">
          {({ id }) => <input id={id} type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />}
        </Field>
        <button type="button" class="secondary" disabled={!date || action.busy} onClick={() => change(date, true)}>
          {d.addDayOff}
        </button>
      </div>
      <ErrorBox error={action.error} />
    </fieldset>
  );
}
