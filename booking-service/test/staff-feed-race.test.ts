/**
 * Bug: two "new feed" requests at the same instant derived the same secret, and on PostgreSQL
 * the second upsert tripped the token_hash unique index (a 500, found by the console fuzz).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { issueFeed, loadFeedUrl } from '../src/services/calendar-sync/ics-feed.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

describe.each(dbKinds)('staff feed issued concurrently (%s)', (kind) => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('every concurrent issue succeeds with its own URL, and exactly one of them is live', async () => {
    h = await createHarness(kind);
    const urls = await Promise.all(Array.from({ length: 8 }, () => issueFeed(h.deps, 'barber-sam')));
    expect(new Set(urls).size).toBe(8);
    const live = await loadFeedUrl(h.deps, 'barber-sam');
    expect(urls).toContain(live);
  });
});
