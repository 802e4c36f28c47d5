/**
 * Staff calendar: a time grid (ui/time-grid.tsx) of a day with one column per staff member, or
 * one person's week, in the business's time zone, with Google busy blocks shaded. A booking is
 * dragged to move it (the console's reschedule API) or opens a panel to mark attendance,
 * cancel or reschedule; a click on an empty hour books a phone client there.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { CalendarBooking, Service } from '../api/contract.js';
import { route } from '../app/router.js';
import { me } from '../app/session.js';
import { fmt, labelled, labelOf, lang, LANG_NAMES, locale, t } from '../i18n/index.js';
import { formatDay, formatTime } from '../lib/format.js';
import { dayOff, gridRange, openingDay } from '../lib/time-grid.js';
import { TimeGrid, type GridColumn } from '../ui/time-grid.js';
import { DayList } from '../ui/day-list.js';
import { addDays, mondayOf, utcToZoned, zonedToUtc, type Lang } from '@frontdesk/shared';
import { ErrorBox, Field, Loading, Notice, Page, SelectField, Submit, TextField } from '../ui/common.js';
import { useAction, useResource } from '../ui/resource.js';
import { markChoices, markLabel, markQuestion, markStep, type Mark, type MarkAction } from './attendance.js';

/** The day as a grid, one person's week, or the day as a list in time order (issue 17). */
type View = 'day' | 'week' | 'list';
const VIEWS: readonly View[] = ['day', 'week', 'list'];

const localized = (names: Service['names'], l: Lang) => names[l] ?? names.en ?? names.ru ?? names.hy ?? '';

/** Why a time was refused, in the staff member's words: taken, a closed day, or outside the opening hours. */
function notFreeText(d: typeof t.value.calendar, reason: string | undefined): string | undefined {
  return reason === 'SLOT_TAKEN' ? d.slotTaken : reason === 'CLOSED' ? d.closedDay : reason === 'OUTSIDE_HOURS' ? d.outsideHours : undefined;
}

