/**
 * The slice of the WhatsApp Cloud API (Meta's Graph API) the service uses, per business phone
 * number (adapters/whatsapp/ implements it against `WHATSAPP_API_ROOT`: graph.facebook.com, or
 * the loopback emulator in tests and the demo).
 */
import type { WaOut } from '../domain/channels/whatsapp-render.js';

export interface WhatsAppCredentials {
  phoneNumberId: string;
  accessToken: string;
}

export interface WhatsAppNumber {
  id: string;
  displayPhoneNumber: string;
  verifiedName: string;
}

export interface WhatsAppApi {
  /** The number the credentials reach (checks both the id and the token). */
  phoneNumber(): Promise<WhatsAppNumber>;
  /** Accepted for delivery: the message id (`wamid.…`). Throws WhatsAppError when refused. */
  send(to: string, message: WaOut): Promise<{ messageId: string }>;
}

export type WhatsAppApiFactory = (creds: WhatsAppCredentials) => WhatsAppApi;

/** The Graph API refused a call (`error.code` from its error object, e.g. 190 = bad token). */
export class WhatsAppError extends Error {
  constructor(message: string, readonly status: number, readonly code: number | undefined) {
    super(message);
    this.name = 'WhatsAppError';
  }

  /** The token is no longer valid (revoked, expired): the connection is broken, retrying will not help. */
  get unauthorized(): boolean {
    return this.status === 401 || this.code === 190;
  }

  /** Worth another attempt later: throttled (Graph 4/80007/130429/131056) or Meta's side failed. */
  get retryable(): boolean {
    return this.status === 429 || this.status >= 500 || [4, 80007, 130429, 131056, 131000, 2].includes(this.code ?? -1);
  }
}
