/**
 * Staff calendar: a day or a week of bookings (and Google busy blocks in grey) in the
 * business's time zone, filtered by staff member; a booking opens a panel to mark
 * attendance, cancel or reschedule; a form books a phone client into a free slot.
 */
import { useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { CalendarBooking, CalendarData, Service } from '../api/contract.js';
import { route } from '../app/router.js';
import { me } from '../app/session.js';
import { labelOf, lang, LANG_NAMES, locale, t } from '../i18n/index.js';
import { formatDay, formatTime } from '../lib/format.js';
import { addDays, mondayOf, utcToZoned, zonedToUtc, type Lang } from '@frontdesk/shared';
import { ErrorBox, Field, Loading, Notice, Page, SelectField, Submit, TextField } from '../ui/common.js';
import { useAction, useResource } from '../ui/resource.js';

type View = 'day' | 'week';

const localized = (names: Service['names'], l: Lang) => names[l] ?? names.en ?? names.ru ?? names.hy ?? '';

export function CalendarPage() {
  const d = t.value.calendar;
  const tz = me.value!.business.timeZone;
  // #/calendar?date=2026-11-24&view=day opens a given day (links, tests); else today.
  const q = route.value.query;
  const [view, setView] = useState<View>(() => (q.get('view') === 'day' || q.get('view') === 'week' ? (q.get('view') as View) : matchMedia('(max-width: 640px)').matches ? 'day' : 'week'));
  const [date, setDate] = useState(() => (/^\d{4}-\d{2}-\d{2}$/.test(q.get('date') ?? '') ? q.get('date')! : utcToZoned(Date.now(), tz).date));
  // Staff start on their own bookings (the filter shows everyone's on request).
  const [staffId, setStaffId] = useState(() => (me.value!.user.role === 'staff' ? (me.value!.user.staffId ?? '') : ''));
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const first = view === 'day' ? date : mondayOf(date);
  const days = view === 'day' ? [first] : Array.from({ length: 7 }, (_, i) => addDays(first, i));
  const from = new Date(zonedToUtc(first, 0, tz)).toISOString();
  const to = new Date(zonedToUtc(addDays(first, days.length), 0, tz)).toISOString();
  const cal = useResource(() => api.calendar.list({ from, to, ...(staffId ? { staffId } : {}) }), [from, to, staffId]);
  const services = useResource(() => api.services.list(), []);

  const step = view === 'day' ? 1 : 7;
  const booking = cal.data?.bookings.find((b) => b.id === selected);

  return (
    <Page
      title={d.title}
      actions={
        <button type="button" class="primary" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          {d.newBooking}
        </button>
      }
    >
      <div class="toolbar" role="group" aria-label={d.view}>
        <div class="segmented" role="group" aria-label={d.view}>
          {(['day', 'week'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {v === 'day' ? d.day : d.week}
            </button>
          ))}
        </div>
        <button type="button" class="secondary" onClick={() => setDate(addDays(date, -step))}>
          ‹ {d.prev}
        </button>
        <button type="button" class="secondary" onClick={() => setDate(utcToZoned(Date.now(), tz).date)}>
          {d.today}
        </button>
        <button type="button" class="secondary" onClick={() => setDate(addDays(date, step))}>
          {d.next} ›
        </button>
        <Field label={d.date} class="inline">
          {({ id }) => <input id={id} type="date" value={date} onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} />}
        </Field>
        <SelectField
          class="inline"
          label={d.staffFilter}
          value={staffId}
          onValue={setStaffId}
          options={[{ value: '', label: d.allStaff }, ...(cal.data?.staff ?? []).map((s) => ({ value: s.id, label: s.name }))]}
        />
      </div>

      {creating && (
        <PhoneBooking
          services={services.data ?? []}
          staff={cal.data?.staff ?? []}
          date={date}
          onDone={() => {
            setCreating(false);
            cal.reload();
          }}
          onCancel={() => setCreating(false)}
        />
      )}

      {booking && cal.data && (
        <BookingPanel
          booking={booking}
          staffName={cal.data.staff.find((s) => s.id === booking.staffId)?.name ?? ''}
          onChanged={() => cal.reload()}
          onClose={() => setSelected(null)}
        />
      )}

      {cal.error ? (
        <ErrorBox error={cal.error} retry={cal.reload} />
      ) : !cal.data ? (
        <Loading />
      ) : (
        <div class={`calendar ${view === 'day' && !staffId ? 'by-staff' : view}`} aria-busy={cal.loading || undefined}>
          {view === 'day' && !staffId
            ? // One column per staff member: the day as the front desk runs it.
              cal.data.staff.map((s) => <DayColumn key={s.id} day={first} data={cal.data!} tz={tz} staff={s} selected={selected} onSelect={setSelected} />)
            : days.map((day) => <DayColumn key={day} day={day} data={cal.data!} tz={tz} selected={selected} onSelect={setSelected} />)}
        </div>
      )}
    </Page>
  );
}

