/** The lint rule that keeps the booking store the only writer of `bookings` (eslint/no-bookings-write.js). */
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
// @ts-expect-error: a plain-JS ESLint rule without type declarations.
import rule from '../../eslint/no-bookings-write.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('no-bookings-write', rule, {
  valid: [
    'db.select().from(bookings).where(eq(bookings.id, id))',
    'tx.insert(customers).values(row)',
    'tx.update(jobs).set({ doneAt: now })',
    'sql`SELECT * FROM bookings WHERE id = ${id}`',
    "const q = 'SELECT status FROM bookings'",
    'sql`UPDATE jobs SET done_at = now() WHERE booking_id = ${bookings.id}`',
    "const text = 'Update bookings from the console'",
    'sql`UPDATE ${bookings.id}`',
  ],
  invalid: [
    { code: 'tx.insert(bookings).values(row)', errors: [{ messageId: 'write' }] },
    { code: 'db.update(bookings).set({ status: "cancelled" })', errors: [{ messageId: 'write' }] },
    { code: 'db.delete(schema.bookings).where(x)', errors: [{ messageId: 'write' }] },
    { code: 'db.execute(sql`DELETE FROM bookings WHERE id = ${id}`)', errors: [{ messageId: 'write' }] },
    { code: 'db.execute(sql`update "bookings" set status = ${s}`)', errors: [{ messageId: 'write' }] },
    { code: 'db.execute(sql`UPDATE ${bookings} SET status = ${s} WHERE id = ${id}`)', errors: [{ messageId: 'write' }] },
    { code: 'db.execute(sql`INSERT INTO ${bookings} (id) VALUES (${id})`)', errors: [{ messageId: 'write' }] },
    { code: "client.query('INSERT INTO bookings (id) VALUES ($1)', [id])", errors: [{ messageId: 'write' }] },
  ],
});
