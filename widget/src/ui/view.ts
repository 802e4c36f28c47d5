import type { Conversation } from '../flow/conversation';
import type { ApiPort } from '../flow/port';
import type { Format, Strings } from '../i18n';

/** What every component reads: the model, the words, the formatters and a few host facts. */
export interface View {
  m: Conversation;
  t: Strings;
  f: Format;
  api: ApiPort;
  /** The booking host, for the manage link. */
  base: string;
  inline: boolean;
  close: () => void;
  /** The business time zone, once known. */
  tz: string;
}
