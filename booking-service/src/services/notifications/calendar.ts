/**
 * The calendar file for a booking (RFC 5545 + iTIP RFC 5546), built with ical-generator.
 * - One UID per booking for its whole life, so calendars update the event instead of adding one.
 * - SEQUENCE = booking version (bumped on every reschedule); a cancellation is one step later,
 *   since iTIP requires a CANCEL to carry a higher sequence than the request it cancels.
 * - Times are written in UTC: exact across DST changes and needs no VTIMEZONE block, which
 *   ical-generator cannot produce without a zone database; calendars show them in local time.
 */
import ical, { ICalAlarmType, ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface CalendarFacts {
  bookingId: string;
  version: number;
  cancelled: boolean;
  start: Date;
  end: Date;
  /** When the booking last changed: DTSTAMP, so a retried send produces the same file. */
  stamp: Date;
  summary: string;
  businessName: string;
  address: string;
  organizerEmail: string;
  attendee: { name: string; email: string } | null;
  /** Description text, already in the visitor's language; the manage link is appended. */
  description: string;
  manageUrl: string | null;
  /** Minutes before the start for the calendar's own alarm. */
  alarmMin: number;
}

export const bookingUid = (bookingId: string) => `${bookingId}@frontdesk`;

/**
 * A name for a quoted parameter value (CN="…"). RFC 5545 parameter values have no escapes: a
 * DQUOTE ends the value, so ical-generator's `\"` let a customer named `Eve";ROLE=CHAIR;X="`
 * add parameters of their own (issue 12, defect 5). RFC 6868 spells `"` as `^'`, `^` as `^^` and
 * a newline as `^n`; other controls and the backslash (which the generator doubles, as if params
 * had escapes) are dropped. ical.js and RFC 6868-aware calendars read the name back unchanged.
 */
export function paramText(value: string): string {
  return value
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f\\]/g, '')
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r?\n/g, '^n');
}

/** ical-generator writes the calendar's NAME / X-WR-CALNAME unescaped: one line, no controls. */
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, ' ');

export function buildCalendar(f: CalendarFacts): string {
  const cal = ical({
    name: oneLine(f.businessName),
    prodId: { company: 'Frontdesk', product: 'booking', language: 'EN' },
    method: f.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  cal.createEvent({
    id: bookingUid(f.bookingId),
    sequence: f.cancelled ? f.version + 1 : f.version,
    stamp: f.stamp,
    start: f.start,
    end: f.end,
    summary: f.summary,
    location: f.address,
    description: f.manageUrl ? `${f.description}\n\n${f.manageUrl}` : f.description,
    ...(f.manageUrl ? { url: f.manageUrl } : {}),
    status: f.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: paramText(f.businessName), email: f.organizerEmail },
    attendees: f.attendee
      ? [
          {
            name: paramText(f.attendee.name),
            email: f.attendee.email,
            role: ICalAttendeeRole.REQ,
            status: f.cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
          },
        ]
      : [],
    alarms: f.cancelled ? [] : [{ type: ICalAlarmType.display, trigger: f.alarmMin * 60, description: f.summary }],
  });
  return cal.toString();
}

/**
 * ORGANIZER: the business's notification address, else a no-reply address on this service's
 * host. The same for the e-mailed files and the downloaded one, so calendars match updates.
 */
export function organizerEmailFor(publicUrl: string, notifyEmail: string | null): string {
  if (notifyEmail) return notifyEmail;
  let host = 'localhost';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // keep the default
  }
  return `no-reply@${host.replace(/^\[|\]$/g, '')}`;
}
