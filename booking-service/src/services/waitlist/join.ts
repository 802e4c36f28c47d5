/**
 * Joining the waiting list (the chat's `joinWaitlist` effect, flows/waitlist.ts): one entry row,
 * written in the turn's transaction with the job that ends it when its window is over. The
 * contact was consented to in the chat (the contact step); its time is the entry's consent_at.
 */
import { randomUUID } from 'node:crypto';
import type { Lang } from '@frontdesk/shared';
import type { Queryable } from '../../adapters/db/client.js';
import { enqueue } from '../../adapters/job-queue/queue.js';
import { waitlistEntries } from '../../adapters/db/schema.js';
import type { ContactPoint } from '../../domain/conversation/contact.js';
import type { ConversationChannel } from '../../domain/conversation/protocol.js';
import { windowEnd, type DayPart } from '../../domain/waitlist/window.js';

export interface JoinInput {
  businessId: string;
  timeZone: string;
  serviceId: string;
  staffId: string | null;
  fromDay: string;
  toDay: string;
  part: DayPart;
  name: string;
  contact: ContactPoint;
  lang: Lang;
  conversationId: string | null;
  channel: ConversationChannel;
}

export async function joinWaitlist(db: Queryable, input: JoinInput, now: Date): Promise<string> {
  const id = randomUUID();
  const expiresAt = new Date(windowEnd(input, input.timeZone));
  await db.insert(waitlistEntries).values({
    id,
    businessId: input.businessId,
    serviceId: input.serviceId,
    staffId: input.staffId,
    fromDay: input.fromDay,
    toDay: input.toDay,
    part: input.part,
    name: input.name,
    email: input.contact.email ?? null,
    phone: input.contact.phone ?? null,
    lang: input.lang,
    conversationId: input.conversationId,
    channel: input.channel,
    consentAt: now,
    status: 'waiting',
    expiresAt,
    createdAt: now,
    updatedAt: now,
  });
  await enqueue(db, { kind: 'waitlist.expire-entry', payload: { entryId: id }, runAt: expiresAt });
  return id;
}
