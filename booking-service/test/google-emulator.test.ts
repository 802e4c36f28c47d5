/**
 * Keeps the emulator honest: the real @googleapis/calendar client and google-auth-library
 * against it, checking the behaviours of the Calendar API v3 reference that the sync relies on.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { calendar_v3 } from '@googleapis/calendar';
import { calendarClient, classifyGoogleError, oauthClient, type GoogleEndpoints } from '../src/adapters/google/calendar-client.js';
import { startGoogleEmulator, type GoogleEmulator } from '../src/dev/google-emulator.js';

let emu: GoogleEmulator;
let hook: Server;
let hookUrl: string;
const received: Array<Record<string, string | string[] | undefined>> = [];
let endpoints: GoogleEndpoints;
let api: calendar_v3.Calendar;

const at = (h: number, m = 0) => new Date(Date.UTC(2026, 2, 2, h, m)).toISOString();
const caught = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

beforeAll(async () => {
  emu = await startGoogleEmulator();
  hook = await new Promise<Server>((r) => {
    const s = createServer((req, res) => {
      received.push(req.headers);
      res.writeHead(200).end();
    }).listen(0, '127.0.0.1', () => r(s));
  });
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/push`;
  endpoints = { apiRoot: emu.apiRoot, authUrl: emu.authUrl, tokenUrl: emu.tokenUrl, clientId: 'c', clientSecret: 's', redirectUrl: 'http://127.0.0.1/cb', timeoutMs: 1_000 };
  const { tokens } = await (await oauthClient(endpoints)).getToken(emu.issueCode());
  api = await calendarClient(endpoints, tokens.refresh_token!);
});

afterAll(async () => {
  await emu.close();
  await new Promise<void>((r) => hook.close(() => r()));
});

describe('Calendar API v3 emulator, through the real client', () => {
  it('pages through events.list and gives nextSyncToken only on the last page; syncToken returns changes incl. deletions', async () => {
    for (let i = 0; i < 5; i++) await api.events.insert({ calendarId: 'pages', requestBody: { summary: `e${i}`, start: { dateTime: at(8 + i) }, end: { dateTime: at(9 + i) } } });
    const p1 = await api.events.list({ calendarId: 'pages', maxResults: 2, singleEvents: true });
    expect(p1.data.items).toHaveLength(2);
    expect(p1.data.nextPageToken).toBeTruthy();
    expect(p1.data.nextSyncToken).toBeUndefined();
    const p2 = await api.events.list({ calendarId: 'pages', maxResults: 2, pageToken: p1.data.nextPageToken! });
    const p3 = await api.events.list({ calendarId: 'pages', maxResults: 2, pageToken: p2.data.nextPageToken! });
    expect(p3.data.items).toHaveLength(1);
    expect(p3.data.nextSyncToken).toBeTruthy();

    const first = p1.data.items![0]!;
    await api.events.delete({ calendarId: 'pages', eventId: first.id! });
    const inc = await api.events.list({ calendarId: 'pages', syncToken: p3.data.nextSyncToken! });
    expect(inc.data.items).toEqual([expect.objectContaining({ id: first.id, status: 'cancelled' })]);
    // Deleting again: 410 deleted.
    expect(classifyGoogleError(await caught(api.events.delete({ calendarId: 'pages', eventId: first.id! })))).toBe('gone');
  });

  it('answers 410 for a stale sync token and 400 for syncToken with timeMin', async () => {
    const full = await api.events.list({ calendarId: 'gone' });
    emu.invalidateSyncTokens('gone');
    const err = await caught(api.events.list({ calendarId: 'gone', syncToken: full.data.nextSyncToken! }));
    expect((err as { status?: number }).status).toBe(410);
    expect(classifyGoogleError(err)).toBe('gone');
    const bad = await caught(api.events.list({ calendarId: 'gone', syncToken: full.data.nextSyncToken!, timeMin: at(0) }));
    expect((bad as { status?: number }).status).toBe(400);
  });

  it('expands recurring events with singleEvents, keeps private extended properties, refuses a duplicate id', async () => {
    await api.events.insert({
      calendarId: 'rec',
      requestBody: { id: 'lunch00001', start: { dateTime: at(12) }, end: { dateTime: at(13) }, recurrence: ['RRULE:FREQ=DAILY;COUNT=3'], extendedProperties: { private: { k: 'v' } } },
    });
    const res = await api.events.list({ calendarId: 'rec', singleEvents: true, orderBy: 'startTime' });
    expect(res.data.items!.map((e) => e.id)).toEqual(['lunch00001_20260302T120000Z', 'lunch00001_20260303T120000Z', 'lunch00001_20260304T120000Z']);
    expect(res.data.items![1]!.recurringEventId).toBe('lunch00001');
    expect(res.data.items![1]!.extendedProperties?.private?.k).toBe('v');
    const filtered = await api.events.list({ calendarId: 'rec', privateExtendedProperty: ['k=other'] });
    expect(filtered.data.items).toHaveLength(0);
    const dup = await caught(api.events.insert({ calendarId: 'rec', requestBody: { id: 'lunch00001', start: { dateTime: at(1) }, end: { dateTime: at(2) } } }));
    expect(classifyGoogleError(dup)).toBe('conflict');
  });

  it('freeBusy skips free and declined events', async () => {
    await api.events.insert({ calendarId: 'fb', requestBody: { start: { dateTime: at(9) }, end: { dateTime: at(10) } } });
    await api.events.insert({ calendarId: 'fb', requestBody: { start: { dateTime: at(11) }, end: { dateTime: at(12) }, transparency: 'transparent' } });
    await api.events.insert({ calendarId: 'fb', requestBody: { start: { dateTime: at(13) }, end: { dateTime: at(14) }, attendees: [{ email: 'me@x', self: true, responseStatus: 'declined' }] } });
    const res = await api.freebusy.query({ requestBody: { timeMin: at(0), timeMax: at(23), items: [{ id: 'fb' }] } });
    expect(res.data.calendars!.fb!.busy).toEqual([{ start: at(9), end: at(10) }]);
  });

  it('watch posts sync then exists notifications with the channel headers; stop ends them', async () => {
    const ch = await api.events.watch({ calendarId: 'w', requestBody: { id: 'chan-1', type: 'web_hook', address: hookUrl, token: 'tok-1' } });
    await emu.flushPushes();
    emu.insertEvent('w', { start: { dateTime: at(9) }, end: { dateTime: at(10) } });
    await emu.flushPushes();
    const mine = received.filter((h) => h['x-goog-channel-id'] === 'chan-1');
    expect(mine.map((h) => h['x-goog-resource-state'])).toEqual(['sync', 'exists']);
    expect(mine[1]).toMatchObject({ 'x-goog-channel-token': 'tok-1', 'x-goog-resource-id': ch.data.resourceId, 'x-goog-message-number': '2' });
    await api.channels.stop({ requestBody: { id: 'chan-1', resourceId: ch.data.resourceId! } });
    emu.insertEvent('w', { start: { dateTime: at(11) }, end: { dateTime: at(12) } });
    await emu.flushPushes();
    expect(received.filter((h) => h['x-goog-channel-id'] === 'chan-1')).toHaveLength(2);
  });

  it('switchable faults come back the way Google sends them and are classified for retry', async () => {
    emu.setFault({ kind: 'rateLimit' });
    expect(classifyGoogleError(await caught(api.events.list({ calendarId: 'f' })))).toBe('retry');
    emu.setFault({ kind: 'status', status: 429 });
    expect(classifyGoogleError(await caught(api.events.list({ calendarId: 'f' })))).toBe('retry');
    emu.setFault({ kind: 'status', status: 500 });
    expect(classifyGoogleError(await caught(api.events.list({ calendarId: 'f' })))).toBe('retry');
    emu.setFault({ kind: 'hang' });
    expect(classifyGoogleError(await caught(api.events.list({ calendarId: 'f' })))).toBe('retry');
    emu.setFault({ kind: 'latency', ms: 50 });
    expect((await api.events.list({ calendarId: 'f' })).status).toBe(200);
    emu.setFault({ kind: 'lostResponse' });
    expect(classifyGoogleError(await caught(api.events.insert({ calendarId: 'f', requestBody: { id: 'lost00001', start: { dateTime: at(1) }, end: { dateTime: at(2) } } })))).toBe('retry');
    emu.setFault(null);
    expect(emu.event('f', 'lost00001')).toBeDefined();
  });

  it('token endpoint: a revoked refresh token is invalid_grant', async () => {
    emu.revokeAll();
    const err = await caught((await calendarClient(endpoints, 'whatever')).events.list({ calendarId: 'x' }));
    expect(classifyGoogleError(err)).toBe('invalid_grant');
    // A client still holding an access token sees 401 first; the job's next attempt refreshes and meets invalid_grant.
    expect(classifyGoogleError(await caught(api.events.list({ calendarId: 'x' })))).toBe('retry');
  });
});
