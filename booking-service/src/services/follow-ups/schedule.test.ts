import { drizzle } from 'drizzle-orm/pglite';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../adapters/db/client.js';
import { newState, type ConversationState } from '../../domain/conversation/state.js';
import { followUpTurn, type TurnForFollowUps } from './schedule.js';

// Builds the statements without a database: the decision is what is tested, not the SQL's effect (follow-ups.test.ts).
const db = drizzle.mock() as unknown as Queryable;
const dialect = new PgDialect();
const now = new Date('2026-03-02T10:00:00Z');
const contact = { name: 'Ani', contact: { email: 'ani@example.com' }, consentAt: now.getTime() };
/** A lead that asked about prices and went quiet at the menu: the silent sequence (day 1, 3, 7). */
const lead = (over: Partial<ConversationState> = {}): ConversationState => ({ ...newState('en'), intent: 'prices', contact, ...over });
const turn = (open: boolean, before: ConversationState | null, after: ConversationState): TurnForFollowUps => ({
  row: { id: 'c1', businessId: 'b1', channel: 'widget', followUpsOpen: open },
  before,
  after,
  business: { timeZone: 'Europe/Moscow', followUps: null },
  now,
});
const statements = (t: TurnForFollowUps) => followUpTurn(db, t).writes.map((w) => dialect.sqlToQuery(w).sql.split(' ').slice(0, 3).join(' '));

describe('followUpTurn: which follow-up statements a turn runs (conversations.follow_ups_open)', () => {
  it('no contact before or after: nothing, and the column keeps its value', () => {
    expect(followUpTurn(db, turn(false, newState('en'), newState('en')))).toEqual({ open: false, writes: [] });
    expect(followUpTurn(db, turn(true, newState('en'), newState('en')))).toEqual({ open: true, writes: [] });
  });

  it('a new lead with nothing open: the plan is inserted (rows, jobs) with no settling, and the column turns on', () => {
    const r = followUpTurn(db, turn(false, newState('en'), lead()));
    expect(r.open).toBe(true);
    expect(statements(turn(false, newState('en'), lead()))).toEqual(['insert into "follow_ups"', 'insert into "jobs"']);
  });

  it('a lead with follow-ups open: the pending ones are settled first, then the new plan', () => {
    expect(statements(turn(true, lead(), lead()))).toEqual(['update "follow_ups" set', 'insert into "follow_ups"', 'insert into "jobs"']);
    expect(followUpTurn(db, turn(true, lead(), lead())).open).toBe(true);
  });

  it('a lead who booked: what was open is settled, nothing is planned, and the column turns off', () => {
    const booked = lead({ outcome: 'booked' });
    expect(statements(turn(true, lead(), booked))).toEqual(['update "follow_ups" set']);
    expect(followUpTurn(db, turn(true, lead(), booked)).open).toBe(false);
  });

  it('a lead with nothing open and nothing to plan (booked): no statement at all', () => {
    expect(followUpTurn(db, turn(false, lead({ outcome: 'booked' }), lead({ outcome: 'booked' })))).toEqual({ open: false, writes: [] });
  });
});
