/**
 * After a language switch the question on screen is asked again in the new language (the
 * visitor may have switched because they could not read it); the prompt under it is rendered
 * from the state anyway. Steps without a question (a card on show, a live chat) say nothing.
 */
import { localize } from '../../quote/localized-text.js';
import { contactText } from '../contact.js';
import { findTree } from '../context.js';
import { configOf } from './qualify.js';
import type { Turn } from '../turn.js';
import { dayWords, instantWords } from '../words/format.js';

export function reask(t: Turn): void {
  const s = t.state.step;
  const tz = t.ctx.business.timeZone;
  const b = t.state.booking;
  switch (s.at) {
    case 'menu':
    case 'closed':
    case 'booked':
      return t.say('again');
    case 'other':
      return t.say('otherAsk');
    case 'service':
      return t.say(s.ids ? 'askServiceOf' : s.purpose === 'price' ? 'askTree' : 'askService');
    case 'staff':
      return t.say('askStaff');
    case 'slots':
    case 'move-slots': {
      const list = s.at === 'slots' ? b?.list : t.state.manage.moveList;
      return list?.mode === 'day' && list.day ? t.say('slotsDay', { ...dayWords(list.day, t.lang) }) : t.say('slotsNearest');
    }
    case 'contact':
      if (s.purpose === 'handoff') return t.say('handoffContact');
      if (s.purpose === 'waitlist') return t.say('waitlistContact');
      if (b?.hold) return t.say('held', { ...instantWords(b.hold.slot.start, tz, t.lang), minutes: t.ctx.business.holdMinutes });
      return t.say('fillForm');
    case 'confirm-booking': {
      const c = t.state.contact;
      if (!b?.hold || !c) return;
      return t.say('heldKnown', { ...instantWords(b.hold.slot.start, tz, t.lang), minutes: t.ctx.business.holdMinutes, name: c.name, contact: contactText(c.contact) });
    }
    case 'tree':
      return t.say('askTree');
    case 'question': {
      const tree = findTree(t.ctx, t.state.quote?.treeId);
      const q = tree?.questions.find((x) => x.id === s.questionId);
      if (tree && q) t.bot(localize(q.text, t.lang, tree.defaultLang));
      return;
    }
    case 'handoff-message':
      return t.say('handoffAsk');
    case 'lookup':
      return t.say('lookupAsk');
    case 'bookings':
      return t.say('yourBookings', { n: t.state.manage.shown.length });
    case 'confirm-move': {
      const shown = t.state.manage.shown.find((x) => x.id === s.bookingId);
      if (shown) t.say('confirmMove', { to: instantWords(s.slot.start, tz, t.lang).when, from: instantWords(shown.start, tz, t.lang).when });
      return;
    }
    case 'confirm-cancel': {
      const shown = t.state.manage.shown.find((x) => x.id === s.bookingId);
      if (shown) t.say('confirmCancel', { ...instantWords(shown.start, tz, t.lang) });
      return;
    }
    case 'confirm-erase':
      return t.say('eraseAsk', { n: t.state.manage.made.length });
    case 'qualify': {
      const q = configOf(t.ctx, t.state.qualify)?.questions[s.index];
      if (q) t.bot(localize(q.text, t.lang, t.ctx.business.defaultLang));
      return;
    }
    case 'unqualified':
      return t.say('qualify.alternatives');
    case 'waitlist-window':
      return t.say('waitlistWhen');
    case 'waitlist-part':
      return t.say('waitlistPart');
    default:
      return;
  }
}
