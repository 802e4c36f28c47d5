/**
 * /follow-up?t=… — where every link of a follow-up leads (services/follow-ups/deliver.ts): the
 * last messages of the conversation and what the bot asks now, as plain buttons and forms, played
 * as turns of the same engine (POST → 303 → GET, no script). `do=book` puts the quote's "book"
 * first; `do=stop` asks to confirm "not interested" (a GET never changes anything: mail scanners
 * open links).
 */
import { escapeHtml, type Lang } from '@frontdesk/shared';
import express, { Router, type Request, type Response } from 'express';
import { eq } from 'drizzle-orm';
import { businesses, conversations } from '../adapters/db/schema.js';
import type { Prompt, VisitorEvent } from '../domain/conversation/protocol.js';
import { formatWhen } from '../domain/messages/format.js';
import type { Deps } from '../services/deps.js';
import { sendLinkTurn } from '../services/conversation/turns.js';
import { readMessages } from '../services/conversation/transcript.js';
import { verifyToken } from '../services/tokens.js';
import { sendPage } from './html.js';
import { sendPageFailure } from './unavailable.js';

const WORDS: Record<Lang, { title: (b: string) => string; stopAsk: (b: string) => string; stop: string; stopped: string; more: string; consent: string; send: string; name: string; contact: string; invalid: [string, string] }> = {
  en: {
    title: (b) => `${b}`,
    stopAsk: (b) => `Stop messages from ${b} about this request?`,
    stop: 'Not interested',
    stopped: 'Done: we will not write about this again.',
    more: 'More times',
    consent: 'I agree to be contacted about this booking',
    send: 'Send',
    name: 'Name',
    contact: 'Phone or e-mail',
    invalid: ['This link does not work', 'The conversation may have been deleted. Write to the business again from its site.'],
  },
  ru: {
    title: (b) => `«${b}»`,
    stopAsk: (b) => `Больше не писать вам от «${b}» по этому запросу?`,
    stop: 'Не актуально',
    stopped: 'Готово: мы больше не напишем об этом.',
    more: 'Ещё время',
    consent: 'Согласен(на) на связь по этой записи',
    send: 'Отправить',
    name: 'Имя',
    contact: 'Телефон или e-mail',
    invalid: ['Ссылка не работает', 'Возможно, переписка удалена. Напишите заново на сайте.'],
  },
  hy: {
    title: (b) => `${b}`,
    stopAsk: (b) => `Դադարեցնե՞լ ${b}-ի հաղորդագրություններն այս հարցման վերաբերյալ։`,
    stop: 'Պետք չէ',
    stopped: 'Պատրաստ է։ Այլևս չենք գրի այս մասին։',
    more: 'Այլ ժամեր',
    consent: 'Համաձայն եմ, որ կապ հաստատեն ինձ հետ այս գրանցման վերաբերյալ',
    send: 'Ուղարկել',
    name: 'Անուն',
    contact: 'Հեռախոս կամ էլ. փոստ',
    invalid: ['Հղումը չի աշխատում', 'Հնարավոր է՝ զրույցը ջնջվել է։ Գրեք կրկին կայքից։'],
  },
};

/** What "not interested" is in the chat: the words the engine understands (intent/short-replies.ts). */
const STOP_TEXT: Record<Lang, string> = { en: 'No thanks', ru: 'Не актуально', hy: 'Պետք չէ' };

const STYLE = `<style>.msg{margin:8px 0;padding:8px 12px;border-radius:8px;white-space:pre-wrap}.from-visitor{background:#eef2ff;margin-left:48px}.from-bot,.from-staff,.from-system{background:#f9fafb;margin-right:48px}.who{display:block;font-size:13px;color:#6b7280}form.inline{display:inline}label{display:block;margin:6px 0}input[type=text]{font:inherit;padding:6px;width:100%;box-sizing:border-box}</style>`;

async function load(deps: Deps, token: string) {
  const id = verifyToken(deps.secret, token, 'follow-up');
  if (!id) return null;
  const [row] = await deps.db
    .select({ c: conversations, businessName: businesses.name, timeZone: businesses.timeZone })
    .from(conversations)
    .innerJoin(businesses, eq(businesses.id, conversations.businessId))
    .where(eq(conversations.id, id))
    .limit(1);
  return row ?? null;
}