export function CalendarPage() {
  const d = t.value.calendar;
  const business = me.value!.business;
  const tz = business.timeZone;
  // #/calendar?date=2026-11-24&view=day opens a given day (links, tests); else today, or the next
  // working day once today's hours are over.
  const q = route.value.query;
  const [view, setView] = useState<View>(() => VIEWS.find((v) => v === q.get('view')) ?? 'day');
  const asked = /^\d{4}-\d{2}-\d{2}$/.test(q.get('date') ?? '');
  // Until someone picks a day, the calendar steps past the business's closed days (holidays come with the data).
  const auto = useRef(!asked);
  const [date, setDate] = useState(() => {
    if (asked) return q.get('date')!;
    const now = utcToZoned(Date.now(), tz);
    return openingDay(business.openingHours, now.date, now.minuteOfDay);
  });
  // Staff start on their own bookings (the filter shows everyone's on request).
  const [staffId, setStaffId] = useState(() => (me.value!.user.role === 'staff' ? (me.value!.user.staffId ?? '') : ''));
  // #/calendar?…&booking=<id> opens that booking's panel (the dashboard's undelivered messages link here).
  const [selected, setSelected] = useState<string | null>(() => q.get('booking'));
  const [creating, setCreating] = useState<{ staffId: string; date: string; start: string | null } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const move = useAction();

  const first = view === 'week' ? mondayOf(date) : date;
  const days = view !== 'week' ? [first] : Array.from({ length: 7 }, (_, i) => addDays(first, i));
  const from = new Date(zonedToUtc(first, 0, tz)).toISOString();
  const to = new Date(zonedToUtc(addDays(first, days.length), 0, tz)).toISOString();
  // The week is one person's: the one picked, else the signed-in staff member, else the first.
  // Service names come in the viewer's language: a language switch fetches them again.
  const cal = useResource(() => api.calendar.list({ from, to, ...(staffId ? { staffId } : {}) }), [from, to, staffId, lang.value]);
  const services = useResource(() => api.services.list(), []);
  useEffect(() => {
    if (!auto.current || !cal.data) return;
    if (cal.data.closures.length === 0 || view === 'week' || dayOff(date, business.openingHours, undefined, cal.data.closures)?.kind !== 'closed') {
      auto.current = false;
      return;
    }
    setDate(openingDay(business.openingHours, addDays(date, 1), -1, cal.data.closures));
  }, [cal.data]);
  const pick = (d: string) => {
    auto.current = false;
    setDate(d);
  };

  const step = view === 'week' ? 7 : 1;
  const booking = cal.data?.bookings.find((b) => b.id === selected);
  const staffList = cal.data?.staff ?? [];
  const person = staffId || staffList[0]?.id || '';
  const staffName = (id: string) => staffList.find((s) => s.id === id)?.name ?? '';
  const columns: GridColumn[] =
    view !== 'week'
      ? staffList.filter((s) => !staffId || s.id === staffId).map((s) => ({ key: `${s.id}-${first}`, day: first, staffId: s.id, title: s.name }))
      : days.map((day) => ({ key: `${person}-${day}`, day, staffId: person, title: formatDay(day, locale.value) }));
  const minutes = (cal.data?.bookings ?? []).map((b) => {
    const s = utcToZoned(Date.parse(b.startsAt), tz);
    const e = utcToZoned(Date.parse(b.endsAt), tz);
    return { start: s.minuteOfDay, end: e.date === s.date ? e.minuteOfDay : 1440 };
  });
  const range = gridRange(business.openingHours, days, minutes);

  const moveTo = (b: CalendarBooking, column: GridColumn, minute: number) => {
    setSelected(null);
    void move.run(() => api.bookings.reschedule({ bookingId: b.id, startsAt: new Date(zonedToUtc(column.day, minute, tz)).toISOString(), staffId: column.staffId })).then(() => cal.reload());
  };

  return (
    <Page
      title={d.title}
      actions={
        <button type="button" class="primary" aria-expanded={creating !== null} onClick={() => setCreating(creating ? null : { staffId, date, start: null })}>
          {d.newBooking}
        </button>
      }
    >
      <div class="toolbar" role="group" aria-label={d.view}>
        <div class="segmented" role="group" aria-label={d.view}>
          {VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {v === 'day' ? d.day : v === 'week' ? d.week : d.list}
            </button>
          ))}
        </div>
        <button type="button" class="secondary" onClick={() => pick(addDays(date, -step))}>
          ‹ {d.prev}
        </button>
        <button type="button" class="secondary" onClick={() => pick(utcToZoned(Date.now(), tz).date)}>
          {d.today}
        </button>
        <button type="button" class="secondary" onClick={() => pick(addDays(date, step))}>
          {d.next} ›
        </button>
        <Field label={d.date} class="inline">
          {({ id }) => <input id={id} type="date" value={date} onChange={(e) => e.currentTarget.value && pick(e.currentTarget.value)} />}
        </Field>
        <SelectField
          class="inline"
          label={d.staffFilter}
          value={view === 'week' ? person : staffId}
          onValue={setStaffId}
          options={[...(view !== 'week' ? [{ value: '', label: d.allStaff }] : []), ...staffList.map((s) => ({ value: s.id, label: s.name }))]}
        />
      </div>
      <p class="muted tg-title">
        {view === 'week' ? fmt(d.weekOf, { name: staffName(person), date: formatDay(first, locale.value) }) : formatDay(first, locale.value, true)}
        {view === 'list' ? ` · ${d.listHint}` : ` · ${d.dragHint}`}
      </p>

      {creating && (
        <PhoneBooking
          key={`${creating.staffId}|${creating.date}|${creating.start ?? ''}`}
          services={services.data ?? []}
          staff={staffList}
          date={creating.date}
          staffId={creating.staffId}
          start={creating.start}
          onDone={() => {
            setCreating(null);
            cal.reload();
          }}
          onCancel={() => setCreating(null)}
        />
      )}

      {booking && cal.data && (
        <BookingPanel
          booking={booking}
          staffName={staffName(booking.staffId)}
          onChanged={() => cal.reload()}
          onClose={() => setSelected(null)}
        />
      )}
      {move.error && <ErrorBox error={move.error} text={notFreeText(d, move.error.reason)} />}
      {move.done && <Notice>{d.moved}</Notice>}

      {cal.error ? (
        <ErrorBox error={cal.error} retry={cal.reload} />
      ) : !cal.data ? (
        <Loading />
      ) : (
        <div class="calendar" aria-busy={cal.loading || move.busy || undefined}>
          {view === 'list' ? (
            <DayList
              day={first}
              tz={tz}
              bookings={cal.data.bookings.filter((b) => !staffId || b.staffId === staffId)}
              staffName={staffName}
              statusLabel={statusLabel}
              selected={selected}
              onSelect={setSelected}
            />
          ) : (
          <TimeGrid
            columns={columns}
            range={range}
            tz={tz}
            bookings={cal.data.bookings}
            busy={cal.data.busy}
            staffName={staffName}
            opening={business.openingHours}
            staffHours={(id) => staffList.find((s) => s.id === id)?.hours}
            closures={cal.data.closures}
            statusLabel={statusLabel}
            selected={selected}
            now={now}
            onSelect={setSelected}
            onMove={moveTo}
            onCreate={(column, minute) => setCreating({ staffId: column.staffId, date: column.day, start: new Date(zonedToUtc(column.day, minute, tz)).toISOString() })}
          />
          )}
        </div>
      )}
    </Page>
  );
}

