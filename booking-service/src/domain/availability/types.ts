/**
 * The availability engine's inputs and outputs. Times of day are local to a staff member's zone;
 * instants are epoch milliseconds.
 */
import type { IsoWeekday, LocalDate } from '@frontdesk/shared';

/** ISO weekday, Monday = 1. */
export type Weekday = IsoWeekday;

/** Local clock readings 'HH:MM', half-open [start, end); end may be '24:00' and must be after start. */
export interface TimeRange {
  start: string;
  end: string;
}

/** Regular hours per weekday; a missing or empty day is a day off. Several ranges a day are fine. */
export type WeeklyHours = Partial<Record<Weekday, TimeRange[]>>;

/**
 * A change to one calendar date. 'off' without intervals (or with none) takes the whole day off;
 * 'off' with intervals removes those local ranges from the weekly hours. 'extra' adds ranges.
 * Removals apply to the weekly hours and additions come after, so on one date
 * 'off' (whole day) + 'extra' 10:00–12:00 means "only 10:00–12:00", whatever the order given.
 */
export interface DateException {
  date: LocalDate;
  kind: 'off' | 'extra';
  intervals?: TimeRange[];
}

/** Epoch ms, half-open [start, end). Already includes the buffers of existing bookings and holds. */
export interface BusyInterval {
  start: number;
  end: number;
}

export interface StaffAvailabilityInput {
  staffId: string;
  /** IANA zone the weekly hours and exceptions are read in. */
  timeZone: string;
  weekly: WeeklyHours;
  exceptions: DateException[];
  /** Any order; may overlap. */
  busy: BusyInterval[];
}

/** All whole minutes except horizonDays (whole days of 24 h). */
export interface SlotRules {
  durationMin: number;
  /** Free time needed before the appointment (travel, preparation); may fall outside working hours. */
  bufferBeforeMin: number;
  /** Free time needed after the appointment (cleanup); may fall outside working hours. */
  bufferAfterMin: number;
  /** Distance between offered starts, counted in real minutes from the start of each working range. */
  stepMin: number;
  /** Earliest start is now + minNoticeMin. */
  minNoticeMin: number;
  /** Latest start is now + horizonDays × 24 h. */
  horizonDays: number;
}

/** Business-local calendar days [from 00:00, from + days 00:00) in timeZone; slots start inside it. */
export interface SlotWindow {
  from: LocalDate;
  days: number;
  timeZone: string;
}

/** end = start + duration. staffIds: every free staff member, in input order. */
export interface Slot {
  start: number;
  end: number;
  staffIds: string[];
}
