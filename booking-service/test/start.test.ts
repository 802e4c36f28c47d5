/**
 * `npm start`'s service on the embedded database: created on first start under DATA_DIR,
 * seeded once, and still holding its bookings after a restart.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from './support/spawn-service.js';
import { trpc } from './support/trpc-http.js';

describe('the service on the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-data-'));
  let svc: RunningService | undefined;
  afterAll(async () => {
    await svc?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the database on first start, seeds the demo once, and keeps bookings across restarts', async () => {
    const dataDir = join(dir, 'data');
    svc = await startService({ DATA_DIR: dataDir });
    expect(existsSync(dataDir)).toBe(true);
    expect(svc.output()).toContain('embedded database');
    // Every demo sign-in, one owner per business, with the person's name (not "Owner").
    for (const [email, name] of [['owner@demo-salon-spb.demo', 'Екатерина Волкова'], ['owner@demo-clinic-yerevan.demo', 'Նարինե Սարգսյան'], ['owner@demo-barber-nyc.demo', 'Jordan Reyes']]) {
      expect(svc.output()).toMatch(new RegExp(`${email}\\s+${name}`));
    }
    for (const siteKey of ['demo-salon-spb', 'demo-clinic-yerevan', 'demo-barber-nyc']) {
      const site = await trpc(svc.url, 'site.get', { siteKey });
      expect(site.services.length).toBeGreaterThan(0);
    }
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const { slots } = await trpc(svc.url, 'slots.find', { siteKey: 'demo-clinic-yerevan', serviceId: 'clinic-checkup', from });
    const hold = await trpc(svc.url, 'booking.hold', { siteKey: 'demo-clinic-yerevan', serviceId: 'clinic-checkup', start: slots[0].start }, 'POST');
    const done = await trpc(
      svc.url,
      'booking.confirm',
      { holdToken: hold.holdToken, customer: { name: 'Անի', phone: '+374 91 123456' }, consent: true, lang: 'hy', idempotencyKey: 'start-test-1' },
      'POST',
    );
    await svc.stop();

    // Second start: same folder, seed runs again (idempotent), the booking and its link survive.
    svc = await startService({ DATA_DIR: dataDir });
    const got = await trpc(svc.url, 'booking.get', { manageToken: done.manageToken });
    expect(got.booking).toMatchObject({ id: done.booking.id, status: 'confirmed', customerName: 'Անի' });
    const site = await trpc(svc.url, 'site.get', { siteKey: 'demo-clinic-yerevan' });
    expect(site.services.map((s: { id: string }) => s.id)).toEqual(['clinic-checkup', 'clinic-cleaning', 'clinic-filling', 'clinic-implant-consult']);
    expect(site.business.name).toContain('Ժպիտ');
  });
});
