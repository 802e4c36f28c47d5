/**
 * The pages a visitor's links open, served by this service and usable without the widget or
 * any script: see the booking, move it, cancel it (window enforced and explained), confirm a
 * visit from a reminder, rebook after a no-show. Plain forms; every action answers with a
 * redirect to the booking page (POST → 303 → GET) or a page explaining what went wrong.
 */
import { escapeHtml, zoneWords, type Lang } from '@frontdesk/shared';
import express, { type Request, type Response, Router } from 'express';
import type { z } from 'zod';
import { formatMessage, instantValues } from '../domain/messages/icu.js';
import { formatTime, formatWhen } from '../domain/messages/format.js';
import type { Deps } from '../services/deps.js';
import { cancelBooking, rescheduleBooking } from '../services/manage.js';
import { eraseByManageToken } from '../services/privacy/visitor.js';
import { priceText } from '../domain/booking/price.js';
import { rebook, rebookOptions } from '../services/rebook.js';
import { rescheduleOptions } from '../services/reschedule-options.js';
import type { Failure } from '../services/result.js';
import { pick } from '../services/site-view.js';
import { confirmAttendance } from '../services/visitor-confirm.js';
import { sendPage } from './html.js';
import { sendUnavailablePage } from './unavailable.js';
import { isDatabaseUnavailable } from '../adapters/db/errors.js';
import { attendanceInput, cancelInput, localDateSchema, rebookInput, rescheduleInput } from '../api/inputs.js';
import { PAGE_STRINGS, type PageStrings } from './strings.js';

const LANGS: Lang[] = ['ru', 'hy', 'en'];

function requestedLang(req: Request): Lang | undefined {
  const q = req.query.lang ?? (req.body as Record<string, unknown> | undefined)?.lang;
  return typeof q === 'string' && (LANGS as string[]).includes(q) ? (q as Lang) : undefined;
}

function acceptLang(req: Request): Lang {
  for (const part of String(req.headers['accept-language'] ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if ((LANGS as string[]).includes(code)) return code as Lang;
  }
  return 'en';
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
/** A field of the url-encoded form (Express types the parsed body as any). */
const formField = (req: Request, name: string) => str((req.body as Record<string, unknown> | undefined)?.[name]);
/** The booking version a form was shown with ('' = not sent, e.g. an old page); garbage fails the schema and names the field. */
const formVersion = (req: Request): number | undefined => {
  const v = formField(req, 'version');
  return v === '' ? undefined : /^\d{1,7}$/.test(v) ? Number(v) : NaN;
};
const q = encodeURIComponent;
/** `?day=` as the API's date schema reads it; anything else shows the default day. */
const dayParam = (req: Request) => {
  const d = localDateSchema.safeParse(req.query.day);
  return d.success ? d.data : undefined;
};

/**
 * A form post parsed with the API's own schema (issue 12, defect 3: "banana" as a start was a
 * 500). A bad link field is the bad-link page; any other bad field is the 400 "pick a time" page.
 */
function parseForm<T>(schema: z.ZodType<T>, fields: Record<string, string | number | undefined>, tokenField: string): { ok: true; value: T } | { ok: false; failure: Pick<Failure, 'reason'> } {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, value: parsed.data };
  const tokenBad = parsed.error.issues.some((i) => i.path[0] === tokenField);
  return { ok: false, failure: { reason: tokenBad ? 'TOKEN_INVALID' : 'INVALID_INPUT' } };
}

const STATUS: Record<string, number> = {
  TOKEN_INVALID: 403,
  TOKEN_EXPIRED: 410,
  BOOKING_NOT_FOUND: 404,
  BOOKING_NOT_ACTIVE: 409,
  BOOKING_CHANGED: 409,
  CANCELLATION_WINDOW_PASSED: 409,
  SLOT_TAKEN: 409,
  CLOSED: 409,
  OUTSIDE_HOURS: 409,
  INVALID_INPUT: 400,
};

function errorPage(res: Response, lang: Lang, failure: Pick<Failure, 'reason'> | 'INTERNAL' | 'UNAVAILABLE', back?: string) {
  // The database is unreachable: 503 + Retry-After, "try again in a minute" (unavailable.ts).
  if (failure === 'UNAVAILABLE') return sendUnavailablePage(res, lang, back);
  const s = PAGE_STRINGS[lang];
  const reason = failure === 'INTERNAL' ? 'INTERNAL' : failure.reason;
  const [title, detail] = s.errors[reason as keyof PageStrings['errors']] ?? s.errors.INTERNAL;
  const status = failure === 'INTERNAL' ? 500 : (STATUS[reason] ?? 400);
  sendPage(
    res,
    status,
    lang,
    title,
    `<section class="err" role="alert"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p>${back ? `<p><a class="btn" href="${escapeHtml(back)}">←</a></p>` : ''}</section>`,
  );
}

/** Express 5 passes async rejections to the error handler; these pages answer with a page instead. */
function page(deps: Deps, log: (m: string, e?: unknown) => void, fn: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (err) {
      const unavailable = isDatabaseUnavailable(err);
      log(`[pages] ${req.method} ${req.path} ${unavailable ? 'database unavailable' : 'failed'}`, err);
      // A visitor's page answers a page, in their language, even during a database outage (503).
      if (!res.headersSent) errorPage(res, requestedLang(req) ?? acceptLang(req), unavailable ? 'UNAVAILABLE' : 'INTERNAL');
    }
  };
}

