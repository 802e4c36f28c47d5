import type { MailTransport } from '../adapters/mail/transport.js';
import type { GoogleRuntime } from '../services/calendar-sync/deps.js';
import type { Deps } from '../services/deps.js';
import type { ChannelsRuntime } from '../services/channels/runtime.js';

/** What job handlers receive: the services' deps plus the outside systems jobs talk to. */
export interface JobDeps extends Deps {
  transport: MailTransport;
  /** `Name <address>` the mail comes from. */
  mailFrom: string;
  /** Names this process in job leases. */
  workerId: string;
  /** How long a claimed job stays reserved for its worker (ms). */
  leaseMs: number;
  /** How often a long step (an SMTP send) extends its lease (ms); default a quarter lease (jobs/keep-lease.ts). */
  heartbeatMs?: number | undefined;
  log: (msg: string, err?: unknown) => void;
  /** The Google Calendar integration; absent when not configured (its jobs then skip). */
  google?: GoogleRuntime | undefined;
  /** Messengers and SMS (issue 16); absent = booking messages go by e-mail only. */
  channels?: ChannelsRuntime | undefined;
}
