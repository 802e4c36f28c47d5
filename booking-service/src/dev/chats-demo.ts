/**
 * The demo's chats page (`npm start` only; main.ts imports it when the emulators run): each
 * emulated chat — Telegram, WhatsApp, SMS — so a person can try the bot as a client. Pick a demo
 * business and a channel, see the conversation as bubbles with its buttons, type as the client,
 * tap a button. Everything goes through the emulators, i.e. through the same webhooks and clients
 * as the real services. Server-rendered, no script: every send or tap answers with the new state
 * (the bot's answer is in before the webhook returns); the conversation is an iframe, which the
 * person may ask to reload every 5 s (a staff reply or a reminder then shows up; off by default:
 * WCAG 2.2.1 wants the user to choose timed refreshes) while the message box outside keeps what
 * is being typed.
 * Connecting a channel is one click here (the demo's stand-in for pasting a BotFather token / a
 * Meta number in the console), through the console's own use cases.
 */
import { createHash } from 'node:crypto';
import { asc } from 'drizzle-orm';
import express, { type Request, type Response, type Router } from 'express';
import { escapeHtml, type Lang } from '@frontdesk/shared';
import { businesses } from '../adapters/db/schema.js';
import type { Deps } from '../services/deps.js';
import { connectTelegram, telegramConnection } from '../services/channels/connections.js';
import type { ChannelsRuntime } from '../services/channels/runtime.js';
import { connectWhatsApp, templatesOf, whatsappConnection } from '../services/channels/whatsapp-connection.js';
import { chatsWord } from './chats-demo-words.js';
import { lastTextedBusiness } from '../services/channels/sms-inbound.js';
import type { SmsEmulator } from './sms-emulator.js';
import type { EmulatedUser, TelegramEmulator } from './telegram-emulator.js';
import type { WaUser, WhatsAppEmulator } from './whatsapp-emulator.js';

export interface ChatsDemoParts {
  deps: Deps;
  channels: ChannelsRuntime;
  telegram?: TelegramEmulator | undefined;
  whatsapp?: WhatsAppEmulator | undefined;
  sms?: SmsEmulator | undefined;
}

type Channel = 'telegram' | 'whatsapp' | 'sms';
const LANGS: readonly Lang[] = ['en', 'ru', 'hy'];
/** The demo client: one per channel, the same person in every business. */
const TG_USER_ID = 5_550_100;
const WA_ID = '15550100200';
const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'";

const hash = (s: string) => createHash('sha256').update(`demo-chats:${s}`).digest();
/** A well-formed demo bot token / WhatsApp number per business, the same after a restart. */
const demoBotToken = (businessId: string) => `${100000 + (hash(businessId).readUInt32BE(0) % 900000)}:${hash(`tg:${businessId}`).toString('base64url').slice(0, 35)}`;
const demoNumberId = (businessId: string) => `1${String(hash(`wa:${businessId}`).readUInt32BE(0)).padStart(10, '0')}`;

const STYLE = `body{margin:0;background:#f3f4f6;font:16px/1.5 -apple-system,Segoe UI,Roboto,Arial,sans-serif;color:#111827}
main{max-width:720px;margin:0 auto;padding:16px}h1{font-size:22px;margin:4px 0}h2{font-size:18px;margin:0 0 8px}
.langs{text-align:right;font-size:14px}.langs a{margin-left:8px;color:#3730a3}.langs a[aria-current]{font-weight:700;color:#111827;text-decoration:none}
nav{margin:8px 0}nav a{display:inline-block;margin:4px 6px 4px 0;padding:6px 12px;border-radius:999px;border:1px solid #4f46e5;color:#3730a3;background:#fff;text-decoration:none}
nav a[aria-current]{background:#4f46e5;color:#fff}section{background:#fff;border-radius:8px;padding:16px;margin:12px 0}
.note{color:#374151}iframe{width:100%;height:440px;border:1px solid #d1d5db;border-radius:8px;background:#e5ddd5}
form.say{display:flex;gap:8px;margin-top:8px}form.say input{flex:1;font:inherit;padding:8px;border:1px solid #6b7280;border-radius:6px}
button{font:inherit;padding:8px 14px;border-radius:6px;border:1px solid #4f46e5;background:#4f46e5;color:#fff;cursor:pointer}
label{display:block;font-weight:600}`;
const THREAD_STYLE = `body{margin:0;background:#e5ddd5;font:15px/1.4 -apple-system,Segoe UI,Roboto,Arial,sans-serif;color:#111827}
ol{list-style:none;margin:0;padding:12px;display:flex;flex-direction:column;gap:8px}
li{max-width:80%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;overflow-wrap:anywhere;box-shadow:0 1px 1px rgba(0,0,0,.15)}
li.bot{align-self:flex-start;background:#fff}li.user{align-self:flex-end;background:#d9fdd3}
.who{display:block;font-size:12px;font-weight:600;color:#374151}.empty{align-self:center;background:#fff8;box-shadow:none;color:#374151}
.buttons{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}.buttons form{margin:0}
.buttons button{font:inherit;font-size:14px;padding:6px 10px;border-radius:6px;border:1px solid #1d4ed8;background:#fff;color:#1d4ed8;cursor:pointer}`;

