/**
 * Follow-ups are planned by the visitor's turns: in the transaction of each turn of a lead
 * (a conversation with a consented contact), what was pending is cancelled — the visitor wrote,
 * booked or said "not interested" — sent ones are marked answered (the reactivation rate), and
 * the plan for the conversation as it is now is written with one `followup.send` job per
 * message (domain/follow-ups/plan.ts). The job decides again when it runs (./deliver.ts).
 * The conversation's `follow_ups_open` column, written by the same turns, says whether anything
 * may be pending: a turn with nothing open and nothing to plan runs no follow-up statement.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { conversations, followUps, jobs } from '../../adapters/db/schema.js';
import { jobRow } from '../../adapters/job-queue/queue.js';
import type { ConversationState, Step } from '../../domain/conversation/state.js';
import { planFollowUps, type LeadFacts } from '../../domain/follow-ups/plan.js';
import { readFollowUpSettings } from '../../domain/follow-ups/settings.js';

export const FOLLOW_UP_JOB = 'followup.send';

/** Steps that ask the visitor something: silence there is "stopped mid-way". */
const ASKING: ReadonlySet<Step['at']> = new Set(['service', 'staff', 'slots', 'contact', 'confirm-booking', 'tree', 'question', 'move-slots', 'confirm-move', 'confirm-cancel', 'qualify']);
/** Intents that say the visitor meant to buy (as lead-score.ts counts them): worth bringing back when they go quiet. */
const BUYING = new Set(['book', 'prices', 'human']);

/** The lead's facts as the planner and the sender see them. */
export function leadFacts(state: ConversationState, channel: string, status: ConversationState['status']): LeadFacts {
  const c = state.contact;
  return {
    // A messenger chat is itself the way back; on the widget the consented e-mail, or the phone by
    // SMS (./deliver.ts; skipped when the business has no SMS provider).
    reachable: !!c && (channel !== 'widget' || c.contact.email !== undefined || c.contact.phone !== undefined),
    outcome: state.outcome,
    status,
    midFlow: ASKING.has(state.step.at),
    quoted: !!state.quote?.final,
    // The owner's questions decide where they were answered; else a buying intent.
    qualified: state.qualify?.qualified ?? (state.intent !== null && BUYING.has(state.intent)),
  };
}

export interface TurnForFollowUps {
  row: Pick<typeof conversations.$inferSelect, 'id' | 'businessId' | 'channel' | 'followUpsOpen'>;
  before: ConversationState | null;
  after: ConversationState;
  business: { timeZone: string; followUps: unknown };
  now: Date;
}

/**
 * What a turn does to the conversation's follow-ups, decided before it writes anything: `open` is
 * the conversation's `follow_ups_open` after the turn (its claiming UPDATE writes it), `writes` the
 * statements (WITH clauses of the turn's claiming statement): none when there is nothing to settle
 * and nothing to plan — most turns (no contact yet; or a lead with nothing open and no new plan).
 */
export function followUpTurn(tx: Queryable, t: TurnForFollowUps): { open: boolean; writes: SQL[] } {
  const { row, after, now } = t;
  if (!t.after.contact && !t.before?.contact) return { open: row.followUpsOpen, writes: [] };
  const plan = planFollowUps(leadFacts(after, row.channel, after.status), readFollowUpSettings(t.business.followUps), now.getTime(), t.business.timeZone);
  // Settling runs only where something may be open: the column says so (set by the turn that planned).
  const writes: SQL[] = [];
  if (row.followUpsOpen) {
    const reason = after.outcome === 'booked' ? 'booked' : after.outcome === 'not_interested' ? 'not_interested' : 'replied';
    const scheduled = sql`${followUps.status} = 'scheduled'`;
    writes.push(tx
      .update(followUps)
      .set({
        status: sql`CASE WHEN ${scheduled} THEN 'cancelled' ELSE ${followUps.status} END`,
        reason: sql`CASE WHEN ${scheduled} THEN ${reason} ELSE ${followUps.reason} END`,
        answeredAt: sql`CASE WHEN ${scheduled} THEN ${followUps.answeredAt} ELSE ${now.toISOString()}::timestamptz END`,
      })
      .where(and(eq(followUps.conversationId, row.id), or(eq(followUps.status, 'scheduled'), and(eq(followUps.status, 'sent'), isNull(followUps.answeredAt)))))
      .getSQL());
  }
  if (plan.length) {
    const rows = plan.map((p) => ({
      id: randomUUID(),
      businessId: row.businessId,
      conversationId: row.id,
      sequence: p.sequence,
      step: p.step,
      scheduledAt: now,
      dueAt: new Date(p.dueAt),
      status: 'scheduled' as const,
    }));
    writes.push(
      tx.insert(followUps).values(rows).getSQL(),
      tx.insert(jobs).values(rows.map((r) => jobRow({ kind: FOLLOW_UP_JOB, payload: { followUpId: r.id }, runAt: r.dueAt }))).getSQL(),
    );
  }
  // After the settling, nothing is open but the new plan. Pending ones cancelled, sent ones answered
  // and the new plan's rows and jobs inserted are WITH clauses of the turn's claiming statement
  // (conversation/turns.ts), which all see the snapshot from before the statement: the UPDATE
  // cannot touch the rows inserted beside it.
  return { open: plan.length > 0, writes };
}

/** `awaitsAnswer` as a column of the turn's read of its conversation (conversation/turns.ts). */
export function awaitingAnswerSql(): SQL<boolean> {
  // Spelled out: drizzle leaves columns of a one-table select unqualified, and a bare "id" here
  // would be the follow-up's own.
  return sql<boolean>`EXISTS (SELECT 1 FROM follow_ups f WHERE f.conversation_id = conversations.id AND f.status = 'sent' AND f.answered_at IS NULL)`;
}

/** Whether a follow-up was sent here and the visitor has not answered since (their next words answer it). */
export async function awaitsAnswer(tx: Queryable, conversationId: string): Promise<boolean> {
  const r = await tx
    .select({ id: followUps.id })
    .from(followUps)
    .where(and(eq(followUps.conversationId, conversationId), eq(followUps.status, 'sent'), isNull(followUps.answeredAt)))
    .limit(1);
  return r.length > 0;
}
