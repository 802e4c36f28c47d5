import type { GoogleEndpoints } from '../../adapters/google/calendar-client.js';
import type { TokenCipher } from '../../adapters/google/token-cipher.js';
import type { Deps } from '../deps.js';
import type { Pacer } from './pacing.js';

/** Everything the Google Calendar integration needs beyond the common deps; absent = integration off. */
export interface GoogleRuntime {
  endpoints: GoogleEndpoints;
  cipher: TokenCipher;
  pacer: Pacer;
  /** Public https URL of POST /google/push (Google refuses plain http outside the emulator). */
  webhookUrl: string;
  /** Requested push channel lifetime (s); channels are renewed a day before they expire. */
  channelTtlSec: number;
  /** True when the endpoints are the in-process emulator of the demo (dev/google-demo.ts), not Google. */
  demo?: boolean;
  /** The demo calendar's own page (add busy events, see bookings arrive); demo only. */
  demoCalendarUrl?: string;
}

export type SyncDeps = Deps & { google: GoogleRuntime };