function dayLabel(date: string, lang: Lang): string {
  const locale = { ru: 'ru-RU', hy: 'hy-AM', en: 'en-US' }[lang];
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(Date.parse(`${date}T12:00:00Z`));
}

const capitalize = (t: string) => t.charAt(0).toLocaleUpperCase() + t.slice(1);
const LANG_NAMES: Record<Lang, string> = { ru: 'Русский', hy: 'Հայերեն', en: 'English' };

/** The page in another language: each language named in itself. */
function langLinks(current: Lang, href: (l: Lang) => string, label: string): string {
  return `<nav class="langs" aria-label="${escapeHtml(label)}">${LANGS.map((l) => `<a lang="${l}" href="${escapeHtml(href(l))}"${l === current ? ' aria-current="page"' : ''}>${LANG_NAMES[l]}</a>`).join('')}</nav>`;
}

export function visitorPages(deps: Deps, log: (m: string, e?: unknown) => void): Router {
  const r = Router();
  const form = express.urlencoded({ extended: false, limit: '4kb' });

  r.get(
    '/manage',
    page(deps, log, async (req, res) => {
      const token = str(req.query.token);
      const lang0 = requestedLang(req);
      const o = await rescheduleOptions(deps, token, dayParam(req), lang0);
      if (!o.ok) return errorPage(res, lang0 ?? acceptLang(req), o);
      const { view, day, days, slots, brand, rebookToken } = o.value;
      const lang = view.lang;
      const s = PAGE_STRINGS[lang];
      const tz = view.business.timeZone;
      const b = view.booking;
      const done = str(req.query.done) as keyof PageStrings['done'];
      const deadline = { ...instantValues('deadline', Date.parse(view.cancellation.deadline), tz, lang), deadline: formatWhen(Date.parse(view.cancellation.deadline), tz, lang) };
      const self = (extra: string) => `/manage?token=${q(token)}&lang=${lang}${extra}`;
      // The version the visitor sees: a change applies only to the booking as shown (another tab's change wins once).
      const hidden = `<input type="hidden" name="token" value="${escapeHtml(token)}"><input type="hidden" name="lang" value="${lang}"><input type="hidden" name="version" value="${b.version}">`;
      const open = b.status === 'confirmed' && view.cancellation.allowed;
      // Moving and cancelling ask first: a slot or the cancel button opens the question (a GET,
      // so the page works without scripts); only its "yes" posts the change.
      const ask = str(req.query.ask);
      const askedStart = ask === 'move' ? slots.find((sl) => sl.start === str(req.query.start))?.start : undefined;

      let body = langLinks(lang, (l) => `/manage?token=${q(token)}&lang=${l}${day ? `&day=${day}` : ''}`, s.language);
      if (s.done[done]) body += `<section class="ok" role="status"><p>${escapeHtml(s.done[done])}</p></section>`;
      body += `<h1>${escapeHtml(s.yourBooking)}</h1><section><h2>${escapeHtml(view.business.name)}</h2><dl>` +
        `<dt>${escapeHtml(s.service)}</dt><dd>${escapeHtml(b.serviceName)}</dd>` +
        `<dt>${escapeHtml(s.staff)}</dt><dd>${escapeHtml(b.staffName)}</dd>` +
        `<dt>${escapeHtml(s.when)}</dt><dd data-start="${escapeHtml(b.start)}">${escapeHtml(formatWhen(Date.parse(b.start), tz, lang))}</dd>` +
        `<dt>${escapeHtml(s.where)}</dt><dd>${escapeHtml(view.business.address)}</dd>` +
        (b.price ? `<dt>${escapeHtml(s.price)}</dt><dd data-testid="price">${escapeHtml(priceText(b.price, lang))}</dd>` : '') +
        `<dt>${escapeHtml(s.status)}</dt><dd data-status="${escapeHtml(b.status)}">${escapeHtml(s.statuses[b.status])}</dd></dl>`;
      if (b.status === 'confirmed') body += `<p><a class="btn" href="/booking.ics?token=${escapeHtml(q(token))}">${escapeHtml(s.addToCalendar)}</a></p>`;
      body += '</section>';
      if (b.status === 'cancelled' && rebookToken) {
        body += `<section id="book-again"><p>${escapeHtml(s.bookAgainNote)}</p><p><a class="btn primary" href="${escapeHtml(`/rebook?token=${q(rebookToken)}&lang=${lang}`)}">${escapeHtml(s.bookAgain)}</a></p></section>`;
      }

      if (open && askedStart) {
        body += `<section id="confirm" class="ask" aria-labelledby="confirm-title"><h2 id="confirm-title">${escapeHtml(formatMessage(lang, s.moveAsk, { when: formatWhen(Date.parse(askedStart), tz, lang) }))}</h2>` +
          `<form method="post" action="/manage/reschedule">${hidden}<input type="hidden" name="start" value="${escapeHtml(askedStart)}"><button type="submit" class="btn primary">${escapeHtml(s.moveYes)}</button></form>` +
          `<a class="btn" href="${escapeHtml(self(`&day=${day}#reschedule`))}">${escapeHtml(s.pickAnother)}</a></section>`;
      }
      if (open) {
        body += `<section id="reschedule"><h2>${escapeHtml(s.reschedule)}</h2><p class="note">${escapeHtml(formatMessage(lang, s.changesUntil, deadline))}</p>` +
          `<p>${escapeHtml(s.pickTime)}</p><nav class="days">` +
          days.map((d) => `<a href="${escapeHtml(self(`&day=${d}#reschedule`))}"${d === day ? ' aria-current="date"' : ''}>${escapeHtml(dayLabel(d, lang))}</a>`).join('') +
          `</nav><div class="slots">` +
          (slots.length
            ? slots
                .map((sl) => `<form method="get" action="/manage#confirm">${hidden}<input type="hidden" name="day" value="${day}"><input type="hidden" name="ask" value="move"><input type="hidden" name="start" value="${escapeHtml(sl.start)}"><button type="submit" data-start="${escapeHtml(sl.start)}"${sl.start === askedStart ? ' aria-pressed="true"' : ''}>${escapeHtml(formatTime(Date.parse(sl.start), tz, lang))}</button></form>`)
                .join('')
            : `<p>${escapeHtml(s.noTimes)}</p>`) +
          `</div><p class="note">${escapeHtml(capitalize(zoneWords(tz, lang)))}</p></section>` +
          (ask === 'cancel'
            ? `<section id="cancel" class="ask" aria-labelledby="cancel-title"><h2 id="cancel-title">${escapeHtml(s.cancelAsk)}</h2><form method="post" action="/manage/cancel">${hidden}<button type="submit" class="btn danger">${escapeHtml(s.cancelConfirm)}</button></form><a class="btn" href="${escapeHtml(self(''))}">${escapeHtml(s.keep)}</a></section>`
            : `<section id="cancel"><h2>${escapeHtml(s.cancel)}</h2><form method="get" action="/manage#cancel">${hidden}<input type="hidden" name="ask" value="cancel"><button type="submit" class="btn danger">${escapeHtml(s.cancel)}</button></form></section>`);
      } else if (b.status === 'confirmed') {
        const msg = view.business.phone ? formatMessage(lang, s.changesClosedCall, { ...deadline, phone: view.business.phone }) : formatMessage(lang, s.changesClosed, deadline);
        body += `<section id="changes-closed"><p class="note">${escapeHtml(msg)}</p></section>`;
      }
      // Delete my data (issue 13): asks first like cancelling; the yes posts.
      body +=
        ask === 'erase'
          ? `<section id="erase" class="ask" aria-labelledby="erase-title"><h2 id="erase-title">${escapeHtml(s.eraseAsk)}</h2><form method="post" action="/manage/erase">${hidden}<button type="submit" class="btn danger">${escapeHtml(s.eraseConfirm)}</button></form><a class="btn" href="${escapeHtml(self(''))}">${escapeHtml(s.keep)}</a></section>`
          : `<section id="erase"><h2>${escapeHtml(s.eraseTitle)}</h2><form method="get" action="/manage#erase">${hidden}<input type="hidden" name="ask" value="erase"><button type="submit" class="btn">${escapeHtml(s.eraseTitle)}</button></form></section>`;
      sendPage(res, 200, lang, `${s.yourBooking} — ${view.business.name}`, body, brand);
    }),
  );

  r.post(
    '/manage/erase',
    form,
    page(deps, log, async (req, res) => {
      const lang = requestedLang(req) ?? acceptLang(req);
      const done = await eraseByManageToken(deps, formField(req, 'token'));
      if (!done.ok) return errorPage(res, lang, done);
      const s = PAGE_STRINGS[lang];
      sendPage(res, 200, lang, s.eraseTitle, `<section class="ok" role="status"><h1>${escapeHtml(s.eraseTitle)}</h1><p>${escapeHtml(s.erased)}</p></section>`);
    }),
  );

  r.post(
    '/manage/reschedule',
    form,
    page(deps, log, async (req, res) => {
      const token = formField(req, 'token');
      const lang = requestedLang(req) ?? acceptLang(req);
      const input = parseForm(rescheduleInput, { manageToken: token, start: formField(req, 'start'), version: formVersion(req) }, 'manageToken');
      if (!input.ok) return errorPage(res, lang, input.failure, `/manage?token=${q(token)}&lang=${lang}#reschedule`);
      const done = await rescheduleBooking(deps, input.value, undefined);
      if (!done.ok) return errorPage(res, lang, done, `/manage?token=${q(token)}&lang=${lang}#reschedule`);
      res.redirect(303, `/manage?token=${q(token)}&lang=${lang}&done=rescheduled`);
    }),
  );

  r.post(
    '/manage/cancel',
    form,
    page(deps, log, async (req, res) => {
      const token = formField(req, 'token');
      const lang = requestedLang(req) ?? acceptLang(req);
      const input = parseForm(cancelInput, { manageToken: token, version: formVersion(req) }, 'manageToken');
      if (!input.ok) return errorPage(res, lang, input.failure);
      const done = await cancelBooking(deps, input.value, undefined);
      if (!done.ok) return errorPage(res, lang, done, `/manage?token=${q(token)}&lang=${lang}`);
      res.redirect(303, `/manage?token=${q(token)}&lang=${lang}&done=cancelled`);
    }),
  );

  // A GET only shows the button: link scanners that prefetch mail links must not confirm.
  r.get(
    '/confirm',
    page(deps, log, async (req, res) => {
      const lang = requestedLang(req) ?? acceptLang(req);
      const s = PAGE_STRINGS[lang];
      const token = str(req.query.token);
      if (!token || token.length > 512) return errorPage(res, lang, { reason: 'TOKEN_INVALID' });
      sendPage(
        res,
        200,
        lang,
        s.confirmTitle,
        `<h1>${escapeHtml(s.confirmTitle)}</h1><section><p>${escapeHtml(s.confirmAsk)}</p><form method="post" action="/confirm"><input type="hidden" name="token" value="${escapeHtml(token)}"><input type="hidden" name="lang" value="${lang}"><button class="btn primary" type="submit">${escapeHtml(s.confirmButton)}</button></form></section>`,
      );
    }),
  );

  r.post(
    '/confirm',
    form,
    page(deps, log, async (req, res) => {
      const lang = requestedLang(req) ?? acceptLang(req);
      const s = PAGE_STRINGS[lang];
      const input = parseForm(attendanceInput, { token: formField(req, 'token') }, 'token');
      if (!input.ok) return errorPage(res, lang, input.failure);
      const done = await confirmAttendance(deps, input.value.token);
      if (!done.ok) return errorPage(res, lang, done);
      sendPage(res, 200, lang, s.confirmTitle, `<section class="ok" role="status"><h1>${escapeHtml(s.confirmDone)}</h1></section>`);
    }),
  );

  r.get(
    '/rebook',
    page(deps, log, async (req, res) => {
      const token = str(req.query.token);
      const lang0 = requestedLang(req);
      const o = await rebookOptions(deps, token, dayParam(req));
      if (!o.ok) return errorPage(res, lang0 ?? acceptLang(req), o);
      if (o.value.kind === 'used') {
        const usedLang = lang0 ?? o.value.context.booking.lang ?? o.value.context.business.defaultLang;
        return res.redirect(303, `/manage?token=${q(o.value.manageToken)}&lang=${usedLang}&done=rebookUsed`);
      }
      const { context: c, day, slots } = o.value;
      const lang = lang0 ?? c.booking.lang ?? c.business.defaultLang;
      const s = PAGE_STRINGS[lang];
      const tz = c.business.timeZone;
      const serviceName = pick(c.service.names, lang, c.business.defaultLang) ?? c.service.id;
      const next = (n: number) => {
        const d = new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        return `/rebook?token=${q(token)}&lang=${lang}&day=${d}`;
      };
      const hidden = `<input type="hidden" name="token" value="${escapeHtml(token)}"><input type="hidden" name="lang" value="${lang}">`;
      sendPage(
        res,
        200,
        lang,
        `${s.rebookTitle} — ${c.business.name}`,
        langLinks(lang, (l) => `/rebook?token=${q(token)}&lang=${l}&day=${day}`, s.language) +
        `<h1>${escapeHtml(s.rebookTitle)}</h1><section><h2>${escapeHtml(c.business.name)}</h2><p>${escapeHtml(formatMessage(lang, s.rebookAsk, { service: serviceName }))}</p>` +
          `<nav class="days"><a href="${escapeHtml(next(-1))}">←</a><a aria-current="date" href="${escapeHtml(next(0))}">${escapeHtml(dayLabel(day, lang))}</a><a href="${escapeHtml(next(1))}">→</a></nav><div class="slots">` +
          (slots.length
            ? slots.map((sl) => `<form method="post" action="/rebook">${hidden}<input type="hidden" name="start" value="${escapeHtml(sl.start)}"><button type="submit" data-start="${escapeHtml(sl.start)}">${escapeHtml(formatTime(Date.parse(sl.start), tz, lang))}</button></form>`).join('')
            : `<p>${escapeHtml(s.noTimes)}</p>`) +
          `</div><p class="note">${escapeHtml(capitalize(zoneWords(tz, lang)))}</p></section>`,
        c.site?.widget.color,
      );
    }),
  );

  r.post(
    '/rebook',
    form,
    page(deps, log, async (req, res) => {
      const token = formField(req, 'token');
      const lang = requestedLang(req) ?? acceptLang(req);
      const input = parseForm(rebookInput, { token, start: formField(req, 'start') }, 'token');
      if (!input.ok) return errorPage(res, lang, input.failure, `/rebook?token=${q(token)}&lang=${lang}`);
      const done = await rebook(deps, input.value);
      if (!done.ok) return errorPage(res, lang, done, `/rebook?token=${q(token)}&lang=${lang}`);
      res.redirect(303, `/manage?token=${q(done.value.manageToken)}&lang=${lang}&done=booked`);
    }),
  );
  return r;
}
