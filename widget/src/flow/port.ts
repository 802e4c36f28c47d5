/**
 * The booking service as the flows see it: plain data in, `Result` out.
 * `api.ts` implements this over tRPC; unit tests implement it with a fake.
 * Instants are ISO-8601 UTC strings; calendar days are business-local 'YYYY-MM-DD'.
 */
import type { IntentId, Lang } from '@frontdesk/shared';

/** @deprecated import `Lang` and `IntentId` from '@frontdesk/shared' (kept while other branches land) */
export type { IntentId, Lang };

/** Amounts are in the currency's major unit (roubles, drams, dollars). */
export type Price = { kind: 'fixed'; amount: number } | { kind: 'range'; min: number; max: number };
export interface Range { min: number; max: number }

export interface Service {
  id: string;
  name: string;
  description?: string | null | undefined;
  durationMin: number;
  price: Price;
  currency: string;
  staffIds: string[];
}
export interface Staff { id: string; name: string; timeZone?: string }
export interface Hours { start: string; end: string }
export interface Business {
  name: string;
  address: string;
  phone?: string | null | undefined;
  timeZone: string;
  currency: string;
  languages: Lang[];
  defaultLang: Lang;
  /** Keyed by ISO weekday, '1' = Monday. */
  openingHours: Partial<Record<string, Hours[]>>;
  cancellationWindowMin: number;
  whatToBring?: string | null | undefined;
}
export interface Site {
  siteKey: string;
  lang: Lang;
  business: Business;
  services: Service[];
  staff: Staff[];
  widget: {
    color: string;
    position: 'right' | 'left';
    greeting: string;
    /** `label` null = the widget's own wording. */
    intents: { id: IntentId; label: string | null }[];
    quoteTrees: { id: string; title: string; serviceIds: string[] }[];
  };
}

export interface Slot { start: string; end: string; staffId: string; staffIds?: string[] }
export interface Hold { holdToken: string; expiresAt: string; staffId: string }
export interface Customer { name: string; phone?: string; email?: string }
export interface Booking {
  id: string;
  start: string;
  end: string;
  serviceId: string;
  staffId: string;
  status: string;
}
export interface Confirmed { booking: Booking; manageToken: string }
export interface Managed {
  booking: Booking & { serviceName: string; staffName: string; customerName: string | null };
  business: { name: string; address: string; timeZone: string; whatToBring?: string | null | undefined };
  siteKey: string | null;
  cancellation: { allowed: boolean; deadline: string };
}

export type Question =
  | { id: string; text: string; type: 'choice'; options: { id: string; label: string }[] }
  | { id: string; text: string; type: 'number'; min: number; max: number; step: number; unit?: string | undefined };
export type QuoteStep =
  | { kind: 'question'; question: Question; range?: Range | undefined; factors: string[]; currency: string }
  | { kind: 'final'; price: number; range: Range; serviceId: string | null; summary: string; factors: string[]; currency: string }
  /** `reason` says, in the visitor's language, why a person has to take over. */
  | { kind: 'handoff'; summary: string; reason?: string | undefined };

/** What free text asked for. `minuteOfDay` is business-local minutes since midnight. */
export interface When { kind: 'at' | 'after' | 'before' | 'day'; date: string; minuteOfDay?: number | undefined }
/** `when` is `{ kind: 'none' }` when the text names no day or time. */
export interface Interpretation { intent: IntentId; when?: When | { kind: 'none' } | undefined }
export interface HandoffReceipt { id: string; expectedReplyBy: string; withinOpeningHours: boolean }

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
export interface Failure {
  code: FailureCode;
  fields?: { path: string; message: string }[] | undefined;
  alternatives?: Slot[] | undefined;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: Failure };

export interface ApiPort {
  site(input: { siteKey: string; lang?: Lang }): Promise<Result<Site>>;
  slots(input: { siteKey: string; serviceId: string; staffId?: string; from: string; days?: number }): Promise<Result<{ timeZone: string; slots: Slot[] }>>;
  hold(input: { siteKey: string; serviceId: string; staffId?: string; start: string }): Promise<Result<Hold>>;
  confirm(input: { holdToken: string; customer: Customer; consent: true; lang: Lang; note?: string; idempotencyKey: string }): Promise<Result<Confirmed>>;
  booking(input: { manageToken: string }): Promise<Result<Managed>>;
  reschedule(input: { manageToken: string; start: string }): Promise<Result<{ booking: Booking }>>;
  cancel(input: { manageToken: string; reason?: string }): Promise<Result<{ booking: Booking }>>;
  quote(input: { siteKey: string; treeId: string; answers: Record<string, string | number>; lang: Lang }): Promise<Result<QuoteStep>>;
  interpret(input: { siteKey: string; text: string; lang: Lang }): Promise<Result<Interpretation>>;
  handoff(input: { siteKey: string; message: string; contact: Customer; lang: Lang; intent?: IntentId; summary?: string }): Promise<Result<HandoffReceipt>>;
  /** The .ics download for a booking ("Add to calendar"). */
  icsUrl(manageToken: string): string;
  /** KPI events only the widget sees (panel opened, menu intent chosen): fire-and-forget. */
  event(input: { siteKey: string; kind: 'widget_opened' | 'intent_chosen'; intent?: IntentId }): void;
}
