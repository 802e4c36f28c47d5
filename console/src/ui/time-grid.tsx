/**
 * The calendar's time grid: one column per staff member (a day) or per day (one person's week),
 * hours down the side, bookings placed by time, Google busy blocks shaded, the current time
 * marked. A booking is dragged to another time or column to move it (pointer events, snapped
 * to 15 minutes); a click on an empty hour books a phone client there. Hand-made rather than a
 * calendar library: see console/README.md ("Calendar").
 *
 * Positions are set through the CSSOM (`style` objects), which the console's CSP allows; no
 * inline style attribute is ever written.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CalendarBooking, CalendarData } from '../api/contract.js';
import { fmt, locale, t } from '../i18n/index.js';
import { formatTime } from '../lib/format.js';
import { dayOff, freeStretches, minuteAt, offHours, place, type Closure, type Range } from '../lib/time-grid.js';
import { utcToZoned, zonedToUtc, type LocalDate, type WeeklyHours } from '@frontdesk/shared';

/** Pixels per minute: an hour is 72 px, a 30-minute booking has room for two lines. */
const PX = 1.2;
/** Minutes that make a 30 px target (WCAG 2.2 asks for 24): the shortest booking block and empty-time button. */
const MIN_TARGET_MIN = 25;

export interface GridColumn {
  key: string;
  day: LocalDate;
  staffId: string;
  title: string;
}

type Busy = CalendarData['busy'][number];

interface Props {
  columns: GridColumn[];
  range: Range;
  tz: string;
  bookings: CalendarBooking[];
  busy: Busy[];
  staffName: (id: string) => string;
  /** The business's opening hours and each person's weekly hours: the time outside them is shaded. */
  opening: WeeklyHours;
  staffHours: (id: string) => WeeklyHours | undefined;
  /** Days the business is closed: shaded whole, and said in the column's header. */
  closures: readonly Closure[];
  statusLabel: (status: string) => string;
  selected: string | null;
  now: number;
  onSelect: (id: string) => void;
  onMove: (booking: CalendarBooking, column: GridColumn, minute: number) => void;
  onCreate: (column: GridColumn, minute: number) => void;
}

/** Minutes of `day` an instant range covers, or null when it lies on another day. */
function minutesOn(day: LocalDate, startIso: string, endIso: string, tz: string): { start: number; end: number } | null {
  const s = utcToZoned(Date.parse(startIso), tz);
  const e = utcToZoned(Date.parse(endIso), tz);
  if (s.date > day || e.date < day || (e.date === day && e.minuteOfDay === 0 && s.date < day)) return null;
  return { start: s.date < day ? 0 : s.minuteOfDay, end: e.date > day ? 1440 : e.minuteOfDay };
}

interface Drag {
  booking: CalendarBooking;
  pointerId: number;
  x: number;
  y: number;
  /** Minutes between the booking's start and the point it was grabbed at. */
  grab: number;
  duration: number;
  moved: boolean;
}