function DayColumn(props: {
  day: string;
  data: CalendarData;
  tz: string;
  /** Only this staff member's bookings, titled with their name. */
  staff?: { id: string; name: string };
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const d = t.value.calendar;
  const { day, data, tz } = props;
  const staffName = (id: string) => data.staff.find((s) => s.id === id)?.name ?? '';
  const onDay = (iso: string, staffId: string) => utcToZoned(Date.parse(iso), tz).date === day && (!props.staff || props.staff.id === staffId);
  const entries = [
    ...data.bookings.filter((b) => onDay(b.startsAt, b.staffId)).map((b) => ({ kind: 'booking' as const, at: b.startsAt, b })),
    ...data.busy.filter((b) => onDay(b.startsAt, b.staffId)).map((b) => ({ kind: 'busy' as const, at: b.startsAt, b })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const headingId = `day-${day}-${props.staff?.id ?? 'all'}`;
  return (
    <section class="day" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.staff ? `${props.staff.name} · ${formatDay(day, locale.value)}` : formatDay(day, locale.value)}</h2>
      {entries.length === 0 ? (
        <p class="muted">{d.empty}</p>
      ) : (
        <ul class="entries">
          {entries.map((e) =>
            e.kind === 'busy' ? (
              <li key={`busy-${e.b.staffId}-${e.at}`} class="entry busy">
                <span class="time">
                  {formatTime(e.b.startsAt, tz, locale.value)}–{formatTime(e.b.endsAt, tz, locale.value)}
                </span>
                <span>{d.busy}</span>
                <span class="muted">{staffName(e.b.staffId)}</span>
              </li>
            ) : (
              <li key={e.b.id} class={`entry booking status-${e.b.status}`}>
                <button type="button" aria-pressed={props.selected === e.b.id} onClick={() => props.onSelect(e.b.id)}>
                  <span class="time">
                    {formatTime(e.b.startsAt, tz, locale.value)}–{formatTime(e.b.endsAt, tz, locale.value)}
                  </span>
                  <span class="what">
                    {e.b.serviceName} · {e.b.customer.name}
                  </span>
                  <span class="muted">
                    {staffName(e.b.staffId)} · {statusLabel(e.b.status)}
                  </span>
                </button>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
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
  const act = async (fn: () => Promise<unknown>) => {
    const r = await action.run(fn);
    if (r !== undefined) {
      setMode('none');
      props.onChanged();
    }
  };
  const active = b.status === 'confirmed';
  return (
    <section class="panel booking-panel" aria-labelledby="booking-title">
      <div class="panel-head">
        <h2 id="booking-title">
          {d.details}: {b.customer.name}
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
        <dt>{d.phone}</dt>
        <dd>{b.customer.phone ? <a href={`tel:${b.customer.phone}`}>{b.customer.phone}</a> : '—'}</dd>
        <dt>{t.value.auth.email}</dt>
        <dd>{b.customer.email ? <a href={`mailto:${b.customer.email}`}>{b.customer.email}</a> : '—'}</dd>
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
        {(active || b.status === 'attended' || b.status === 'no_show') && (
          <>
            <button type="button" class="secondary" disabled={action.busy || b.status === 'attended'} onClick={() => void act(() => api.bookings.markAttendance({ bookingId: b.id, status: 'attended' }))}>
              {d.attended}
            </button>
            <button type="button" class="secondary" disabled={action.busy || b.status === 'no_show'} onClick={() => void act(() => api.bookings.markAttendance({ bookingId: b.id, status: 'no_show' }))}>
              {d.noShow}
            </button>
          </>
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
      {action.error && <ErrorBox error={action.error} text={action.error.reason === 'SLOT_TAKEN' ? d.slotTaken : undefined} />}
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
}) {
  const d = t.value.calendar;
  const tz = me.value!.business.timeZone;
  const [date, setDate] = useState(props.initialDate);
  const [chosen, setChosen] = useState<string | null>(null);
  const slots = useResource(
    () => (props.serviceId ? api.bookings.slots({ serviceId: props.serviceId, date, ...(props.staffId ? { staffId: props.staffId } : {}) }) : Promise.resolve({ slots: [] })),
    [props.serviceId, props.staffId, date],
  );
  const list = slots.data?.slots ?? [];
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

function PhoneBooking(props: { services: Service[]; staff: { id: string; name: string }[]; date: string; onDone: () => void; onCancel: () => void }) {
  const d = t.value.calendar;
  const business = me.value!.business;
  const active = props.services.filter((s) => s.active);
  const [serviceId, setServiceId] = useState(active[0]?.id ?? '');
  // Staff start on their own bookings (the filter shows everyone's on request).
  const [staffId, setStaffId] = useState(() => (me.value!.user.role === 'staff' ? (me.value!.user.staffId ?? '') : ''));
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

  return (
    <section class="panel" aria-labelledby="new-booking-title">
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
        <SlotPicker key={`${serviceId}|${staffId}`} serviceId={serviceId} staffId={staffId || undefined} initialDate={props.date} submitLabel="" busy={false} staffNames={names} onPick={setSlot} onChoose={setSlot} />
        {missing.includes('slot') && <p class="field-error">{d.pickSlot}</p>}
        <div class="grid2">
          <TextField label={d.clientName} autocomplete="off" required value={name} onValue={setName} errors={missing.includes('name') ? [t.value.app.required] : fieldErr('customer.name')} />
          <TextField label={d.phone} type="tel" value={phone} onValue={setPhone} errors={fieldErr('customer.phone')} />
          <TextField label={t.value.auth.email} type="email" value={email} onValue={setEmail} errors={fieldErr('customer.email')} />
          <TextField label={d.note} value={note} onValue={setNote} />
        </div>
        <SelectField label={t.value.app.language} value={clientLang} onValue={setClientLang} options={business.languages.map((l) => ({ value: l, label: LANG_NAMES[l] ?? l }))} />
        {action.error && <ErrorBox error={action.error} text={action.error.reason === 'SLOT_TAKEN' ? d.slotTaken : undefined} />}
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
