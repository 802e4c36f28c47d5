/**
 * The owner's questions and answers (issue 18): list, add, edit, delete, and "answer an
 * unanswered question" — the entry is written and the question leaves the unanswered list in
 * one transaction, so a question is never both answered and still waiting.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Lang } from '@frontdesk/shared';
import { kbEntries, kbUnanswered, services } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';

export interface KbEntryInput {
  lang: Lang;
  question: string;
  /** Other ways visitors ask it, one per item. */
  phrasings: string[];
  answer: string;
  serviceId: string | null;
}

export interface KbEntry extends KbEntryInput {
  id: string;
  updatedAt: string;
}

const toEntry = (r: typeof kbEntries.$inferSelect): KbEntry => ({
  id: r.id,
  lang: r.lang,
  question: r.question,
  phrasings: r.phrasings.split('\n').filter((p) => p.trim()),
  answer: r.answer,
  serviceId: r.serviceId,
  updatedAt: r.updatedAt.toISOString(),
});

export async function listEntries(deps: Pick<Deps, 'db'>, businessId: string): Promise<KbEntry[]> {
  const rows = await deps.db.select().from(kbEntries).where(eq(kbEntries.businessId, businessId)).orderBy(asc(kbEntries.lang), asc(kbEntries.createdAt), asc(kbEntries.id));
  return rows.map(toEntry);
}

type Db = Deps['db'];

async function serviceOk(db: Db, businessId: string, serviceId: string | null): Promise<boolean> {
  if (serviceId === null) return true;
  const found = await db.select({ id: services.id }).from(services).where(and(eq(services.businessId, businessId), eq(services.id, serviceId)));
  return found.length > 0;
}

const columns = (input: KbEntryInput) => ({
  lang: input.lang,
  question: input.question.trim(),
  phrasings: input.phrasings.map((p) => p.trim().replace(/\s+/g, ' ')).filter(Boolean).join('\n'),
  answer: input.answer.trim(),
  serviceId: input.serviceId,
});

const badService = () => fail('SERVICE_NOT_FOUND', 'No such service', { field: 'serviceId' });

/** `fromUnanswered`: the unanswered question this entry answers; it leaves that list in the same transaction. */
export async function createEntry(deps: Pick<Deps, 'db' | 'clock'>, businessId: string, input: KbEntryInput, fromUnanswered?: string): Promise<Result<KbEntry>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    if (!(await serviceOk(tx, businessId, input.serviceId))) return badService();
    const [row] = await tx.insert(kbEntries).values({ id: randomUUID(), businessId, ...columns(input), createdAt: now, updatedAt: now }).returning();
    if (fromUnanswered) await tx.delete(kbUnanswered).where(and(eq(kbUnanswered.businessId, businessId), eq(kbUnanswered.id, fromUnanswered)));
    return ok(toEntry(row!));
  });
}

export async function updateEntry(deps: Pick<Deps, 'db' | 'clock'>, businessId: string, id: string, input: KbEntryInput): Promise<Result<KbEntry>> {
  if (!(await serviceOk(deps.db, businessId, input.serviceId))) return badService();
  const [row] = await deps.db
    .update(kbEntries)
    .set({ ...columns(input), updatedAt: deps.clock.now() })
    .where(and(eq(kbEntries.businessId, businessId), eq(kbEntries.id, id)))
    .returning();
  return row ? ok(toEntry(row)) : fail('KB_ENTRY_NOT_FOUND', 'No such entry', { field: 'id' });
}

export async function deleteEntry(deps: Pick<Deps, 'db'>, businessId: string, id: string): Promise<Result<{ id: string }>> {
  const gone = await deps.db.delete(kbEntries).where(and(eq(kbEntries.businessId, businessId), eq(kbEntries.id, id))).returning({ id: kbEntries.id });
  return gone.length ? ok({ id }) : fail('KB_ENTRY_NOT_FOUND', 'No such entry', { field: 'id' });
}
