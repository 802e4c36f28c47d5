import type { Signal } from '@preact/signals-core';
import type { Conversation } from '../flow/conversation';
import type { Format, Strings } from '../i18n';

/** What every component reads: the model, the words, the formatters and a few host facts. */
export interface View {
  m: Conversation;
  t: Strings;
  f: Format;
  inline: boolean;
  close: () => void;
  /** Contact and code fields as typed, in memory only (never stored): a refused form keeps them. */
  draft: Record<string, string>;
  /** Characters in the message box once near the limit (0 below it): the counter's figure. */
  typed: Signal<number>;
}
