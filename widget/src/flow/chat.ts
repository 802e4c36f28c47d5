import type { ReadonlySignal, Signal } from '@preact/signals-core';
import type { Draft, Errors } from './contact';
import type { IntentId, Lang } from '@frontdesk/shared';
import type { ApiPort, Failure, Range, Result, Site, When } from './port';

/**
 * What the bot says, as data: the UI turns it into words in the current language,
 * so a saved conversation can be shown again in any language.
 */
export type Say =
  | { k: 'hello' }
  | { k: 'booked'; start: string; end: string; serviceId: string; staffId: string; manageToken: string }
  | { k: 'range'; range: Range; factors: string[]; currency: string }
  | { k: 'final'; price: number; range: Range; summary: string; factors: string[]; currency: string }
  /** Text the service wrote (a quote question). */
  | { k: 'q'; text: string }
  /**
   * A sentence from the strings, by key; an instant (`start`, or `by` for a reply time) fills
   * its {t}, a business-local `day` its {day}.
   */
  | {
      k: 'again' | 'service' | 'staff' | 'slots' | 'slotsDay' | 'taken' | 'expired' | 'contact' | 'tree'
        | 'handoff' | 'sent' | 'managed' | 'none' | 'moved' | 'cancelled';
      start?: string;
      day?: string;
      by?: string;
    };

export type Message = { id: number; from: 'bot'; say: Say } | { id: number; from: 'user'; text: string };

export type FlowName = 'menu' | 'booking' | 'quote' | 'handoff' | 'manage';

/** A failure the visitor can retry: the input that caused it is kept in the model. */
export interface Problem { code: Failure['code']; retry: () => void }

export type WidgetEvent = 'ready' | 'open' | 'close' | 'quote' | 'booked' | 'handoff';

export interface FlowDeps {
  api: ApiPort;
  now: () => Date;
  emit: (event: WidgetEvent, detail: Record<string, unknown>) => void;
  /** A fresh random id, for idempotency keys. */
  newId: () => string;
  /** Manage tokens of bookings made in this browser, newest last. */
  tokens: { list: () => string[]; add: (token: string) => void };
}

export interface BookingStart { serviceId?: string | undefined; when?: When | undefined }
export interface HandoffStart { intent: IntentId; message?: string; summary?: string }

/** What every flow gets from the conversation that owns it. */
export interface Chat {
  deps: FlowDeps;
  siteKey: Signal<string>;
  lang: ReadonlySignal<Lang>;
  site: ReadonlySignal<Site | null>;
  /** The contact form, shared by booking and hand-off so nothing is typed twice. */
  draft: Signal<Draft>;
  errors: Signal<Errors>;
  bot(say: Say): void;
  user(text: string | undefined): void;
  go(flow: FlowName): void;
  /**
   * Runs a call with the busy flag up. A failure that no flow handles specially
   * becomes a retryable problem; `handled` lists the codes the caller deals with.
   */
  call<T>(run: () => Promise<Result<T>>, retry: () => void, handled?: Failure['code'][]): Promise<Result<T>>;
  loadSite(siteKey: string): Promise<void>;
  /** Late-bound so flows can hand over to each other without importing each other. */
  to: {
    booking(start: BookingStart): void;
    handoff(start: HandoffStart): void;
  };
}
