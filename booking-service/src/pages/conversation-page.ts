/**
 * /conversation?t=… — where the link in an e-mailed staff reply leads: the conversation so far
 * and a box to answer; the answer joins the same thread (the console sees it live). Plain HTML
 * form, no script (POST → 303 → GET).
 */
import { escapeHtml, type Lang } from '@frontdesk/shared';
import express, { Router, type Request, type Response } from 'express';
import { formatWhen } from '../domain/messages/format.js';
import type { Deps } from '../services/deps.js';
import { LINK_TEXT_MAX, openByLink, replyByLink } from '../services/conversation/link-reply.js';
import { sendPage } from './html.js';
import { sendPageFailure } from './unavailable.js';

const WORDS: Record<Lang, { title: (b: string) => string; you: string; bot: string; answer: string; send: string; sent: string; empty: string; tooLong: string; invalid: [string, string] }> = {
  en: {
    title: (b) => `Your conversation with ${b}`,
    you: 'You',
    bot: 'Assistant',
    answer: 'Your answer',
    send: 'Send',
    sent: 'Sent. You will get the answer here and by e-mail.',
    empty: 'Write a message first.',
    tooLong: `At most ${LINK_TEXT_MAX} characters.`,
    invalid: ['This link does not work', 'The conversation may have been deleted. Write to the business again from its site.'],
  },
  ru: {
    title: (b) => `Ваша переписка с «${b}»`,
    you: 'Вы',
    bot: 'Ассистент',
    answer: 'Ваш ответ',
    send: 'Отправить',
    sent: 'Отправлено. Ответ придёт сюда и на почту.',
    empty: 'Сначала напишите сообщение.',
    tooLong: `Не больше ${LINK_TEXT_MAX} символов.`,
    invalid: ['Ссылка не работает', 'Возможно, переписка удалена. Напишите заново на сайте.'],
  },
  hy: {
    title: (b) => `Ձեր զրույցը՝ ${b}`,
    you: 'Դուք',
    bot: 'Օգնական',
    answer: 'Ձեր պատասխանը',
    send: 'Ուղարկել',
    sent: 'Ուղարկված է։ Պատասխանը կստանաք այստեղ և էլ. փոստով։',
    empty: 'Նախ գրեք հաղորդագրություն։',
    tooLong: `Առավելագույնը ${LINK_TEXT_MAX} նիշ։`,
    invalid: ['Հղումը չի աշխատում', 'Հնարավոր է՝ զրույցը ջնջվել է։ Գրեք կրկին կայքից։'],
  },
};

const LANGS: Lang[] = ['ru', 'hy', 'en'];
function acceptLang(req: Request): Lang {
  for (const part of String(req.headers['accept-language'] ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if ((LANGS as string[]).includes(code)) return code as Lang;
  }
  return 'en';
}

const STYLE_EXTRA = `<style>.msg{margin:8px 0;padding:8px 12px;border-radius:8px;white-space:pre-wrap}.from-visitor{background:#eef2ff;margin-left:48px}.from-staff{background:#fff;border:1px solid #4f46e5;margin-right:48px}.from-bot,.from-system{background:#f9fafb;color:#374151;margin-right:48px}.who{display:block;font-size:13px;color:#6b7280}textarea{width:100%;box-sizing:border-box;font:inherit;padding:8px;border:1px solid #9ca3af;border-radius:6px}label{display:block;font-weight:600;margin-bottom:4px}.field-error{color:#b91c1c}</style>`;

export function conversationPages(deps: Deps, log: (m: string, e?: unknown) => void): Router {
  const r = Router();
  // 5000 characters of Armenian or Cyrillic, url-encoded, fit well within this.
  const form = express.urlencoded({ extended: false, limit: '64kb' });

  const render = async (req: Request, res: Response, token: string, notice: { sent?: boolean; error?: 'empty' | 'tooLong'; draft?: string } = {}) => {
    const c = await openByLink(deps, token);
    if (!c.ok) {
      const w = WORDS[acceptLang(req)];
      return sendPage(res, 403, acceptLang(req), w.invalid[0], `<h1>${escapeHtml(w.invalid[0])}</h1><section class="err"><p>${escapeHtml(w.invalid[1])}</p></section>`);
    }
    const { lang, businessName, messages, timeZone: tz } = c.value;
    const w = WORDS[lang];
    const items = messages
      .filter((m) => m.text)
      .map((m) => {
        const who = m.from === 'visitor' ? w.you : m.from === 'staff' ? (m.author ?? businessName) : w.bot;
        return `<div class="msg from-${m.from}" data-seq="${m.seq}"><span class="who">${escapeHtml(who)} · <time datetime="${escapeHtml(m.at)}">${escapeHtml(formatWhen(Date.parse(m.at), tz, lang))}</time></span>${escapeHtml(m.text)}</div>`;
      })
      .join('');
    const err = notice.error ? w[notice.error] : null;
    const body =
      STYLE_EXTRA +
      `<h1>${escapeHtml(w.title(businessName))}</h1>` +
      (notice.sent ? `<section class="ok" role="status"><p>${escapeHtml(w.sent)}</p></section>` : '') +
      `<section aria-label="${escapeHtml(w.title(businessName))}">${items}</section>` +
      `<section id="answer"><form method="post" action="/conversation"><input type="hidden" name="t" value="${escapeHtml(token)}">` +
      `<label for="text">${escapeHtml(w.answer)}</label><textarea id="text" name="text" rows="4" maxlength="${LINK_TEXT_MAX}" required${err ? ' aria-invalid="true" aria-describedby="text-error"' : ''}>${escapeHtml(notice.draft ?? '')}</textarea>` +
      (err ? `<p id="text-error" class="field-error">${escapeHtml(err)}</p>` : '') +
      `<p><button type="submit" class="btn primary">${escapeHtml(w.send)}</button></p></form></section>`;
    sendPage(res, err ? 400 : 200, lang, w.title(businessName), body);
  };

  r.get('/conversation', async (req, res) => {
    try {
      await render(req, res, typeof req.query.t === 'string' ? req.query.t : '', { sent: req.query.sent === '1' });
    } catch (err) {
      sendPageFailure(req, res, err, log, '[conversation page]');
    }
  });

  r.post('/conversation', form, async (req, res) => {
    try {
      const b = (req.body ?? {}) as Record<string, unknown>;
      const token = typeof b.t === 'string' ? b.t : '';
      const text = typeof b.text === 'string' ? b.text : '';
      const done = await replyByLink(deps, token, text);
      if (!done.ok) {
        if (done.reason === 'INVALID_INPUT') return await render(req, res, token, { error: text.trim() ? 'tooLong' : 'empty', draft: text.slice(0, LINK_TEXT_MAX) });
        return await render(req, res, token);
      }
      res.redirect(303, `/conversation?t=${encodeURIComponent(token)}&sent=1#answer`);
    } catch (err) {
      sendPageFailure(req, res, err, log, '[conversation page]');
    }
  });
  return r;
}