function sendHtml(res: Response, lang: Lang, title: string, body: string, head = '', style = STYLE): void {
  res.status(200).type('text/html; charset=utf-8').set('Content-Security-Policy', CSP).set('Cache-Control', 'no-store').set('X-Robots-Tag', 'noindex')
    .send(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}<title>${escapeHtml(title)}</title><style>${style}</style></head><body>${body}</body></html>`);
}

interface Bubble { from: 'bot' | 'user'; text: string; buttons?: Array<{ label: string; fields: Record<string, string> }> }

export function chatsDemoPages(p: ChatsDemoParts): Router {
  const { deps, channels } = p;
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  const available = (['telegram', 'whatsapp', 'sms'] as const).filter((c) => !!p[c]);

  const businessList = () => deps.db.select({ id: businesses.id, name: businesses.name, lang: businesses.defaultLang }).from(businesses).orderBy(asc(businesses.name));

  /** What the request names (business, channel, language, SMS phone), with defaults. */
  async function pick(q: Record<string, unknown>) {
    const list = await businessList();
    const biz = list.find((b) => b.id === q.b) ?? list[0];
    const channel: Channel = available.includes(q.c as Channel) ? (q.c as Channel) : available[0] ?? 'sms';
    const lang: Lang = LANGS.includes(q.lang as Lang) ? (q.lang as Lang) : (biz?.lang ?? 'en');
    const phone = typeof q.p === 'string' ? q.p.replace(/\D/g, '') : '';
    // Reloading by itself only when the person asked for it (WCAG 2.2.1: timing the user controls).
    const auto = q.auto === '1' ? '1' : undefined;
    return { list, biz, channel, lang, phone, auto };
  }
  const href = (path: string, v: Record<string, string | undefined>) =>
    `${path}?${new URLSearchParams(Object.entries(v).filter((e): e is [string, string] => !!e[1])).toString()}`;

  const tgUser = (lang: Lang): EmulatedUser => ({ id: TG_USER_ID, firstName: chatsWord(lang, 'demoClient'), lang });
  const waUser = (lang: Lang): WaUser => ({ waId: WA_ID, name: chatsWord(lang, 'demoClient') });

  /** The business's demo bot token, its webhook set again if the emulator restarted since. */
  async function telegramToken(businessId: string, connect: boolean): Promise<string | null> {
    const row = await telegramConnection(deps, businessId);
    if (!row && !connect) return null;
    const token = row ? channels.cipher.open(row.secretSealed, row.id) : demoBotToken(businessId);
    let live = false;
    try {
      live = !!p.telegram!.webhookOf(token);
    } catch {
      // The emulator forgot the bot (a restart): connecting again sets its webhook.
    }
    if (connect || !live) {
      const r = await connectTelegram(deps, channels, businessId, token);
      if (!r.ok) throw new Error(`demo telegram connect: ${r.message}`);
    }
    return token;
  }
  async function whatsappNumber(businessId: string, connect: boolean): Promise<string | null> {
    const row = await whatsappConnection(deps, businessId);
    if (!row && !connect) return null;
    const phoneNumberId = row?.config.phoneNumberId ?? demoNumberId(businessId);
    const fresh = !row;
    if (fresh || connect) {
      const r = await connectWhatsApp(deps, channels, businessId, { phoneNumberId, accessToken: `demo-${hash(`wat:${businessId}`).toString('hex').slice(0, 24)}`, appSecret: hash(`was:${businessId}`).toString('hex').slice(0, 32), templates: row ? templatesOf(row) : {} });
      if (!r.ok) throw new Error(`demo whatsapp connect: ${r.message}`);
    }
    return phoneNumberId;
  }
  /** A WhatsApp number the emulator forgot (a restart): subscribe it again with the kept secrets. */
  async function whatsappLive(businessId: string): Promise<string | null> {
    const row = await whatsappConnection(deps, businessId);
    if (!row) return null;
    try {
      p.whatsapp!.lastChoices(row.config.phoneNumberId!, WA_ID);
    } catch {
      const r = await connectWhatsApp(deps, channels, businessId, { phoneNumberId: row.config.phoneNumberId!, templates: templatesOf(row) });
      if (!r.ok) throw new Error(`demo whatsapp reconnect: ${r.message}`);
    }
    return row.config.phoneNumberId!;
  }

  async function bubbles(channel: Channel, businessId: string, lang: Lang, phone: string): Promise<Bubble[] | null> {
    if (channel === 'telegram') {
      const row = await telegramConnection(deps, businessId);
      if (!row) return null;
      const token = channels.cipher.open(row.secretSealed, row.id);
      let lines: ReturnType<TelegramEmulator['chat']>;
      try {
        lines = p.telegram!.chat(token, TG_USER_ID);
      } catch {
        lines = [];
      }
      const kb = lines.length ? p.telegram!.lastKeyboard(token, TG_USER_ID) : null;
      const last = lines.at(-1);
      const contact = last?.from === 'bot' && JSON.stringify(last.markup ?? {}).includes('"request_contact":true');
      return lines.map((l) => ({
        from: l.from,
        text: l.text,
        buttons: kb && l.messageId === kb.messageId
          ? kb.buttons.map((b) => ({ label: b.text, fields: { kind: 'tap', mid: String(kb.messageId), id: b.data } }))
          : contact && l === last ? [{ label: chatsWord(lang, 'sharePhone'), fields: { kind: 'contact' } }] : undefined,
      }));
    }
    if (channel === 'whatsapp') {
      const row = await whatsappConnection(deps, businessId);
      if (!row) return null;
      const id = row.config.phoneNumberId!;
      let lines: ReturnType<WhatsAppEmulator['chat']> = [];
      let choices: Array<{ id: string; title: string }> = [];
      try {
        lines = p.whatsapp!.chat(id, WA_ID);
        choices = p.whatsapp!.lastChoices(id, WA_ID);
      } catch {
        lines = [];
      }
      const lastWith = [...lines].reverse().find((l) => (l.choices?.length ?? 0) > 0 || (l.template?.payloads.length ?? 0) > 0);
      return lines.map((l) => ({
        from: l.from === 'business' ? 'bot' : 'user',
        text: l.status === 'failed' ? `${l.text} ⚠` : l.text,
        buttons: l === lastWith ? choices.map((c) => ({ label: c.title, fields: { kind: 'tap', id: c.id } })) : undefined,
      }));
    }
    const sms = p.sms!;
    return [
      ...sms.sent.filter((m) => m.to === phone).map((m) => ({ seq: m.seq, b: { from: 'bot' as const, text: m.text } })),
      ...sms.received.filter((m) => m.from.replace(/\D/g, '') === phone).map((m) => ({ seq: m.seq, b: { from: 'user' as const, text: m.text } })),
    ].sort((a, b) => a.seq - b.seq).map((x) => x.b);
  }

  /** Phones the demo SMS provider has texted or heard from, the latest first. */
  function smsPhones(): string[] {
    const sms = p.sms;
    if (!sms) return [];
    const last = new Map<string, number>();
    for (const m of sms.sent) last.set(m.to, Math.max(last.get(m.to) ?? 0, m.seq));
    for (const m of sms.received) last.set(m.from.replace(/\D/g, ''), Math.max(last.get(m.from.replace(/\D/g, '')) ?? 0, m.seq));
    return [...last.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  }

  router.get('/demo/chats', (req, res, next) => {
    void (async () => {
      const { list, biz, channel, lang, phone: asked, auto } = await pick(req.query);
      const w = (k: Parameters<typeof chatsWord>[1], v?: Record<string, string>) => chatsWord(lang, k, v);
      const base = { b: biz?.id, c: channel, lang, auto };
      const langs = LANGS.map((l) => `<a href="${escapeHtml(href('/demo/chats', { ...base, lang: l }))}" hreflang="${l}"${l === lang ? ' aria-current="true"' : ''}>${{ en: 'English', ru: 'Русский', hy: 'Հայերեն' }[l]}</a>`).join('');
      const chNav = available.map((c) => `<a href="${escapeHtml(href('/demo/chats', { ...base, c }))}"${c === channel ? ' aria-current="page"' : ''}>${w(c)}</a>`).join('');
      let section: string;
      const phones = channel === 'sms' ? smsPhones() : [];
      const phone = channel === 'sms' ? (phones.includes(asked) ? asked : phones[0] ?? '') : '';
      // SMS go by phone, not by business: the one highlighted is the business that texted this phone last.
      const current = channel === 'sms' ? (phone ? (await lastTextedBusiness(deps, phone))?.businessId : undefined) : biz?.id;
      const bizNav = list.map((b) => `<a href="${escapeHtml(href('/demo/chats', { ...base, b: b.id }))}"${b.id === current ? ' aria-current="page"' : ''}>${escapeHtml(b.name)}</a>`).join('');
      const hidden = (extra: Record<string, string> = {}) => Object.entries({ b: biz?.id ?? '', c: channel, lang, auto: auto ?? '', ...extra }).map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`).join('');
      const thread = href('/demo/chats/thread', { ...base, p: phone });
      const frame = (name: string) => `<iframe name="thread" src="${escapeHtml(thread)}#end" title="${escapeHtml(w('chatWith', { name }))}"></iframe><p class="note">${auto ? '' : `${w('autoRefresh')} `}<a href="${escapeHtml(href('/demo/chats', { ...base, p: phone }))}">${w('refresh')}</a> · <a href="${escapeHtml(href('/demo/chats', { ...base, p: phone, auto: auto ? undefined : '1' }))}">${w(auto ? 'autoOff' : 'autoOn')}</a></p>`;
      const say = (extra: Record<string, string> = {}) =>
        `<form class="say" method="post" action="/demo/chats/say"><label class="visually-hidden" for="say">${w('message')}</label>${hidden(extra)}<input id="say" name="text" required maxlength="1000" autocomplete="off" placeholder="${escapeHtml(w('message'))}" autofocus><button>${w('send')}</button></form>`;
      if (!biz) section = `<p>${w('empty')}</p>`;
      else if (channel === 'sms') {
        const phoneNav = phones.map((x) => `<a href="${escapeHtml(href('/demo/chats', { ...base, p: x }))}"${x === phone ? ' aria-current="page"' : ''}>+${escapeHtml(x)}</a>`).join('');
        section = `<h2>${w('sms')}</h2><p class="note">${w('smsIntro')}</p>` +
          (phone ? `<nav aria-label="${escapeHtml(w('phone'))}">${phoneNav}</nav>${frame(`+${phone}`)}<h3 class="visually-hidden">${w('smsFrom')}</h3>${say({ p: phone })}` : `<p>${w('smsEmpty')}</p>`);
      } else {
        const connected = channel === 'telegram' ? await telegramConnection(deps, biz.id) : await whatsappConnection(deps, biz.id);
        section = connected
          ? `<h2>${escapeHtml(w('chatWith', { name: biz.name }))} · ${w(channel)}</h2>${frame(biz.name)}${say()}`
          : `<h2>${w(channel)}</h2><p class="note">${w(channel === 'telegram' ? 'notConnectedTelegram' : 'notConnectedWhatsapp')}</p><form method="post" action="/demo/chats/connect">${hidden()}<button>${w(channel === 'telegram' ? 'connectTelegram' : 'connectWhatsapp')}</button></form>`;
      }
      sendHtml(res, lang, w('title'),
        `<main><div class="langs">${langs}</div><h1>${w('title')}</h1><p class="note">${w('intro')}</p>` +
        `<nav aria-label="${escapeHtml(w('business'))}">${bizNav}</nav><nav aria-label="${escapeHtml(w('channel'))}">${chNav}</nav><section>${section}</section></main>`,
        '', `${STYLE}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`);
    })().catch(next);
  });

  router.get('/demo/chats/thread', (req, res, next) => {
    void (async () => {
      const { biz, channel, lang, phone, auto } = await pick(req.query);
      const list = biz ? await bubbles(channel, biz.id, lang, phone) : null;
      // An SMS comes from the business that sent it (a booking's or a follow-up's text), not from a bot.
      const smsSender = channel === 'sms' && phone ? await lastTextedBusiness(deps, phone) : undefined;
      const sender = channel === 'sms' ? ((smsSender && (await businessList()).find((b) => b.id === smsSender.businessId)?.name) ?? chatsWord(lang, 'sms')) : chatsWord(lang, 'bot');
      const self = href('/demo/chats/thread', { b: biz?.id, c: channel, lang, p: phone, auto });
      const hidden = (extra: Record<string, string>) => Object.entries({ b: biz?.id ?? '', c: channel, lang, p: phone, auto: auto ?? '', ...extra }).map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`).join('');
      const items = (list ?? []).map((m, i, all) => {
        const who = m.from === 'bot' ? sender : chatsWord(lang, 'you');
        const buttons = m.buttons?.length ? `<div class="buttons">${m.buttons.map((b) => `<form method="post" action="/demo/chats/tap">${hidden(b.fields)}<button>${escapeHtml(b.label)}</button></form>`).join('')}</div>` : '';
        return `<li class="${m.from}"${i === all.length - 1 ? ' id="end"' : ''}><span class="who">${escapeHtml(who)}</span>${escapeHtml(m.text)}${buttons}</li>`;
      });
      // Telegram's own "Start" under an empty chat: it sends /start, as opening a bot does.
      const empty = channel === 'telegram' && list
        ? `<li class="empty" id="end">${escapeHtml(chatsWord(lang, 'emptyTelegram'))}<div class="buttons"><form method="post" action="/demo/chats/tap">${hidden({ kind: 'start' })}<button>${escapeHtml(chatsWord(lang, 'start'))}</button></form></div></li>`
        : `<li class="empty" id="end">${escapeHtml(chatsWord(lang, channel === 'sms' ? 'smsEmpty' : 'empty'))}</li>`;
      sendHtml(res, lang, chatsWord(lang, 'title'),
        `<main><ol aria-live="polite">${items.join('') || empty}</ol></main>`,
        auto ? `<meta http-equiv="refresh" content="5; url=${escapeHtml(self)}#end">` : '', THREAD_STYLE);
    })().catch(next);
  });

  const back = (res: Response, to: string) => res.redirect(303, to);

  router.post('/demo/chats/connect', form, (req: Request, res, next) => {
    void (async () => {
      const { biz, channel, lang, auto } = await pick(req.body as Record<string, unknown>);
      if (biz && channel === 'telegram' && p.telegram) await telegramToken(biz.id, true);
      if (biz && channel === 'whatsapp' && p.whatsapp) await whatsappNumber(biz.id, true);
      back(res, href('/demo/chats', { b: biz?.id, c: channel, lang, auto }));
    })().catch(next);
  });

  router.post('/demo/chats/say', form, (req: Request, res, next) => {
    void (async () => {
      const body = req.body as Record<string, unknown>;
      const { biz, channel, lang, phone, auto } = await pick(body);
      const text = typeof body.text === 'string' ? body.text.trim().slice(0, 1000) : '';
      if (biz && text) {
        if (channel === 'telegram') {
          const token = await telegramToken(biz.id, false);
          if (token) await p.telegram!.userSays(token, tgUser(lang), text);
        } else if (channel === 'whatsapp') {
          const id = await whatsappLive(biz.id);
          if (id) await p.whatsapp!.userSays(id, waUser(lang), text);
        } else if (phone) await p.sms!.reply(phone, text);
      }
      back(res, href('/demo/chats', { b: biz?.id, c: channel, lang, p: phone, auto }));
    })().catch(next);
  });

  router.post('/demo/chats/tap', form, (req: Request, res, next) => {
    void (async () => {
      const body = req.body as Record<string, unknown>;
      const { biz, channel, lang, phone, auto } = await pick(body);
      const id = typeof body.id === 'string' ? body.id : '';
      if (biz && channel === 'telegram') {
        const token = await telegramToken(biz.id, false);
        if (token && body.kind === 'start') await p.telegram!.userSays(token, tgUser(lang), '/start');
        else if (token && body.kind === 'contact') await p.telegram!.userSharesContact(token, tgUser(lang), '+15550100200');
        else if (token && id) await p.telegram!.userTaps(token, tgUser(lang), Number(body.mid), id);
      } else if (biz && channel === 'whatsapp' && id) {
        const n = await whatsappLive(biz.id);
        if (n) await p.whatsapp!.userTaps(n, waUser(lang), id);
      }
      back(res, `${href('/demo/chats/thread', { b: biz?.id, c: channel, lang, p: phone, auto })}#end`);
    })().catch(next);
  });

  return router;
}
