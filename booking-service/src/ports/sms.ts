/**
 * Sending one text message through the configured provider (issue 16). One implementation per
 * provider HTTP API (adapters/sms/); the demo and tests point it at a loopback fake.
 */
export interface SmsSender {
  /** The provider's message id; throws SmsError when the provider refused or failed. */
  send(to: string, text: string): Promise<{ id: string }>;
}

export class SmsError extends Error {
  /** false: retrying cannot help (a wrong number, a bad key) — fall back to another channel at once. */
  constructor(message: string, readonly retryable: boolean) {
    super(message);
    this.name = 'SmsError';
  }
}