export function statusLabel(status: string): string {
  const s = t.value.calendar.statuses as Record<string, string>;
  return s[status] ?? status;
}

function BookingPanel(props: { booking: CalendarBooking; staffName: string; onChanged: () => void; onClose: () => void }) {
  const d = t.value.calendar;
  const b = props.booking;
  const tz = me.value!.business.timeZone;
  const action = useAction();
  const [reason, setReason] = useState('');
  const [mode, setMode] = useState<'none' | 'cancel' | 'reschedule'>('none');
  /** The attendance change waiting for the staff member's "yes" (marks send the client a message). */
  const [mark, setMark] = useState<Mark | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    const r = await action.run(fn);
    if (r !== undefined) {
      setMode('none');
      setMark(null);
      props.onChanged();
    }
  };
  const active = b.status === 'confirmed';
  // Attendance is recorded after the fact (the server refuses it earlier too).
  const choices = markChoices(b.status, Date.now() >= Date.parse(b.startsAt));
  /** Choosing or answering "No" only changes the question; "Yes, mark it" sends the pending mark. */
  const answer = (a: MarkAction) => {
    const step = markStep(mark, a);
    setMark(step.pending);
    const send = step.send;
    if (send) void act(() => api.bookings.markAttendance({ bookingId: b.id, status: send }));
  };
  return (
    <section class="panel booking-panel" aria-labelledby="booking-title">
      <div class="panel-head">
        <h2 id="booking-title">
          {labelled(d.details, b.customer.name)}
        </h2>
        <button type="button" class="secondary" onClick={props.onClose}>
          {t.value.app.close}
        </button>
      </div>
      <dl class="facts">
        <dt>{d.service}</dt>
        <dd>{b.serviceName}</dd>
        <dt>{d.specialist}</dt>
        <dd>{props.staffName}</dd>
        <dt>{d.date}</dt>
        <dd>
          {formatDay(utcToZoned(Date.parse(b.startsAt), tz).date, locale.value, true)}, {formatTime(b.startsAt, tz, locale.value)}–{formatTime(b.endsAt, tz, locale.value)}
        </dd>
        <dt>{d.status}</dt>
        <dd data-testid="booking-status">{statusLabel(b.status)}</dd>
        <dt>{d.confirmedBy}</dt>
        <dd data-testid="booking-confirmation">{d.confirmation[b.confirmation]}</dd>
        {b.delivery && (
          <>
            <dt>{d.deliveryLabel}</dt>
            <dd data-testid="booking-delivery" style={b.delivery.kind === 'failed' ? { color: 'var(--danger)', fontWeight: 600 } : undefined}>
              {(b.delivery.kind === 'fallback' ? d.deliveryFallback : d.deliveryFailed)
                .replace('{failed}', b.delivery.failed.map((c) => t.value.labels.channel[c]).join(d.deliveryOr))
                .replace('{sentBy}', b.delivery.sentBy ? t.value.labels.channel[b.delivery.sentBy] : '')
                .replace('{time}', `${formatDay(utcToZoned(Date.parse(b.delivery.at), tz).date, locale.value, true)}, ${formatTime(b.delivery.at, tz, locale.value)}`)}
            </dd>
          </>
        )}
        <dt>{d.phone}</dt>
        <dd>{b.customer.phone ? <a href={`tel:${b.customer.phone}`}>{b.customer.phone}</a> : '—'}</dd>
        <dt>{t.value.auth.email}</dt>
        <dd>{b.customer.email ? <a href={`mailto:${b.customer.email}`}>{b.customer.email}</a> : '—'}</dd>
        {b.price && (
          <>
            <dt>{d.price}</dt>
            <dd data-testid="booking-price">{b.price}</dd>
          </>
        )}
        <dt>{d.channel}</dt>
        <dd>{labelOf('channel', b.channel)}</dd>
        {b.note && (
          <>
            <dt>{d.note}</dt>
            <dd>{b.note}</dd>
          </>
        )}
      </dl>
      <div class="actions">
        {choices === null ? (
          <p class="note" data-testid="attendance-later">{d.attendanceAfterStart}</p>
        ) : (
          choices.map((m) => (
            <button key={m} type="button" class="secondary" disabled={action.busy} onClick={() => answer({ type: 'choose', mark: m })}>
              {markLabel(d, m)}
            </button>
          ))
        )}
        {active && (
          <>
            <button type="button" class="secondary" aria-expanded={mode === 'reschedule'} onClick={() => setMode(mode === 'reschedule' ? 'none' : 'reschedule')}>
              {d.reschedule}
            </button>
            <button type="button" class="danger" aria-expanded={mode === 'cancel'} onClick={() => setMode(mode === 'cancel' ? 'none' : 'cancel')}>
              {d.cancelBooking}
            </button>
          </>
        )}
      </div>
      {mark && (
        <div class="subform" role="alertdialog" aria-labelledby="mark-question">
          <p id="mark-question">{markQuestion(d, mark)}</p>
          <button type="button" disabled={action.busy} onClick={() => answer({ type: 'yes' })}>
            {d.confirmMark}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => answer({ type: 'no' })}>
            {d.notNow}
          </button>
        </div>
      )}
      {mode === 'cancel' && (
        <form
          class="subform"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => api.bookings.cancel({ bookingId: b.id, version: b.version, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
          }}
        >
          <TextField label={d.cancelReason} value={reason} onValue={setReason} />
          <Submit busy={action.busy}>{d.confirmCancel}</Submit>
        </form>
      )}
      {mode === 'reschedule' && (
        <SlotPicker
          serviceId={b.serviceId}
          staffId={b.staffId}
          initialDate={utcToZoned(Date.parse(b.startsAt), tz).date}
          submitLabel={d.moveTo}
          busy={action.busy}
          onPick={(slot) => void act(() => api.bookings.reschedule({ bookingId: b.id, version: b.version, startsAt: slot.start, staffId: slot.staffId }))}
        />
      )}
      {action.error && <ErrorBox error={action.error} text={notFreeText(d, action.error.reason)} />}
      {action.done && <Notice>{t.value.app.saved}</Notice>}
    </section>
  );
}

