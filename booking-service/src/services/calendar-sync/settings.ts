/**
 * The console's calendar settings for one staff member: what they show (whether the integration
 * is on and whether it is the demo emulator, the connection and its calendars, the feed URL) and
 * what they change (connect, the calendar choice — checked against the calendars Google lists —
 * and disconnect).
 */
import { classifyGoogleError } from '../../adapters/google/calendar-client.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';
import { eq } from 'drizzle-orm';
import { googleConnections } from '../../adapters/db/schema.js';
import { connectLink, consentUrl, disconnect, listCalendars, loadConnection, markBroken, setCalendars } from './connection.js';
import type { GoogleRuntime } from './deps.js';
import { loadFeedUrl } from './ics-feed.js';

export interface CalendarEntry {
  id: string;
  summary: string;
  primary: boolean;
}

export interface GoogleStatus {
  configured: boolean;
  /** The endpoints are the demo emulator, not Google. */
  demo: boolean;
  /** Demo only: the demo calendar's page, where busy events can be added and bookings seen. */
  demoCalendarUrl: string | null;
  connection: null | {
    status: 'ok' | 'broken';
    brokenReason: string | null;
    busyCalendarIds: string[];
    bookingCalendarId: string;
    calendars: CalendarEntry[];
  };
  feedUrl: string | null;
}

export async function googleStatus(deps: Deps, google: GoogleRuntime | undefined, staffId: string): Promise<GoogleStatus> {
  const conn = await loadConnection(deps.db, staffId);
  const feedUrl = await loadFeedUrl(deps, staffId);
  const base = { configured: google !== undefined, demo: google?.demo === true, demoCalendarUrl: google?.demoCalendarUrl ?? null, feedUrl };
  if (!conn) return { ...base, connection: null };
  const known = [...new Set([...conn.busyCalendarIds, conn.bookingCalendarId])];
  let calendars: CalendarEntry[] = known.map((id) => ({ id, summary: id, primary: id === 'primary' }));
  if (google && conn.status === 'ok') {
    const listed = await calendarsOf(deps, google, staffId);
    // Google slow or down: the chosen ids still show (unnamed) rather than failing the page.
    if (listed.ok) calendars = listed.value;
  }
  const after = conn.status === 'ok' ? await loadConnection(deps.db, staffId) : conn;
  if (!after) return { ...base, connection: null };
  return {
    ...base,
    connection: {
      status: after.status,
      brokenReason: after.brokenReason,
      busyCalendarIds: after.busyCalendarIds,
      bookingCalendarId: after.bookingCalendarId,
      calendars,
    },
  };
}

const INTERACTIVE_TIMEOUT_MS = 5_000;

/** The staff member's calendars from Google; a revoked grant marks the connection broken here too. */
async function calendarsOf(deps: Deps, google: GoogleRuntime, staffId: string): Promise<Result<CalendarEntry[]>> {
  // Someone is waiting on the page: a few seconds, not a job's whole timeout.
  const interactive: GoogleRuntime = { ...google, endpoints: { ...google.endpoints, timeoutMs: Math.min(google.endpoints.timeoutMs, INTERACTIVE_TIMEOUT_MS) } };
  try {
    const list = await listCalendars({ ...deps, google: interactive }, staffId);
    return ok(list.map((c) => ({ id: c.id, summary: c.name, primary: c.primary })));
  } catch (err) {
    const kind = classifyGoogleError(err);
    if (kind === 'invalid_grant') await deps.db.transaction((tx) => markBroken(tx, staffId, 'invalid_grant', deps.clock.now()));
    return kind === 'invalid_grant'
      ? fail('GOOGLE_NOT_CONNECTED', 'Google Calendar access was revoked; connect again')
      : fail('GOOGLE_UNAVAILABLE', 'Google did not list the calendars; try again');
  }
}

/** Busy calendars and the booking calendar, each one the staff member's Google actually lists. */
export async function chooseCalendars(
  deps: Deps,
  google: GoogleRuntime,
  staffId: string,
  choice: { busyCalendarIds: string[]; bookingCalendarId: string },
): Promise<Result<null>> {
  const conn = await loadConnection(deps.db, staffId);
  if (!conn || conn.status !== 'ok') return fail('GOOGLE_NOT_CONNECTED', 'Google Calendar is not connected (or needs connecting again)');
  const listed = await calendarsOf(deps, google, staffId);
  if (!listed.ok) return listed;
  const ids = new Set(listed.value.map((c) => c.id));
  const unknownBusy = choice.busyCalendarIds.findIndex((id) => !ids.has(id));
  if (unknownBusy >= 0) {
    return fail('INVALID_INPUT', `busyCalendarIds.${unknownBusy}: not one of your calendars`, { fields: [{ path: `busyCalendarIds.${unknownBusy}`, message: 'not one of your calendars' }] });
  }
  if (!ids.has(choice.bookingCalendarId)) {
    return fail('INVALID_INPUT', 'bookingCalendarId: not one of your calendars', { fields: [{ path: 'bookingCalendarId', message: 'not one of your calendars' }] });
  }
  return setCalendars({ ...deps, google }, staffId, { busy: choice.busyCalendarIds, booking: choice.bookingCalendarId });
}

/** Where the console sends the browser to connect: the consent page, then back to the console. */
export async function connectUrl(deps: Deps, google: GoogleRuntime | undefined, staffId: string): Promise<Result<string>> {
  if (!google) return fail('GOOGLE_NOT_CONFIGURED', 'Google Calendar is not configured on this server (GOOGLE_CLIENT_ID)');
  return ok(await consentUrl({ ...deps, google }, staffId, 'console'));
}

/** A link the owner sends a staff member who has no console account (consent page → our result page). */
export function staffConnectLink(deps: Deps, google: GoogleRuntime | undefined, staffId: string): Result<string> {
  if (!google) return fail('GOOGLE_NOT_CONFIGURED', 'Google Calendar is not configured on this server (GOOGLE_CLIENT_ID)');
  return ok(connectLink({ ...deps, google }, staffId));
}

/**
 * Push channels stopped, the connection, its sync state and busy rows deleted; bookings stay.
 * Without the integration configured (e.g. turned off since) the rows are deleted all the same.
 */
export async function disconnectStaff(deps: Deps, google: GoogleRuntime | undefined, staffId: string): Promise<void> {
  if (google) await disconnect({ ...deps, google }, staffId);
  else await deps.db.delete(googleConnections).where(eq(googleConnections.staffId, staffId));
}
