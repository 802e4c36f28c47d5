/** Opening hours mean what they say (issue 11): a day the owner closes offers no slots, through the API. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businesses } from '../src/adapters/db/schema.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

describe.each(dbKinds)('opening hours on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
    // The barbershop closes on Tuesdays and opens at 13:00 on Wednesdays; Marcus still "works" 10–19 both days.
    const [b] = await h.deps.db.select().from(businesses).where(eq(businesses.id, 'biz-barber-nyc'));
    const hours = { ...b!.openingHours, 3: [{ start: '13:00', end: '20:00' }] };
    delete (hours as Record<string, unknown>)['2'];
    await h.deps.db.update(businesses).set({ openingHours: hours }).where(eq(businesses.id, 'biz-barber-nyc'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a closed business day offers no slots, whatever the staff hours say', async () => {
    const r = await h.caller().slots.find({ siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', staffId: 'barber-marcus', from: '2026-03-03', days: 1 });
    expect(r.slots).toEqual([]);
  });

  it('a slot needs both the business open and the staff member working', async () => {
    const r = await h.caller().slots.find({ siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', staffId: 'barber-marcus', from: '2026-03-04', days: 1 });
    // 13:00 in New York (EST, UTC−5) = 18:00Z: nothing earlier, though Marcus starts at 10:00.
    expect(r.slots[0]!.start).toBe('2026-03-04T18:00:00.000Z');
  });
});
