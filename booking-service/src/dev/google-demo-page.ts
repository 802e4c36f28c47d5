/**
 * The demo calendar's own page (the emulator in demo mode only, at its root): what is in the
 * demo calendar, and a form to add a busy event — the demo's stand-in for Google Calendar's UI,
 * so "my own events make those times unavailable" can be tried. `GET /demo/events.json` lists
 * the same events for scripts and the e2e journey. Loopback only, no sign-in: it is a demo.
 */
import type { ServerResponse } from 'node:http';
import { escapeHtml, wallClockToUtc } from '@frontdesk/shared';
import type { EmulatedEvent } from './google-emulator.js';

interface CalendarAccess {
  events(calendarId: string): EmulatedEvent[];
  insertEvent(calendarId: string, event: Partial<EmulatedEvent> & Pick<EmulatedEvent, 'start' | 'end'>): EmulatedEvent;
  deleteEvent(calendarId: string, eventId: string): void;
}

/** The demo businesses' zones, first; a typed wall-clock time is read in the chosen one. */
const ZONES = ['Europe/Moscow', 'Asia/Yerevan', 'America/New_York', 'UTC'];


/** Answers the demo page's routes; false when the path is not one of them. */
export function demoPage(cal: CalendarAccess, method: string, url: URL, body: string, res: ServerResponse): boolean {
  if (url.pathname === '/demo/events.json' && method === 'GET') {
    const calendarId = url.searchParams.get('calendarId') ?? 'primary';
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify({ items: cal.events(calendarId) }));
    return true;
  }
  if (url.pathname === '/demo/events' && method === 'POST') {
    const form = new URLSearchParams(body);
    const zone = ZONES.includes(form.get('zone') ?? '') ? form.get('zone')! : 'UTC';
    const wall = Date.parse(`${form.get('start') ?? ''}:00Z`);
    const minutes = Number(form.get('minutes'));
    if (Number.isNaN(wall) || !Number.isInteger(minutes) || minutes < 5 || minutes > 24 * 60) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('start (YYYY-MM-DDTHH:MM) and minutes (5–1440) are required');
      return true;
    }
    const start = wallClockToUtc(wall, zone);
    cal.insertEvent('primary', {
      summary: (form.get('summary') ?? '').trim().slice(0, 200) || 'Busy',
      start: { dateTime: new Date(start).toISOString(), timeZone: zone },
      end: { dateTime: new Date(start + minutes * 60_000).toISOString(), timeZone: zone },
    });
    res.writeHead(303, { location: '/' }).end();
    return true;
  }
  if (url.pathname === '/demo/events/delete' && method === 'POST') {
    const id = new URLSearchParams(body).get('id') ?? '';
    if (cal.events('primary').some((e) => e.id === id)) cal.deleteEvent('primary', id);
    res.writeHead(303, { location: '/' }).end();
    return true;
  }
  if (url.pathname === '/' && method === 'GET') {
    const rows = cal
      .events('primary')
      .sort((a, b) => String(a.start.dateTime ?? a.start.date).localeCompare(String(b.start.dateTime ?? b.start.date)))
      .map((e) => {
        const own = e.extendedProperties?.private?.frontdeskBookingId ? ' (Frontdesk booking)' : '';
        const when = `${e.start.dateTime ?? e.start.date} – ${e.end.dateTime ?? e.end.date}`;
        return `<li>${escapeHtml(e.summary ?? '(no title)')}${own} <small>${escapeHtml(when)}</small> <form method="post" action="/demo/events/delete"><input type="hidden" name="id" value="${escapeHtml(e.id)}"><button aria-label="Delete ${escapeHtml(e.summary ?? 'event')}">Delete</button></form></li>`;
      });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>Demo calendar — not Google</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem}li form{display:inline}label{display:block;margin:.5rem 0}</style></head>` +
        `<body><main><h1>Demo calendar — not Google</h1>` +
        `<p>The Frontdesk demo's stand-in for Google Calendar. Events you add here make those times busy for every staff member connected to the demo calendar, within seconds; bookings appear here as events. Times are UTC.</p>` +
        `<h2>Events</h2>${rows.length ? `<ul>${rows.join('')}</ul>` : '<p>No events yet.</p>'}` +
        `<h2>Add a busy event</h2><form method="post" action="/demo/events">` +
        `<label>Title <input name="summary" value="Lunch"></label>` +
        `<label>Start <input type="datetime-local" name="start" required></label>` +
        `<label>Time zone <select name="zone">${ZONES.map((z) => `<option>${z}</option>`).join('')}</select></label>` +
        `<label>Minutes <input type="number" name="minutes" value="60" min="5" max="1440" required></label>` +
        `<button>Add</button></form></main></body></html>`,
    );
    return true;
  }
  return false;
}
