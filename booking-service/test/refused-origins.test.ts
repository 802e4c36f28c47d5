/**
 * A site opened from an origin it does not allow: the widget's boot request (GET /widget.json)
 * answers any page truthfully (allowed: false, with the colour and side), each refused page view
 * is counted per origin and local day of the business, and the owner sees "refused N times today
 * from …" on the Sites page and allows the origin with one click.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedOrigins, sites } from '../src/adapters/db/schema.js';
import { MAX_ORIGINS_PER_DAY } from '../src/services/refused-origins.js';
import { consoleFailure, ownerOf, signIn, staffAccount, type ConsoleSessionClient } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, T0, type Harness } from './support/harness.js';

const SALON = 'demo-salon-spb';

describe.each(dbKinds)('refused origins on %s', (kind) => {
  let h: Harness;
  let url: string;
  let owner: ConsoleSessionClient;
  const boot = (origin?: string, site = SALON) => fetch(`${url}/widget.json?site=${site}`, { headers: origin ? { origin } : {} });
  const salon = async () => (await owner.client.sites.list.query()).find((s) => s.siteKey === SALON)!;

  beforeAll(async () => {
    h = await createHarness(kind);
    ({ url } = await h.http());
    owner = await signIn(url, ownerOf(SALON));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an allowed origin boots with the colour and side, readable from any page, and is not counted', async () => {
    const res = await boot('http://localhost:5173');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ allowed: true, color: '#7c3aed', position: 'right' });
    expect((await boot(undefined, 'no-such-site')).status).toBe(404);
    expect((await salon()).refused).toEqual([]);
  });

  it('a refused origin still boots (allowed: false), counted per origin; the owner sees it today and allows it in one click', async () => {
    for (let i = 0; i < 3; i++) expect(await (await boot('https://Shop.example/')).json()).toEqual({ allowed: false, color: '#7c3aed', position: 'right' });
    await boot('http://old.shop.example:8080');
    // A sandboxed frame's "null" is no origin the owner could allow: not counted.
    await boot('null');
    expect((await salon()).refused).toEqual([
      { origin: 'https://shop.example', count: 3 },
      { origin: 'http://old.shop.example:8080', count: 1 },
    ]);

    // Staff see the list but cannot allow; a bad origin names the field.
    const anna = await signIn(url, staffAccount('salon-anna', SALON));
    const site = await salon();
    expect((await consoleFailure(anna.client.sites.allowOrigin.mutate({ id: site.id, origin: 'https://shop.example' }))).code).toBe('FORBIDDEN');
    const bad = await consoleFailure(owner.client.sites.allowOrigin.mutate({ id: site.id, origin: 'shop example' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect((bad.data.fields as Array<{ path: string }>).map((f) => f.path)).toEqual(['origin']);

    const allowed = await owner.client.sites.allowOrigin.mutate({ id: site.id, origin: 'https://shop.example' });
    expect(allowed.allowedOrigins).toEqual([...site.allowedOrigins, 'https://shop.example']);
    expect(allowed.refused).toEqual([{ origin: 'http://old.shop.example:8080', count: 1 }]);
    // Again: nothing added twice.
    expect((await owner.client.sites.allowOrigin.mutate({ id: site.id, origin: 'https://shop.example' })).allowedOrigins).toEqual(allowed.allowedOrigins);
    expect(await (await boot('https://shop.example')).json()).toMatchObject({ allowed: true });
    // …and the site's API answers that origin now.
    expect((await h.caller('https://shop.example').site.get({ siteKey: SALON })).siteKey).toBe(SALON);
  });

  it('"today" is the business\'s day: after midnight in Moscow the list starts empty', async () => {
    await boot('https://late.example');
    expect((await salon()).refused.map((r) => r.origin)).toContain('https://late.example');
    // T0 is 09:00 in Moscow; 15 hours later it is midnight there.
    h.clock.set(new Date(Date.parse(T0) + 15 * 3600_000));
    expect((await salon()).refused).toEqual([]);
    h.clock.set(T0);
  });

  it(`anyone may forge Origin headers: at most ${MAX_ORIGINS_PER_DAY} origins are kept per site and day`, async () => {
    const [site] = await h.deps.db.select().from(sites).where(eq(sites.siteKey, 'demo-barber-nyc'));
    for (let i = 0; i < MAX_ORIGINS_PER_DAY + 5; i++) await boot(`https://spam-${i}.example`, 'demo-barber-nyc');
    await boot('https://spam-0.example', 'demo-barber-nyc');
    const rows = await h.deps.db.select().from(refusedOrigins).where(eq(refusedOrigins.siteId, site!.id));
    expect(rows.length).toBe(MAX_ORIGINS_PER_DAY);
    expect(rows.find((r) => r.origin === 'https://spam-0.example')!.count).toBe(2);
  });

  it('the snippet carries the brand colour and side, so the launcher paints them before any request', async () => {
    const site = await salon();
    expect(site.snippet).toBe(`<script src="http://localhost:3000/widget.js" data-site="${SALON}" data-color="#7c3aed" data-position="right" async></script>`);
  });
});