/** Date → free slots of a service (for one staff member or anyone) → one chosen. */
function SlotPicker(props: {
  serviceId: string;
  staffId?: string | undefined;
  initialDate: string;
  submitLabel: string;
  busy: boolean;
  onPick: (slot: { start: string; staffId: string }) => void;
  staffNames?: Record<string, string>;
  /** Embedded in a bigger form: report every choice (and null when the list changes). */
  onChoose?: (slot: { start: string; staffId: string } | null) => void;
  /** A time to choose when it is free (a click on the grid's empty hour). */
  preselect?: string | null;
  /** Move on from initialDate to the first day with free times (up to two weeks). */
  seekFree?: boolean;
}) {
  const d = t.value.calendar;
  const tz = me.value!.business.timeZone;
  const [date, setDate] = useState(props.initialDate);
  const [chosen, setChosen] = useState<string | null>(null);
  const [seeking, setSeeking] = useState(props.seekFree ? 14 : 0);
  const slots = useResource(
    () => (props.serviceId ? api.bookings.slots({ serviceId: props.serviceId, date, ...(props.staffId ? { staffId: props.staffId } : {}) }) : Promise.resolve({ slots: [] })),
    [props.serviceId, props.staffId, date],
  );
  const list = slots.data?.slots ?? [];
  useEffect(() => {
    if (!slots.data || slots.loading) return;
    if (list.length === 0 && seeking > 0) {
      setSeeking(seeking - 1);
      setDate(addDays(date, 1));
      return;
    }
    setSeeking(0);
    const pre = props.preselect ? list.find((s) => Date.parse(s.start) === Date.parse(props.preselect!)) : undefined;
    if (pre && chosen === null) {
      setChosen(`${pre.start}|${pre.staffId}`);
      props.onChoose?.(pre);
    }
  }, [slots.data, slots.loading]);
  const pick = list.find((s) => `${s.start}|${s.staffId}` === chosen);
  return (
    <div class="subform">
      <Field label={d.date}>
        {({ id }) => (
          <input
            id={id}
            type="date"
            value={date}
            onChange={(e) => {
              if (!e.currentTarget.value) return;
              setSeeking(0);
              setDate(e.currentTarget.value);
              setChosen(null);
              props.onChoose?.(null);
            }}
          />
        )}
      </Field>
      <fieldset>
        <legend>{d.slots}</legend>
        {slots.error ? (
          <ErrorBox error={slots.error} retry={slots.reload} />
        ) : slots.loading ? (
          <Loading />
        ) : list.length === 0 ? (
          <p class="muted">{d.noSlots}</p>
        ) : (
          <div class="slots">
            {list.map((s) => {
              const key = `${s.start}|${s.staffId}`;
              return (
                <label key={key} class={chosen === key ? 'slot chosen' : 'slot'}>
                  <input type="radio" name="slot" value={key} checked={chosen === key} onChange={() => {
                      setChosen(key);
                      props.onChoose?.(s);
                    }}
                  />
                  {formatTime(s.start, tz, locale.value)}
                  {props.staffNames && !props.staffId && <span class="muted"> {props.staffNames[s.staffId] ?? ''}</span>}
                </label>
              );
            })}
          </div>
        )}
      </fieldset>
      {props.submitLabel && (
        <button type="button" class="primary" disabled={!pick || props.busy} onClick={() => pick && props.onPick(pick)}>
          {props.submitLabel}
        </button>
      )}
    </div>
  );
}

