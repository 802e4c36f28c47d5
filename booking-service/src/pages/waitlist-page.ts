/**
 * /waitlist?t=… — the one-tap page of a waiting-list offer (services/waitlist/offers.ts): the
 * freed time, until when it is theirs alone, and ONE button. Opening the page books nothing (mail
 * scanners open links); the tap is a POST, then 303 back to the page, which shows the booking.
 */
import { escapeHtml, type Lang } from '@frontdesk/shared';
import express, { Router, type Request, type Response } from 'express';
import { eq } from 'drizzle-orm';
import { businesses, services, staff, waitlistEntries, waitlistOffers } from '../adapters/db/schema.js';
import { formatTime, formatWhen } from '../domain/messages/format.js';
import { localize } from '../domain/quote/localized-text.js';
import type { Deps } from '../services/deps.js';
import { signToken } from '../services/tokens.js';
import { bookOffer, offerIdOf } from '../services/waitlist/offers.js';
import { sendPage } from './html.js';
import { sendPageFailure } from './unavailable.js';

const WORDS: Record<Lang, { title: string; open: (until: string) => string; book: string; booked: string; manage: string; gone: string; invalid: [string, string] }> = {
  en: {
    title: 'A time has freed up for you',
    open: (until) => `It is held for you alone until ${until}. After that it goes to the next person waiting.`,
    book: 'Book this time',
    booked: 'Booked. A confirmation is on its way.',
    manage: 'Reschedule or cancel',
    gone: 'This offer has ended: the time went to the next person waiting, or was freed for everyone. You stay on the waiting list while your dates last.',
    invalid: ['This link does not work', 'Check that the whole link was copied.'],
  },
  ru: {
    title: 'Для вас освободилось время',
    open: (until) => `До ${until} оно закреплено только за вами. Потом перейдёт следующему в листе ожидания.`,
    book: 'Записаться на это время',
    booked: 'Вы записаны. Подтверждение уже в пути.',
    manage: 'Перенести или отменить',
    gone: 'Это предложение закончилось: время перешло следующему в листе ожидания или освободилось для всех. Вы остаётесь в листе ожидания, пока не закончатся выбранные дни.',
    invalid: ['Ссылка не работает', 'Проверьте, что ссылка скопирована целиком.'],
  },
  hy: {
    title: 'Ձեզ համար ժամ է ազատվել',
    open: (until) => `Մինչև ${until} այն պահված է միայն Ձեզ համար։ Հետո կանցնի սպասման ցուցակի հաջորդին։`,
    book: 'Գրանցվել այս ժամին',
    booked: 'Դուք գրանցված եք։ Հաստատումն արդեն ճանապարհին է։',
    manage: 'Տեղափոխել կամ չեղարկել',
    gone: 'Այս առաջարկն ավարտվել է․ ժամն անցել է հաջորդին կամ ազատվել է բոլորի համար։ Դուք մնում եք սպասման ցուցակում, քանի դեռ Ձեր ընտրած օրերը չեն ավարտվել։',
    invalid: ['Հղումը չի աշխատում', 'Ստուգեք, որ հղումն ամբողջությամբ է պատճենված։'],
  },
};

async function load(deps: Deps, token: string) {
  const id = offerIdOf(deps.secret, token);
  if (!id) return null;
  const [r] = await deps.db
    .select({ o: waitlistOffers, e: waitlistEntries, b: businesses, svc: services, staffName: staff.name })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .innerJoin(businesses, eq(businesses.id, waitlistOffers.businessId))
    .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
    .innerJoin(staff, eq(staff.id, waitlistOffers.staffId))
    .where(eq(waitlistOffers.id, id))
    .limit(1);
  return r ?? null;
}

export function waitlistPages(deps: Deps, log: (m: string, e?: unknown) => void): Router {
  const r = Router();
  const form = express.urlencoded({ extended: false, limit: '4kb' });

  const invalid = (req: Request, res: Response) => {
    const lang = (['ru', 'hy'] as const).find((l) => String(req.headers['accept-language'] ?? '').startsWith(l)) ?? 'en';
    const w = WORDS[lang];
    sendPage(res, 403, lang, w.invalid[0], `<h1>${escapeHtml(w.invalid[0])}</h1><section class="err"><p>${escapeHtml(w.invalid[1])}</p></section>`);
  };

  r.get('/waitlist', async (req, res) => {
    try {
      const token = typeof req.query.t === 'string' ? req.query.t : '';
      const row = await load(deps, token);
      if (!row) return invalid(req, res);
      const { o, e, b } = row;
      const lang = e.lang;
      const w = WORDS[lang];
      const now = deps.clock.now().getTime();
      const what = `<p><strong>${escapeHtml(localize(row.svc.names, lang, b.defaultLang))}</strong><br>${escapeHtml(formatWhen(o.startsAt.getTime(), b.timeZone, lang))} · ${escapeHtml(row.staffName)}<br>${escapeHtml(b.name)}</p>`;
      let state: string;
      if (o.status === 'booked' && e.bookingId) {
        const manage = `/manage?token=${encodeURIComponent(signToken(deps.secret, e.bookingId, 'manage'))}&lang=${lang}`;
        state = `<section class="ok" role="status"><p>${escapeHtml(w.booked)}</p></section><p><a class="btn" href="${escapeHtml(manage)}">${escapeHtml(w.manage)}</a></p>`;
      } else if (o.status === 'offered' && o.expiresAt.getTime() > now) {
        state = `<p>${escapeHtml(w.open(formatTime(o.expiresAt.getTime(), b.timeZone, lang)))}</p>` +
          `<form method="post" action="/waitlist"><input type="hidden" name="t" value="${escapeHtml(token)}"><button type="submit" class="btn primary">${escapeHtml(w.book)}</button></form>`;
      } else {
        state = `<section class="err"><p>${escapeHtml(w.gone)}</p></section>`;
      }
      sendPage(res, 200, lang, w.title, `<h1>${escapeHtml(w.title)}</h1>${what}${state}`);
    } catch (err) {
      sendPageFailure(req, res, err, log, '[waitlist page]');
    }
  });

  r.post('/waitlist', form, async (req, res) => {
    try {
      const token = typeof (req.body as Record<string, unknown> | undefined)?.t === 'string' ? String((req.body as Record<string, unknown>).t) : '';
      const id = offerIdOf(deps.secret, token);
      if (!id) return invalid(req, res);
      // Refused (ended meanwhile, or the time was lost): the page says what the offer is now.
      await bookOffer(deps, id);
      res.redirect(303, `/waitlist?t=${encodeURIComponent(token)}`);
    } catch (err) {
      sendPageFailure(req, res, err, log, '[waitlist page]');
    }
  });
  return r;
}
