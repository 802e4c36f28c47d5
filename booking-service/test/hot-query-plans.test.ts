/**
 * Many tenants on one PostgreSQL (issue 19): every hot query of a slot search and a booking finds
 * its rows through an index. With sequential scans priced out (enable_seqscan off) the planner
 * still picks a Seq Scan only where no index can serve the query, so a plan without one on the
 * big tables means the query stays fast however many businesses share the tables. Generic plans,
 * as the service runs them (prepared statements). bench/tenants.ts shows the same on 10,000
 * businesses with real row counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/adapters/db/client.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { hotQueries } from './support/hot-queries.js';

const DEMO = { businessId: 'biz-barber-nyc', serviceId: 'barber-haircut', staffIds: ['barber-marcus', 'barber-diego'], day: '2026-03-03' };

/** Tables that grow with tenants and bookings; a Seq Scan on one of them is a bug. */
const BIG = ['bookings', 'customers', 'jobs', 'events', 'webhook_endpoints', 'webhook_deliveries', 'google_connections', 'external_busy', 'staff_exceptions', 'business_closures', 'businesses', 'sites'];

describe.each(dbKinds)('hot query plans on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(Object.keys(hotQueries(DEMO)))('%s reads the big tables through indexes', async (name) => {
    const q = hotQueries(DEMO)[name]!;
    const lines = await h.deps.db.transaction(async (tx) => {
      const db = tx as unknown as Parameters<typeof queryRows>[0];
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      await tx.execute(sql`SET LOCAL plan_cache_mode = force_generic_plan`);
      await tx.execute(sql.raw(`PREPARE hot AS ${q.text}`));
      const literal = (v: string | null) => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);
      const plan = await queryRows<Record<string, string>>(db, sql.raw(`EXPLAIN EXECUTE hot(${q.args.map(literal).join(', ')})`));
      await tx.execute(sql`DEALLOCATE hot`);
      return plan.map((r) => Object.values(r)[0]!);
    });
    const seqScans = lines.filter((l) => BIG.some((t) => new RegExp(`Seq Scan on ${t}\\b`).test(l)));
    expect(seqScans, lines.join('\n')).toEqual([]);
    // And it does read an index (the plan is not all function scans).
    expect(lines.some((l) => /Index (Only )?Scan|Bitmap Index Scan/.test(l)), lines.join('\n')).toBe(true);
  });
});