function PhoneBooking(props: {
  services: Service[];
  staff: { id: string; name: string }[];
  date: string;
  /** From a click on the grid: that person and time, when free. */
  staffId: string;
  start: string | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const d = t.value.calendar;
  const business = me.value!.business;
  const active = props.services.filter((s) => s.active);
  // The services may still be loading when the form opens: the first one counts until one is picked.
  const [picked, setServiceId] = useState('');
  const serviceId = picked || active[0]?.id || '';
  const [staffId, setStaffId] = useState(props.staffId);
  const [slot, setSlot] = useState<{ start: string; staffId: string } | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [note, setNote] = useState('');
  const [clientLang, setClientLang] = useState<string>(business.defaultLang);
  const [missing, setMissing] = useState<string[]>([]);
  const action = useAction();
  const service = active.find((s) => s.id === serviceId);
  const performers = props.staff.filter((s) => !service || service.staffIds.length === 0 || service.staffIds.includes(s.id));
  const names = Object.fromEntries(props.staff.map((s) => [s.id, s.name]));

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems = [...(!slot ? ['slot'] : []), ...(!name.trim() ? ['name'] : [])];
    setMissing(problems);
    if (problems.length > 0 || !slot) return;
    const bookingLang = clientLang as Lang;
    const r = await action.run(() =>
      api.bookings.create({
        serviceId,
        staffId: slot.staffId,
        startsAt: slot.start,
        customer: { name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}) },
        lang: bookingLang,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
    if (r !== undefined) props.onDone();
  };
  const fieldErr = (p: string) => action.error?.fields.filter((f) => f.path === p || f.path.startsWith(`${p}.`)).map((f) => f.message);

  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.scrollIntoView({ block: 'nearest' }), [props.start]);
  return (
    <section class="panel" aria-labelledby="new-booking-title" ref={panel}>
      <h2 id="new-booking-title">{d.newBooking}</h2>
      {/* Our own messages beside the fields, instead of the browser's bubbles. */}
      <form onSubmit={submit} noValidate>
        <div class="grid2">
          <SelectField
            label={d.service}
            value={serviceId}
            onValue={(v) => {
              setServiceId(v);
              setSlot(null);
            }}
            options={active.map((s) => ({ value: s.id, label: localized(s.names, lang.value) }))}
          />
          <SelectField
            label={d.specialist}
            value={staffId}
            onValue={(v) => {
              setStaffId(v);
              setSlot(null);
            }}
            options={[{ value: '', label: d.anyone }, ...performers.map((s) => ({ value: s.id, label: s.name }))]}
          />
        </div>
        <SlotPicker key={`${serviceId}|${staffId}`} serviceId={serviceId} staffId={staffId || undefined} initialDate={props.date} submitLabel="" busy={false} staffNames={names} onPick={setSlot} onChoose={setSlot} preselect={props.start} seekFree={props.start === null} />
        {missing.includes('slot') && <p class="field-error">{d.pickSlot}</p>}
        <div class="grid2">
          <TextField label={d.clientName} autocomplete="off" required value={name} onValue={setName} errors={missing.includes('name') ? [t.value.app.required] : fieldErr('customer.name')} />
          <TextField label={d.phone} type="tel" value={phone} onValue={setPhone} errors={fieldErr('customer.phone')} />
          <TextField label={t.value.auth.email} type="email" value={email} onValue={setEmail} errors={fieldErr('customer.email')} />
          <TextField label={d.note} value={note} onValue={setNote} />
        </div>
        <SelectField label={t.value.app.language} value={clientLang} onValue={setClientLang} options={business.languages.map((l) => ({ value: l, label: LANG_NAMES[l] ?? l }))} />
        {action.error && <ErrorBox error={action.error} text={notFreeText(d, action.error.reason)} />}
        <div class="actions">
          <Submit busy={action.busy}>{d.create}</Submit>
          <button type="button" class="secondary" onClick={props.onCancel}>
            {t.value.app.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
