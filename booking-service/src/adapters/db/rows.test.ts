import { describe, expect, it } from 'vitest';
import { rowOf } from './rows.js';
import { jobs } from './schema.js';

describe('rowOf', () => {
  const parsed = { id: 'j1', kind: 'mail.x', payload: { a: 1 }, booking_id: null, handoff_id: null, run_at: new Date('2026-03-02T06:00:00Z'), attempts: 0, max_attempts: 12, locked_until: null, locked_by: null, done_at: null, outcome: null, last_error: null, created_at: new Date('2026-03-02T05:00:00Z') };

  it('gives the keys and values Drizzle gives, from values a driver already parsed', () => {
    expect(rowOf(jobs, parsed)).toEqual({ id: 'j1', kind: 'mail.x', payload: { a: 1 }, bookingId: null, handoffId: null, runAt: new Date('2026-03-02T06:00:00Z'), attempts: 0, maxAttempts: 12, lockedUntil: null, lockedBy: null, doneAt: null, outcome: null, lastError: null, createdAt: new Date('2026-03-02T05:00:00Z') });
  });

  it('and from to_jsonb text (timestamps as ISO strings with an offset, JSON as text)', () => {
    const text = { ...parsed, payload: '{"a":1}', run_at: '2026-03-02T09:00:00+03:00', created_at: '2026-03-02T05:00:00.000+00:00' };
    expect(rowOf(jobs, text)).toEqual(rowOf(jobs, parsed));
  });
});
