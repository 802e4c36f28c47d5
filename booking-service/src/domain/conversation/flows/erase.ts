/**
 * "Delete my data" asked in the chat, in words ("удалите мои данные", "delete my data",
 * "ջնջեք իմ տվյալները"): the bot says once what will be deleted and asks; only a yes asks the
 * conversation service to erase (services/privacy, the `proven` reach: this conversation and what
 * was booked or asked in it, never other rows that merely share a contact). A no changes nothing
 * and goes back to where the visitor was.
 */
import { foldText } from '../../intent/normalize-text.js';
import type { ResultOf } from '../effects.js';
import type { Turn } from '../turn.js';
import { reask } from './reask.js';

// A verb of deleting or forgetting AND what is to go (data, contact, the conversation, "me"):
// "удалите запись" (a booking) or "delete my booking" are not asks to be forgotten.
const ASKS: RegExp[] = [
  // ru: удалите/удалить/сотрите/уничтожьте … мои данные / персональные данные / мой номер / переписку
  /(^|[^а-я])(удал|стер|сотр|уничтож)[а-я]*( [а-я-]+){0,4} (мои|мой|моих|мою|мое|персональн|личн|все)[а-я]* ?(данн|информац|контакт|телефон|номер|почт|переписк|разговор|сообщени)/,
  /(^|[^а-я])(удал|стер|сотр|уничтож)[а-я]*( [а-я-]+){0,4} (данн|персональн|информаци)[а-я]* (обо мне|о себе|мои)/,
  /(^|[^а-я])(удал|стер|сотр|уничтож)[а-я]*( [а-я-]+){0,3} (меня|мои данные|персональные данные)( |$)/,
  /(^|[^а-я])забуд(ь|ьте)[а-я]* (меня|мои данные)/,
  // en
  /\b(delete|erase|remove|wipe|destroy|purge)\b( [a-z'’-]+){0,4} (my|all my|all of my) (personal )?(data|details|information|info|contact|phone number|number|e-?mail|conversation|chat|messages)\b/,
  /\b(delete|erase|remove|wipe)\b( [a-z'’-]+){0,3} (me|everything about me|all data about me|data about me|personal data)\b/,
  /\bforget (me|about me|my data)\b/,
  /\bright to (be forgotten|erasure)\b/,
  // hy: ջնջեք/ջնջել … իմ տվյալները / տվյալներս / կոնտակտս / զրույցը; մոռացեք ինձ
  /ջնջ[\u0561-\u0587]*( [\u0561-\u0587-]+){0,4} (իմ )?(տվյալ|անձնական|կոնտակտ|հեռախոս|համար|նամակագր|զրույց|նամակներ)/,
  /ջնջ[\u0561-\u0587]* ինձ/,
  /մոռաց[\u0561-\u0587]* ինձ/,
];

/** True when the text asks to delete the visitor's data (any of the business's languages). */
export function asksToErase(text: string): boolean {
  const folded = foldText(text).replace(/[.,!?;:«»"()]+/g, ' ').replace(/\s+/g, ' ').trim();
  return ASKS.some((r) => r.test(folded));
}

/** Says what is deleted and what stays, and asks once (the prompt is a yes/no). */
export function askErase(t: Turn): void {
  const s = t.state.step;
  // Asking again while the question is on screen asks nothing new.
  const back = s.at === 'confirm-erase' ? s.back : s;
  t.say('eraseAsk', { n: t.state.manage.made.length });
  t.go({ at: 'confirm-erase', back });
}

export function confirmErase(t: Turn, yes: boolean): void {
  const s = t.state.step;
  if (s.at !== 'confirm-erase') return;
  if (yes) return t.request({ kind: 'erase' });
  t.say('eraseKept');
  t.go(s.back);
  if (s.back.at === 'live' || s.back.at === 'menu' || s.back.at === 'closed') return;
  reask(t);
}

export function onErased(t: Turn, r: ResultOf<'erase'>): void {
  // The question stays on screen: "yes" again retries.
  if (!r.ok) return t.say('error');
  t.say('erased');
  // Nothing of the person stays in the state either: the conversation row is emptied with it.
  t.state.contact = null;
  t.state.handoff = null;
  t.state.status = 'closed';
  t.go({ at: 'closed' });
}
