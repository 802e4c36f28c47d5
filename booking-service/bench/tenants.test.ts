import { PGlite } from '@electric-sql/pglite';
import { expect, it } from 'vitest';
import { bookingNumbers, type Order, parseCount, parseOrder } from './tenants.js';

it('reads the bench size as a count with an optional k or M suffix and separators', () => {
  expect(parseCount('20M')).toBe(20_000_000);
  expect(parseCount('1.5m')).toBe(1_500_000);
  expect(parseCount('500k')).toBe(500_000);
  expect(parseCount('20_000_000')).toBe(20_000_000);
  expect(parseCount('20,000,000')).toBe(20_000_000);
  expect(parseCount(' 2000000 ')).toBe(2_000_000);
});

it('refuses what is not a positive count, so a typo does not generate a surprise size', () => {
  for (const bad of ['', 'lots', '20G', '-5', '0', '1.5', '2e7', '20 M']) expect(parseCount(bad)).toBeUndefined();
});

it('reads the heap order as live or tenant, and nothing else', () => {
  expect(parseOrder('live')).toBe('live');
  expect(parseOrder(' Tenant ')).toBe('tenant');
  for (const bad of ['', 'clustered', 'random', 'tenants']) expect(parseOrder(bad)).toBeUndefined();
});

it('numbers the same bookings in both heap orders: day by day for live, staff member by staff member for tenant', async () => {
  const db = new PGlite();
  try {
    // 23 bookings of 5 staff: four whole days and a partial fifth.
    const rows = async (order: Order) => (await db.query<{ g: number; s: number; k: number }>(`SELECT g, s, k FROM ${bookingNumbers(order, 23, 5)}, LATERAL (SELECT s + k AS t) y`)).rows.map((r) => [r.g, r.s, r.k]);
    const live = await rows('live');
    const tenant = await rows('tenant');
    expect(live.map(([g]) => g)).toEqual([...Array(23).keys()]);
    expect(tenant.map(([, s, k]) => `${s}:${k}`).slice(0, 6)).toEqual(['0:0', '0:1', '0:2', '0:3', '0:4', '1:0']);
    expect(tenant.map(([, s]) => s)).toEqual([...tenant.map(([, s]) => s)].sort((a, b) => a! - b!));
    expect([...tenant].sort((a, b) => a[0]! - b[0]!)).toEqual(live);
    for (const [g, s, k] of live) expect(g).toBe(k! * 5 + s!);
  } finally {
    await db.close();
  }
});
