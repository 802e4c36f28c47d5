/**
 * slots.findCompact carries the same slots as slots.find (start, end, serving staff) in the
 * compact shape, and refuses the same bad input.
 */
import { decodeSlots } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';

describe('slots.findCompact', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('pglite');
  });
  afterAll(async () => {
    await h?.close();
  });

  const cases = [
    { siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-women', from: '2026-03-02', days: 7 },
    { siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-women', staffId: 'salon-olga', from: '2026-03-04', days: 3 },
    { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from: '2026-03-02', days: 7 },
    { siteKey: 'demo-clinic-yerevan', serviceId: 'clinic-checkup', from: '2026-03-03', days: 1 },
  ];

  it.each(cases)('decodes to exactly what slots.find answers: $siteKey $serviceId $staffId', async (input) => {
    const full = await h.caller().slots.find(input);
    const compact = await h.caller().slots.findCompact(input);
    expect(compact.timeZone).toBe(full.timeZone);
    expect(compact.compact.v).toBe(1);
    expect(full.slots.length).toBeGreaterThan(0);
    expect(decodeSlots(compact.compact)).toEqual(full.slots);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(full).length / 3);
  });

  it('an empty day is an empty list', async () => {
    const r = await h.caller().slots.findCompact({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-women', from: '2026-03-01', days: 1 });
    const full = await h.caller().slots.find({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-women', from: '2026-03-01', days: 1 });
    expect(decodeSlots(r.compact)).toEqual(full.slots);
  });

  it('refuses bad input like slots.find, naming the field', async () => {
    const bad = await failureOf(h.caller().slots.findCompact({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from: '2026-02-30' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(bad)).toContain('from');
    expect((await failureOf(h.caller().slots.findCompact({ siteKey: 'demo-salon-spb', serviceId: 'nope', from: '2026-03-02' }))).code).toBe('NOT_FOUND');
  });
});
