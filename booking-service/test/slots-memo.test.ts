/**
 * slots.find remembers its recent answers (services/slot-memo.ts) by everything they are computed
 * from, so a repeated search is the same answer — equal to the engine's own — and a hold made or
 * time passed is seen at once. Over HTTP a remembered answer's bytes (plain, brotli, gzip) are the
 * ones a fresh search writes.
 */
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedPickStaff, cachedService, openSite } from '../src/services/site.js';
import { findSlotsForSite, searchSlots, toLeanView, toView, type FindSlotsInput } from '../src/services/slots.js';
import { createConfigCache } from '../src/services/config-cache.js';
import type { Deps } from '../src/services/deps.js';
import { createApp } from '../src/app.js';
import { slotMemo } from '../src/services/slot-memo.js';
import { dbKinds } from './support/db.js';
import { createHarness, T0, type Harness } from './support/harness.js';

const SALON = 'demo-salon-spb';
const find = { siteKey: SALON, serviceId: 'salon-haircut-women', from: '2026-03-03', days: 3 };

function get(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(dbKinds)('slots.find remembered answers on %s', (kind) => {
  let h: Harness;
  // As in a running service: site, service and staff rows come from the config cache (never
  // expiring here), so a repeated search meets the very same rows.
  let deps: Deps;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    h = await createHarness(kind);
    deps = { ...h.deps, configCache: createConfigCache({ now: () => 0 }) };
    const app = createApp(deps, { log: () => {} });
    server = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server?.close(() => r()));
    await h?.close();
  });

  const search = async (input: FindSlotsInput) => {
    const r = await findSlotsForSite(deps, input, undefined);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };

  /** The engine's answer, computed now without the memo. */
  async function fresh(input: { staffId?: string; allStaff?: boolean } = {}) {
    const site = await openSite(h.deps, SALON, undefined);
    if (!site.ok) throw new Error('no site');
    const business = site.value.business;
    const service = await cachedService(h.deps, business.id, find.serviceId);
    const staff = await cachedPickStaff(h.deps, business.id, find.serviceId, input.staffId);
    if (!service.ok || !staff.ok) throw new Error('seed');
    const slots = await searchSlots(h.deps, business, service.value, staff.value, find.from, find.days, undefined, !input.allStaff);
    return { timeZone: business.timeZone, slots: slots.map(input.allStaff ? toView : toLeanView) };
  }

  it('a repeated search is the same frozen answer, equal to a fresh search; the all-staff shape is its own', async () => {
    h.clock.set(T0);
    const a = await search(find);
    const b = await search(find);
    expect(b).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.slots) && Object.isFrozen(a.slots[0])).toBe(true);
    expect(a).toEqual(await fresh());
    const all = await search({ ...find, days: 1, allStaff: true });
    expect(all.slots[0]!.staffIds!.length).toBeGreaterThan(0);
    expect(all).toEqual({ ...(await fresh({ allStaff: true })), slots: (await fresh({ allStaff: true })).slots.filter((s) => s.start < '2026-03-04') });
  });

  it('a hold in the week and time passing change the answer at once', async () => {
    h.clock.set(T0);
    const one = { ...find, staffId: 'salon-olga' };
    const before = await search(one);
    const first = before.slots[0]!;
    await h.caller().booking.hold({ siteKey: SALON, serviceId: find.serviceId, staffId: 'salon-olga', start: first.start });
    const held = await search(one);
    expect(held.slots.map((s) => s.start)).not.toContain(first.start);
    expect(held).toEqual(await fresh({ staffId: 'salon-olga' }));
    // A minute after the next free start, it is no longer offered (minimum notice counts from now).
    const next = held.slots[0]!;
    h.clock.set(new Date(Date.parse(next.start) + 60_000));
    const later = await search(one);
    expect(later.slots.map((s) => s.start)).not.toContain(next.start);
    expect(later).toEqual(await fresh({ staffId: 'salon-olga' }));
    h.clock.set(T0);
  });

  it('over HTTP a remembered answer sends the bytes a fresh one does, plain and compressed', async () => {
    h.clock.set(T0);
    const path = `${url}/trpc/slots.find?input=${encodeURIComponent(JSON.stringify({ ...find, staffId: 'salon-anna' }))}`;
    const expected = JSON.stringify({ result: { data: await fresh({ staffId: 'salon-anna' }) } });
    for (let i = 0; i < 2; i++) {
      expect((await get(path, {})).body.toString()).toBe(expected);
      const br = await get(path, { 'accept-encoding': 'br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.body).toString()).toBe(expected);
      const gz = await get(path, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).toString()).toBe(expected);
    }
  });
});

describe('slotMemo', () => {
  const business = { id: 'b' } as never;
  const service = { id: 's' } as never;
  const staff = [{ id: 'x' }] as never;
  const key = (over: object = {}) => ({ business, service, staff, shape: 'lean 2026-03-03 7 1 2', row: { busy: '1 0 60', external: null, exceptions: null, closures: null }, ...over });

  it('finds an answer only for the same rows and the same database row, and keeps the newest few', () => {
    const memo = slotMemo(2);
    const answer = memo.set(key(), { slots: [{ start: 'a' }] });
    expect(memo.get(key())).toBe(answer);
    expect(memo.get(key({ row: { busy: '1 0 61', external: null, exceptions: null, closures: null } }))).toBeUndefined();
    expect(memo.get(key({ business: { id: 'b' } }))).toBeUndefined();
    expect(memo.get(key({ staff: [{ id: 'x' }] }))).toBeUndefined();
    expect(memo.get(key({ shape: 'lean 2026-03-03 7 1 3' }))).toBeUndefined();
    expect(() => (answer.slots[0]!.start = 'b')).toThrow(TypeError);
    memo.set(key({ shape: 'two' }), {});
    memo.set(key({ shape: 'three' }), {});
    expect(memo.get(key())).toBeUndefined();
  });
});
