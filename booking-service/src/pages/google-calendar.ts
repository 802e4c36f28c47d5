/**
 * HTTP endpoints of the Google Calendar integration, each a thin translation to a service:
 * - POST /google/push             Google's push notifications (headers only) → sync job;
 * - GET  /google/connect?link=…   the owner's signed connect link → Google's consent page;
 * - GET  /google/oauth/callback   Google sends the staff member back here with a code (or an error);
 *                                  from the console → back to /console/#/calendar-settings[?error=…];
 * - GET  /calendar/staff/<secret>.ics   the private per-staff iCalendar feed.
 * Connect routes exist only when the integration is configured; the feed works regardless.
 */
import { escapeHtml } from '@frontdesk/shared';
import { Router, type Request, type Response } from 'express';
import type { GoogleRuntime } from '../services/calendar-sync/deps.js';
import { completeConnect, consentUrl } from '../services/calendar-sync/connection.js';
import { feedIcs } from '../services/calendar-sync/ics-feed.js';
import { readStaffToken, verifyStaffToken } from '../services/calendar-sync/oauth-state.js';
import { receivePush } from '../services/calendar-sync/push.js';
import type { Deps } from '../services/deps.js';

const header = (req: Request, name: string) => {
  const v = req.headers[name.toLowerCase()];
  return typeof v === 'string' ? v : undefined;
};

export function googleCalendarPages(deps: Deps, google: GoogleRuntime | undefined, log: (m: string, e?: unknown) => void): Router {
  const r = Router();
  const guard = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) =>
    fn(req, res).catch((err: unknown) => {
      log(`[google] ${req.path} failed`, err);
      if (!res.headersSent) res.status(500).type('text/plain').send('Internal error');
    });

  r.get(
    '/calendar/staff/:file',
    guard(async (req, res) => {
      const file = String(req.params.file ?? '');
      const ics = file.endsWith('.ics') ? await feedIcs(deps, file.slice(0, -4)) : null;
      if (!ics) {
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      res.type('text/calendar; charset=utf-8').set('Cache-Control', 'private, no-store').send(ics);
    }),
  );

  if (!google) return r;
  const sd = { ...deps, google };

  r.post(
    '/google/push',
    guard(async (req, res) => {
      const outcome = await receivePush(deps, {
        channelId: header(req, 'X-Goog-Channel-ID'),
        channelToken: header(req, 'X-Goog-Channel-Token'),
        resourceState: header(req, 'X-Goog-Resource-State'),
        resourceId: header(req, 'X-Goog-Resource-ID'),
      });
      // Google retries only 5xx; an unknown channel gets 404 and is left to expire.
      res.status(outcome === 'bad_token' ? 403 : outcome === 'unknown_channel' ? 404 : 200).end();
    }),
  );

  r.get(
    '/google/connect',
    guard(async (req, res) => {
      const staffId = verifyStaffToken(deps.secret, typeof req.query.link === 'string' ? req.query.link : '', 'gcal_connect', deps.clock.now());
      if (!staffId) {
        res.status(403).type('text/plain').send('This connect link is not valid');
        return;
      }
      res.redirect(302, await consentUrl(sd, staffId));
    }),
  );

  r.get(
    '/google/oauth/callback',
    guard(async (req, res) => {
      const code = typeof req.query.code === 'string' ? req.query.code : '';
      const state = typeof req.query.state === 'string' ? req.query.state : '';
      const signed = readStaffToken(deps.secret, state, 'gcal_state', deps.clock.now());
      const result = code ? await completeConnect(sd, { code, state }) : null;
      const ok = result?.ok === true;
      // Started from the console: back to its calendar settings, which read the outcome from google.status.
      if (signed?.returnTo === 'console') {
        const error = ok ? '' : result && !result.ok ? result.reason.toLowerCase() : 'access_denied';
        res.set('Cache-Control', 'no-store').redirect(302, `/console/#/calendar-settings${error ? `?error=${error}` : ''}`);
        return;
      }
      const message = ok ? 'Google Calendar connected. Your busy times will be respected within seconds.' : result && !result.ok ? result.message : 'Access was not granted.';
      res
        .status(ok ? 200 : 400)
        .type('text/html; charset=utf-8')
        .set('Cache-Control', 'no-store')
        .send(
          `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
            `<title>Frontdesk — Google Calendar</title><main><h1>${ok ? 'Connected' : 'Not connected'}</h1><p>${escapeHtml(message)}</p>` +
            `${google.demo ? `<p>This was the demo calendar, not Google.${google.demoCalendarUrl ? ` Add busy events to it at <a href="${escapeHtml(google.demoCalendarUrl)}">the demo calendar</a>.` : ''}</p>` : ''}</main></html>`,
        );
    }),
  );
  return r;
}
