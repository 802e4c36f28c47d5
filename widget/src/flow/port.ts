/**
 * The booking service as the panel sees it: plain data in, `Result` out. `api.ts` implements
 * this over tRPC; unit tests implement it with a fake. The conversation itself (every flow)
 * runs on the server: the panel sends the visitor's events and renders what comes back
 * (booking-service/src/domain/conversation/protocol.ts).
 */
import type { IntentId, Lang } from '@frontdesk/shared';
import type { ConversationSource, ConversationView, VisitorEvent } from '../../../booking-service/src/domain/conversation/protocol';

export type * from '../../../booking-service/src/domain/conversation/protocol';

/** What the panel needs of the site before the first turn: the greeting, the menu, the brand. */
export interface Site {
  siteKey: string;
  lang: Lang;
  business: { name: string; languages: Lang[]; defaultLang: Lang };
  widget: {
    color: string;
    position: 'right' | 'left';
    greeting: string;
    /** `label` null = the widget's own wording. */
    intents: { id: IntentId; label: string | null }[];
  };
}

export type FailureCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'FORBIDDEN'
  | 'TOO_MANY_REQUESTS'
  /** The service could not be reached or answered with something that is not tRPC. */
  | 'NETWORK'
  | 'INTERNAL';
export interface Failure { code: FailureCode }
export type Result<T> = { ok: true; data: T } | { ok: false; error: Failure };

export interface SendInput {
  siteKey: string;
  conversationId?: string;
  token?: string;
  lang: Lang;
  prefs?: string[];
  source?: ConversationSource;
  after: number;
  event: VisitorEvent;
}

export interface ApiPort {
  site(input: { siteKey: string; lang?: Lang }): Promise<Result<Site>>;
  /** One visitor event in the server-held conversation (the first creates it). */
  send(input: SendInput): Promise<Result<ConversationView>>;
  /** The messages after `after` and the prompt now (resume, another tab). */
  get(input: { conversationId: string; token: string; after: number }): Promise<Result<ConversationView>>;
  /** KPI events only the widget sees (panel opened): fire-and-forget. */
  event(input: { siteKey: string; kind: 'widget_opened'; conversationId: string }): void;
}
