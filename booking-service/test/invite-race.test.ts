/**
 * Two owners (or a double click) invite one new address at once: one invite, no 500. Found by the
 * console fuzz on PostgreSQL (staff.invite answered 500 on the unique e-mail).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { inviteUser } from '../src/services/console/accounts.js';
import { queryRows } from '../src/adapters/db/client.js';
import { createHarness, type Harness } from './support/harness.js';

describe.each(['pglite', ...(process.env.DATABASE_URL ? ['postgres' as const] : [])] as const)('inviting one address twice at once (%s)', (kind) => {
  let h: Harness | undefined;
  afterAll(async () => {
    await h?.close();
  });

  it('makes one account; the other invite is EMAIL_TAKEN or the same invite again, never an error', async () => {
    h = await createHarness(kind);
    const input = { email: 'racer@example.com', name: 'Racer', role: 'staff' as const, staffId: null };
    const results = await Promise.all(Array.from({ length: 6 }, () => inviteUser(h!.deps, 'biz-barber-nyc', input)));
    for (const r of results) {
      if (!r.ok) expect(r.reason).toBe('EMAIL_TAKEN');
    }
    expect(results.some((r) => r.ok)).toBe(true);
    const rows = await queryRows<{ n: number }>(h.deps.db, sql`SELECT count(*)::int AS n FROM users WHERE email = 'racer@example.com'`);
    expect(rows[0]!.n).toBe(1);
  });
});
