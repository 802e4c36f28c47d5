/**
 * The greeting and the intent menu: what a channel shows at once (it renders them locally, so
 * the first turn replays them into the transcript), and the five ways in. "Other" is not "talk
 * to a person": it asks what the visitor needs and answers that.
 */
import { ownerText } from '../context.js';
import type { EngineContext } from '../context.js';
import type { IntentId, IntentOptionId, Option } from '../protocol.js';
import type { Lang } from '../../messages/types.js';
import type { Turn } from '../turn.js';
import { say } from '../words/index.js';
import { startBooking } from './booking.js';
import { startHandoff } from './handoff.js';
import { startManage } from './manage.js';
import { startQuote } from './quote.js';

export const INTENTS: readonly IntentId[] = ['prices', 'book', 'human', 'my_booking', 'other'];

export const intentOption = (id: IntentId): IntentOptionId => `intent:${id}`;

export function intentOf(optionId: string): IntentId | null {
  const id = optionId.startsWith('intent:') ? optionId.slice('intent:'.length) : '';
  return (INTENTS as readonly string[]).includes(id) ? (id as IntentId) : null;
}

export function greeting(ctx: EngineContext, lang: Lang): string {
  return ownerText(ctx, ctx.greeting, lang) ?? say(lang, 'hello');
}

/**
 * The menu in the owner's order. An owner's label only in the visitor's own language: the bot's
 * wording beats an owner's label in another language (a Russian visitor must not get "Book a chair").
 */
export function menuOptions(ctx: EngineContext, lang: Lang, first?: IntentId): Option[] {
  const intents: EngineContext['intents'] = ctx.intents.length > 0 ? ctx.intents : INTENTS.map((id) => ({ id }));
  const options = intents.map((i) => ({ id: intentOption(i.id), label: i.label?.[lang] || say(lang, `intent.${i.id}`) }));
  const guessed = options.find((o) => o.id === (first && intentOption(first)));
  return guessed ? [guessed, ...options.filter((o) => o !== guessed)] : options;
}

export function toMenu(t: Turn, key: 'again' | 'didYouMean' = 'again'): void {
  if (t.state.status === 'closed') t.state.status = 'bot';
  t.go({ at: 'menu' });
  t.say(key);
}

/**
 * Text the bot could not read: the menu again, with the one best guess named and offered first
 * ("Did you mean “Prices”?"); without a guess (or when the owner's menu lacks it), the plain question.
 */
export function didYouMean(t: Turn, guess: IntentId | null): void {
  const option = guess ? menuOptions(t.ctx, t.lang).find((o) => o.id === intentOption(guess)) : undefined;
  if (!guess || !option) return toMenu(t, 'didYouMean');
  if (t.state.status === 'closed') t.state.status = 'bot';
  t.go({ at: 'menu', guess });
  t.say('didYouMeanOne', { label: option.label });
}

export function chooseIntent(t: Turn, intent: IntentId): void {
  t.fact({ kind: 'intent_chosen', intent });
  t.state.intent = intent;
  if (t.state.status === 'closed') t.state.status = 'bot';
  switch (intent) {
    case 'prices':
      return startQuote(t);
    case 'book':
      return startBooking(t);
    case 'human':
      return startHandoff(t, { intent: 'human' });
    case 'my_booking':
      return startManage(t);
    case 'other':
      t.go({ at: 'other' });
      t.say('otherAsk');
  }
}
