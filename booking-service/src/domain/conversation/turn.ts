/**
 * One step of the engine being built: the state it changes and what it says, asks for and
 * records. A `Turn` starts from a private copy of the state, so a step is a pure function from
 * the caller's point of view (same input, same output; nothing outside is touched).
 */
import type { Card, ConversationOutcome, IntentId } from './protocol.js';
import type { EngineContext } from './context.js';
import type { Effect } from './effects.js';
import type { ConversationState, Step } from './state.js';
import { say, type Values, type WordKey } from './words/index.js';

export interface OutMessage {
  from: 'bot' | 'visitor';
  text: string;
  card?: Card | undefined;
}

/** What happened that the KPIs count (recorded as events in the turn's transaction). */
export type Fact =
  | { kind: 'intent_chosen'; intent: IntentId }
  | { kind: 'quote_given'; treeId: string; price: number; serviceId: string | null };

export interface TurnOutput {
  state: ConversationState;
  messages: OutMessage[];
  /** I/O to carry out, then `resume` with its result; null = the turn is complete. */
  effect: Effect | null;
  facts: Fact[];
}

/** A later outcome does not undo a better one: a booked conversation stays booked. */
const OUTCOME_RANK: Record<ConversationOutcome, number> = { booked: 3, handed_off: 2, not_interested: 1, lost: 0 };

export class Turn {
  readonly messages: OutMessage[] = [];
  readonly facts: Fact[] = [];
  effect: Effect | null = null;
  readonly state: ConversationState;

  constructor(state: ConversationState, readonly ctx: EngineContext) {
    this.state = structuredClone(state);
  }

  get lang() {
    return this.state.lang;
  }

  /** A sentence of the message table, in the conversation's language. */
  word(key: WordKey, values?: Values): string {
    return say(this.state.lang, key, values);
  }

  say(key: WordKey, values?: Values, card?: Card): void {
    this.bot(this.word(key, values), card);
  }

  bot(text: string, card?: Card): void {
    this.messages.push({ from: 'bot', text, ...(card ? { card } : {}) });
  }

  /** The visitor's side of the transcript: what they typed or the label of what they chose. */
  visitor(text: string): void {
    if (text) this.messages.push({ from: 'visitor', text });
  }

  go(step: Step): void {
    this.state.step = step;
  }

  request(effect: Effect): void {
    this.effect = effect;
  }

  fact(f: Fact): void {
    this.facts.push(f);
  }

  outcome(o: ConversationOutcome): void {
    const now = this.state.outcome;
    if (!now || OUTCOME_RANK[o] >= OUTCOME_RANK[now]) this.state.outcome = o;
  }

  output(): TurnOutput {
    return { state: this.state, messages: this.messages, effect: this.effect, facts: this.facts };
  }
}