function buttonForm(token: string, fields: Record<string, string>, label: string, primary = false): string {
  const hidden = Object.entries({ t: token, ...fields }).map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`).join('');
  return `<form class="inline" method="post" action="/follow-up">${hidden}<button type="submit" class="btn${primary ? ' primary' : ''}">${escapeHtml(label)}</button></form> `;
}

function promptHtml(token: string, p: Prompt | null, lang: Lang, tz: string, book: boolean): string {
  const w = WORDS[lang];
  if (!p) return '';
  const choose = (id: string, label: string, primary = false) => buttonForm(token, { a: 'choose', o: id }, label, primary);
  switch (p.kind) {
    case 'choice':
      return p.options.map((o) => choose(o.id, o.detail ? `${o.label} · ${o.detail}` : o.label, book && o.id === 'act:book')).join('');
    case 'confirm':
      return `<p>${escapeHtml(p.question)}</p>${choose(p.yes.id, p.yes.label, true)}${choose(p.no.id, p.no.label)}`;
    case 'slots':
      return p.slots.map((s) => choose(s.id, `${formatWhen(Date.parse(s.start), tz, lang)}${s.staffName ? ` · ${s.staffName}` : ''}`)).join('') +
        (p.more ? buttonForm(token, { a: 'more' }, w.more) : '') + (p.actions ?? []).map((o) => choose(o.id, o.label)).join('');
    case 'contact':
      if (p.fields.includes('message')) return '';
      return `<form method="post" action="/follow-up"><input type="hidden" name="t" value="${escapeHtml(token)}"><input type="hidden" name="a" value="contact">` +
        `<label>${escapeHtml(w.name)}<input type="text" name="name" value="${escapeHtml(p.values?.name ?? '')}" required></label>` +
        `<label>${escapeHtml(w.contact)}<input type="text" name="contact" value="${escapeHtml(p.values?.contact ?? '')}" required></label>` +
        `<label><input type="checkbox" name="consent" value="on" required> ${escapeHtml(p.consent.text || w.consent)}</label>` +
        `<button type="submit" class="btn primary">${escapeHtml(p.submit)}</button></form>` + (p.actions ?? []).map((o) => choose(o.id, o.label)).join('');
    default:
      return (('actions' in p && p.actions) || []).map((o) => choose(o.id, o.label)).join('');
  }
}

/** The form's fields as a visitor event, or null when they make none. */
function eventOf(b: Record<string, unknown>, lang: Lang): VisitorEvent | null {
  const s = (k: string) => (typeof b[k] === 'string' ? b[k] : '');
  switch (s('a')) {
    case 'choose':
      return s('o') && s('o').length <= 200 ? { type: 'choose', optionId: s('o') } : null;
    case 'more':
      return { type: 'more' };
    case 'stop':
      return { type: 'text', text: STOP_TEXT[lang] };
    case 'contact':
      return { type: 'contact', name: s('name').slice(0, 200), contact: s('contact').slice(0, 200), consent: s('consent') === 'on' };
    default:
      return null;
  }
}

export function followUpPages(deps: Deps, log: (m: string, e?: unknown) => void): Router {
  const r = Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });

  const invalid = (req: Request, res: Response) => {
    const lang = (['ru', 'hy'] as const).find((l) => String(req.headers['accept-language'] ?? '').startsWith(l)) ?? 'en';
    const w = WORDS[lang];
    sendPage(res, 403, lang, w.invalid[0], `<h1>${escapeHtml(w.invalid[0])}</h1><section class="err"><p>${escapeHtml(w.invalid[1])}</p></section>`);
  };

  r.get('/follow-up', async (req, res) => {
    try {
      const token = typeof req.query.t === 'string' ? req.query.t : '';
      const row = await load(deps, token);
      if (!row) return invalid(req, res);
      const { c } = row;
      const lang = c.lang;
      const w = WORDS[lang];
      const title = w.title(row.businessName);
      if (req.query.do === 'stop' && c.outcome !== 'not_interested') {
        return sendPage(res, 200, lang, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(w.stopAsk(row.businessName))}</p>${buttonForm(token, { a: 'stop' }, w.stop, true)}`);
      }
      const messages = (await readMessages(deps.db, c.id, Math.max(0, c.seq - 6))).filter((m) => m.text);
      const items = messages.map((m) => `<div class="msg from-${m.from}"><span class="who"><time datetime="${escapeHtml(m.at)}">${escapeHtml(formatWhen(Date.parse(m.at), row.timeZone, lang))}</time></span>${escapeHtml(m.text)}</div>`).join('');
      const prompt = c.status === 'closed' ? null : ((c.state as { prompt?: Prompt }).prompt ?? null);
      const body = STYLE + `<h1>${escapeHtml(title)}</h1>` +
        (c.outcome === 'not_interested' ? `<section class="ok" role="status"><p>${escapeHtml(w.stopped)}</p></section>` : '') +
        `<section>${items}</section><section id="now">${promptHtml(token, prompt, lang, row.timeZone, req.query.do === 'book')}</section>` +
        (c.outcome === 'not_interested' || c.outcome === 'booked' ? '' : `<p>${buttonForm(token, { a: 'stop' }, w.stop)}</p>`);
      sendPage(res, 200, lang, title, body);
    } catch (err) {
      sendPageFailure(req, res, err, log, '[follow-up page]');
    }
  });

  r.post('/follow-up', form, async (req, res) => {
    try {
      const b = (req.body ?? {}) as Record<string, unknown>;
      const token = typeof b.t === 'string' ? b.t : '';
      const row = await load(deps, token);
      if (!row) return invalid(req, res);
      const event = eventOf(b, row.c.lang);
      if (!event) return void res.status(400).type('text/plain').send('a: one of choose, more, stop, contact (with o for choose)');
      // A conversation already closed as "not interested" stays so: a second tap changes nothing.
      if (!(event.type === 'text' && row.c.outcome === 'not_interested')) {
        const done = await sendLinkTurn(deps, row.c.id, event, { optOut: b.a === 'stop' });
        if (!done.ok && done.reason !== 'CONVERSATION_BUSY') return invalid(req, res);
      }
      res.redirect(303, `/follow-up?t=${encodeURIComponent(token)}#now`);
    } catch (err) {
      sendPageFailure(req, res, err, log, '[follow-up page]');
    }
  });
  return r;
}
