/**
 * The knowledge base's opening-hours answer knows the days the business closed (issue 18): the
 * closures come with the engine's context from the config cache (services/conversation/
 * engine-context.ts), not from a query per turn — test/conversation-round-trips.test.ts bounds that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessClosures } from '../src/adapters/db/schema.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { visitor } from './support/visitor.js';

const BARBER = 'demo-barber-nyc';
const ORIGIN = { origin: 'http://localhost:8080' };

describe.each(dbKinds)('opening hours and closed days in the chat on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('"what are your hours on sunday" says closed on a Sunday the owner closed, open otherwise', async () => {
    const ask = async () => {
      const v = visitor(h, BARBER, 'en', ORIGIN);
      await v.send({ type: 'text', text: 'what are your hours on sunday' });
      return v.view.messages.at(-1)!.text;
    };
    expect(await ask()).toMatch(/we’re open 10:00 AM–4:00 PM\./);
    // Sunday 8 March 2026 (the harness's now is Monday 2 March)
    await h.deps.db.insert(businessClosures).values({ id: 'closure-test-sunday', businessId: 'biz-barber-nyc', startsOn: '2026-03-08', endsOn: '2026-03-08', note: 'test' });
    h.deps.configCache?.clear();
    expect(await ask()).toMatch(/: we’re closed\.$/);
  });
});