export function TimeGrid(props: Props) {
  const d = t.value.calendar;
  const { range, tz, columns } = props;
  const cols = useRef<Array<HTMLDivElement | null>>([]);
  const drag = useRef<Drag | null>(null);
  const [ghost, setGhost] = useState<{ col: number; minute: number; duration: number; id: string } | null>(null);
  const suppressClick = useRef(false);
  const height = (range.end - range.start) * PX;
  const hours = Array.from({ length: (range.end - range.start) / 60 }, (_, i) => range.start + i * 60);
  const label = (day: LocalDate, minute: number) => formatTime(new Date(zonedToUtc(day, minute, tz)).toISOString(), tz, locale.value);

  const target = (clientX: number, clientY: number, grab: number) => {
    const i = cols.current.findIndex((el) => {
      const r = el?.getBoundingClientRect();
      return r !== undefined && clientX >= r.left && clientX < r.right;
    });
    const el = cols.current[i];
    if (i < 0 || !el) return null;
    const top = el.getBoundingClientRect().top;
    return { col: i, minute: minuteAt(clientY - top - grab * PX, PX, range) };
  };

  const onPointerDown = (e: PointerEvent, b: CalendarBooking, startMinute: number, col: number) => {
    if (b.status !== 'confirmed' || e.button !== 0) return;
    const el = cols.current[col];
    if (!el) return;
    const grab = Math.max(0, (e.clientY - el.getBoundingClientRect().top) / PX + range.start - startMinute);
    drag.current = { booking: b, pointerId: e.pointerId, x: e.clientX, y: e.clientY, grab, duration: (Date.parse(b.endsAt) - Date.parse(b.startsAt)) / 60_000, moved: false };
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const g = drag.current;
    if (!g || g.pointerId !== e.pointerId) return;
    if (!g.moved && Math.hypot(e.clientX - g.x, e.clientY - g.y) < 5) return;
    g.moved = true;
    const to = target(e.clientX, e.clientY, g.grab);
    setGhost(to ? { ...to, duration: g.duration, id: g.booking.id } : null);
  };
  const onPointerUp = (e: PointerEvent) => {
    const g = drag.current;
    drag.current = null;
    if (!g || !g.moved) return;
    suppressClick.current = true;
    const to = target(e.clientX, e.clientY, g.grab);
    setGhost(null);
    const column = to ? columns[to.col] : undefined;
    if (!to || !column) return;
    const was = utcToZoned(Date.parse(g.booking.startsAt), tz);
    if (column.day === was.date && column.staffId === g.booking.staffId && to.minute === was.minuteOfDay) return;
    props.onMove(g.booking, column, to.minute);
  };
  const cancelDrag = () => {
    drag.current = null;
    setGhost(null);
  };
  useEffect(() => {
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && cancelDrag();
    addEventListener('keydown', esc);
    return () => removeEventListener('keydown', esc);
  }, []);

  const nowZ = utcToZoned(props.now, tz);
  return (
    <div class="time-grid" style={{ gridTemplateColumns: `4.5rem repeat(${columns.length}, minmax(9rem, 1fr))` }}>
      <div class="tg-corner" />
      {columns.map((c) => {
        const off = dayOff(c.day, props.opening, props.staffHours(c.staffId), props.closures);
        return (
          // The column's name is its title alone ("Sam"); why the day is off is said beside it.
          <h2 key={c.key} class={`tg-head${c.day === nowZ.date ? ' today' : ''}${off ? ' off' : ''}`}>
            <span id={`col-${c.key}`}>{c.title}</span>
            {off && <span class="tg-off-why">{off.kind === 'off' ? d.dayOff : off.note ? fmt(d.closedFor, { note: off.note }) : d.closed}</span>}
          </h2>
        );
      })}
      <div class="tg-hours" style={{ height: `${height}px` }} aria-hidden="true">
        {hours.map((m) => (
          <span key={m} style={{ top: `${(m - range.start) * PX}px` }}>
            {label(columns[0]?.day ?? nowZ.date, m)}
          </span>
        ))}
      </div>
      {columns.map((c, ci) => {
        const mine = props.bookings.flatMap((b) => {
          const m = b.staffId === c.staffId ? minutesOn(c.day, b.startsAt, b.endsAt, tz) : null;
          return m ? [{ ...m, item: b }] : [];
        });
        const busy = props.busy.flatMap((b) => {
          const m = b.staffId === c.staffId ? minutesOn(c.day, b.startsAt, b.endsAt, tz) : null;
          return m ? [{ ...m, b }] : [];
        });
        const placed = place(mine, range);
        // What a booking covers on screen: at least its minimum height (styles.css, .tg-booking).
        const drawn = mine.map((x) => ({ start: x.start, end: Math.max(x.end, x.start + MIN_TARGET_MIN) }));
        const showNow = c.day === nowZ.date && nowZ.minuteOfDay >= range.start && nowZ.minuteOfDay < range.end;
        return (
          <div
            key={c.key}
            class="tg-col"
            role="group"
            aria-labelledby={`col-${c.key}`}
            ref={(el) => {
              cols.current[ci] = el;
            }}
            style={{ height: `${height}px` }}
          >
            {hours.flatMap((m) =>
              // Only what bookings leave free is a button: no target hidden under a booking.
              freeStretches(m, drawn, MIN_TARGET_MIN).map((f) => (
                <button
                  key={f.start}
                  type="button"
                  class={`tg-cell${f.start > m ? ' part' : ''}`}
                  style={{ top: `${(f.start - range.start) * PX}px`, height: `${(f.end - f.start) * PX}px` }}
                  aria-label={fmt(d.bookAt, { time: label(c.day, f.start), column: c.title })}
                  onClick={(e) => {
                    // The quarter hour clicked within this stretch (keyboard: its start).
                    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
                    const within = e.detail > 0 ? minuteAt(e.clientY - r.top, PX, f) : f.start;
                    props.onCreate(c, within);
                  }}
                />
              )),
            )}
            {offHours(c.day, range, props.opening, props.staffHours(c.staffId), props.closures).map((o) => (
              <div key={`off-${o.start}`} class="tg-off" aria-hidden="true" style={{ top: `${(o.start - range.start) * PX}px`, height: `${(o.end - o.start) * PX}px` }} />
            ))}
            {busy.map(({ start, end, b }) => (
              <div key={`busy-${b.startsAt}`} class="tg-busy" style={{ top: `${(Math.max(start, range.start) - range.start) * PX}px`, height: `${Math.max(Math.min(end, range.end) - Math.max(start, range.start), 10) * PX}px` }}>
                <span>
                  {formatTime(b.startsAt, tz, locale.value)}–{formatTime(b.endsAt, tz, locale.value)} {d.busy}
                </span>
              </div>
            ))}
            {placed.map((p) => {
              const b = p.item;
              const startMinute = utcToZoned(Date.parse(b.startsAt), tz).minuteOfDay;
              return (
                <button
                  key={b.id}
                  type="button"
                  // One line per fact, as many as the block holds: under 45 minutes, time and what only.
                  class={`tg-booking status-${b.status}${p.height < 45 ? ' short' : ''}${ghost?.id === b.id ? ' dragging' : ''}`}
                  data-booking={b.id}
                  aria-pressed={props.selected === b.id}
                  style={{ top: `${p.top * PX}px`, height: `${p.height * PX}px`, left: `${(p.lane / p.lanes) * 100}%`, width: `${100 / p.lanes}%` }}
                  onPointerDown={(e) => onPointerDown(e, b, startMinute, ci)}
                  onPointerMove={onPointerMove}
                  onPointerUp={onPointerUp}
                  onPointerCancel={cancelDrag}
                  onClick={() => {
                    if (suppressClick.current) {
                      suppressClick.current = false;
                      return;
                    }
                    props.onSelect(b.id);
                  }}
                >
                  <span class="time">
                    {formatTime(b.startsAt, tz, locale.value)}–{formatTime(b.endsAt, tz, locale.value)}
                  </span>{' '}
                  <span class="what">
                    {b.serviceName} · {b.customer.name}
                  </span>{' '}
                  <span class="muted">
                    {props.staffName(b.staffId)} ·{' '}
                    {/* Issue 17: an upcoming booking says whether the client confirmed, in words (not only a
                        colour), where its status would only repeat "confirmed"; on the block's third line,
                        which a 45-minute block still shows. */}
                    {b.status === 'confirmed' ? (
                      <span class={`confirm confirm-${b.confirmation}`} data-confirmation={b.confirmation} title={t.value.calendar.confirmation[b.confirmation]}>
                        {t.value.calendar.confirmationShort[b.confirmation]}
                      </span>
                    ) : (
                      props.statusLabel(b.status)
                    )}
                  </span>
                </button>
              );
            })}
            {ghost && ghost.col === ci && (
              <div class="tg-ghost" aria-hidden="true" style={{ top: `${(ghost.minute - range.start) * PX}px`, height: `${ghost.duration * PX}px` }}>
                {label(c.day, ghost.minute)}
              </div>
            )}
            {showNow && <div class="tg-now" role="presentation" title={d.now} style={{ top: `${(nowZ.minuteOfDay - range.start) * PX}px` }} />}
          </div>
        );
      })}
    </div>
  );
}
