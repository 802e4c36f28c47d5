/**
 * Sending one text message through the configured provider (issue 16). One implementation per
 * provider HTTP API (adapters/sms/); the demo and tests point it at a loopback fake.
 */
export interface SmsSender {
  /** The provider's message id; throws SmsError when the provider refused or failed. */
  send(to: string, text: string): Promise<{ id: string }>;
  /**
   * Whether a client can answer this provider's texts (a real number with an inbound webhook,
   * e.g. Twilio): then a reminder says "reply 1 / 2" (services/channels/sms-inbound.ts answers).
   */
  readonly acceptsReplies?: boolean;
}

export class SmsError extends Error {
  /** false: retrying cannot help (a wrong number, a bad key) — fall back to another channel at once. */
  constructor(message: string, readonly retryable: boolean) {
    super(message);
    this.name = 'SmsError';
  }
}

/** A text a client sent to the provider's number, once its webhook request was proven genuine. */
export interface SmsInboundMessage {
  /** The provider's message id: a redelivered webhook carries the same one. */
  id: string;
  /** The client's number as the provider gives it (E.164, e.g. +79001234567). */
  from: string;
  text: string;
}

/**
 * Reads a provider's inbound webhook (`POST /channels/sms/<provider>`): null when the request is
 * not signed by the provider (the caller answers 403 and changes nothing); 'ignored' for a
 * genuine request that is no client's text (a delivery status).
 */
export interface SmsInboundReader {
  /** The URL path segment, e.g. 'twilio'. */
  readonly provider: string;
  read(req: { url: string; form: Record<string, string>; header: (name: string) => string | undefined }): SmsInboundMessage | 'ignored' | null;
}
