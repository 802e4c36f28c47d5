/**
 * A loopback emulator of the parts of the WhatsApp Cloud API (Meta's Graph API) that Frontdesk
 * uses, so the real client (adapters/whatsapp/cloud-api.ts, pointed here by WHATSAPP_API_ROOT) is
 * tested and demoed without Meta. Faithful to the public reference where we rely on it:
 * - `GET /vNN.N/<phone-number-id>?fields=…` and `POST /vNN.N/<phone-number-id>/messages` with
 *   `Authorization: Bearer <token>`; errors as `{ error: { message, type, code, fbtrace_id } }`
 *   (190 OAuthException for a bad token, 100 for bad parameters, 132001 for an unknown template);
 * - messages: text (body ≤ 4096), interactive `button` (1–3 reply buttons, titles ≤ 20, unique ids)
 *   and `list` (≤ 10 rows, titles ≤ 24, descriptions ≤ 72, button ≤ 20), template (name + language
 *   code of a template approved for the number); answered `{ messaging_product, contacts, messages: [{ id: 'wamid.…' }] }`;
 * - the 24-hour customer service window: a free-form message to someone who has not written in
 *   24 h is accepted by the API but not delivered — a `statuses` webhook reports `failed` with
 *   error 131047 (as Meta does: the refusal is asynchronous); a delivered one gets a `delivered`
 *   status; a user made `unreachable` gets `failed` with 131026 (undeliverable), templates too;
 * - webhooks as Meta sends them: the verification handshake (GET hub.mode=subscribe,
 *   hub.verify_token, hub.challenge → the challenge echoed), then POSTs of
 *   `{ object: 'whatsapp_business_account', entry: [{ id, changes: [{ field: 'messages', value }] }] }`
 *   signed `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>`.
 * - Meta's send limits, when asked for (off by default): throughput per business number (over it:
 *   429 with error 130429) and the pair rate to one user — one message per interval with a burst
 *   allowance paid back afterwards (over it: 429 with error 131056); refused sends are not delivered.
 * People are simulated with `userSays` and `userTaps`; `chat()` shows a chat.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WaUser { waId: string; name: string }

export interface WaChatLine {
  id: string;
  from: 'business' | 'user';
  type: string;
  /** What a person reads: the text, the interactive body, or the template with its parameters. */
  text: string;
  /** Reply ids and titles offered with it (buttons or list rows). */
  choices?: Array<{ id: string; title: string }> | undefined;
  template?: { name: string; language: string; parameters: string[]; payloads: string[] } | undefined;
  status: 'delivered' | 'failed';
  at: number;
}

interface PhoneNumber {
  id: string;
  display: string;
  verifiedName: string;
  accessToken: string;
  appSecret: string;
  webhook: { url: string; verifyToken: string } | null;
  /** Approved templates: `${name}/${language}`. */
  templates: Set<string>;
  chats: Map<string, WaChatLine[]>;
  /** Last inbound message per user (ms): the 24-hour window. */
  lastInbound: Map<string, number>;
  /** Users whose phone no longer takes WhatsApp messages (131026). */
  unreachable?: Set<string>;
}

export interface WaDelivery { status: number; body: Record<string, unknown>; messageId?: string | undefined }

export interface WhatsAppEmulator {
  /** The API root to configure (WHATSAPP_API_ROOT). */
  apiRoot: string;
  /** A business number, as Meta's dashboard makes it: its id, a token and the app's secret. */
  createNumber(display: string, verifiedName?: string): { phoneNumberId: string; accessToken: string; appSecret: string };
  /** The owner's step in Meta's App Dashboard: set the callback URL; Meta verifies it with the handshake first. */
  subscribe(phoneNumberId: string, url: string, verifyToken: string, demoAppSecret?: string): Promise<{ ok: boolean; status: number }>;
  approveTemplate(phoneNumberId: string, name: string, language: string): void;
  revoke(phoneNumberId: string): void;
  /** Messages to this user are accepted but fail with 131026 (e.g. the number left WhatsApp). */
  unreachable(phoneNumberId: string, waId: string): void;
  /** Waits until every status webhook posted so far has been answered. */
  settled(): Promise<void>;
  userSays(phoneNumberId: string, user: WaUser, text: string): Promise<WaDelivery>;
  /** Taps a reply button or list row of the business's last interactive message (or a template's quick reply by payload). */
  userTaps(phoneNumberId: string, user: WaUser, replyId: string): Promise<WaDelivery>;
  /** POST a webhook body as given (a replay, or a forged signature with `signature`). */
  deliver(phoneNumberId: string, body: Record<string, unknown>, signature?: string | null): Promise<WaDelivery>;
  chat(phoneNumberId: string, waId: string): WaChatLine[];
  /** The reply choices of the business's last message that offers any. */
  lastChoices(phoneNumberId: string, waId: string): Array<{ id: string; title: string }>;
  /** The next `count` message sends answer `status` (500, 429…). */
  failNext(status: number, count?: number): void;
  /** Accepted sends of a number, in order of arrival (the limits' evidence). */
  sends(phoneNumberId: string): Array<{ to: string; at: number; id: string }>;
  /** Sends refused by the throughput or pair-rate limit so far. */
  throttled(): number;
  close(): Promise<void>;
}

export interface WhatsAppEmulatorOptions {
  port?: number;
  now?: () => number;
  /** The demo: any id and token are a number (made on first use); its app secret is set by `subscribe`. */
  autoNumbers?: boolean | undefined;
  /** Throughput per business number (Meta: 80/s by default); unset = unlimited. */
  perNumberPerSec?: number | undefined;
  /** The pair rate: one message per this many ms to one user (Meta: 6000), with `pairBurst` allowed ahead. */
  pairIntervalMs?: number | undefined;
  pairBurst?: number | undefined;
}

const WINDOW_MS = 24 * 60 * 60_000;
type Answer = { status: number; body: Record<string, unknown> };

const graphError = (status: number, code: number, message: string, type = 'OAuthException'): Answer => ({
  status,
  body: { error: { message, type, code, fbtrace_id: randomBytes(8).toString('base64url') } },
});
const badParam = (message: string) => graphError(400, 100, `(#100) ${message}`);

/** Why an outbound message body is invalid, per the Cloud API reference; null = valid. */
function invalid(m: Record<string, unknown>): Answer | null {
  if (m.messaging_product !== 'whatsapp') return badParam('The parameter messaging_product is required.');
  if (typeof m.to !== 'string' || !/^\+?\d{6,15}$/.test(m.to)) return badParam('Invalid parameter: to');
  switch (m.type) {
    case 'text': {
      const body = (m.text as { body?: unknown } | undefined)?.body;
      if (typeof body !== 'string' || body.trim() === '') return badParam('The parameter text[\'body\'] is required.');
      return body.length > 4096 ? badParam('Param text[\'body\'] must be at most 4096 characters long.') : null;
    }
    case 'interactive': {
      const i = m.interactive as { type?: string; body?: { text?: unknown }; action?: Record<string, unknown> } | undefined;
      const body = i?.body?.text;
      if (typeof body !== 'string' || body === '' || body.length > 1024) return badParam('Param interactive[\'body\'][\'text\'] must be 1–1024 characters long.');
      if (i?.type === 'button') {
        const buttons = (i.action?.buttons ?? []) as Array<{ type?: string; reply?: { id?: unknown; title?: unknown } }>;
        if (buttons.length < 1 || buttons.length > 3) return badParam('Param interactive[\'action\'][\'buttons\'] must have 1–3 elements.');
        const ids = new Set<unknown>();
        for (const b of buttons) {
          if (b.type !== 'reply' || typeof b.reply?.id !== 'string' || b.reply.id === '' || b.reply.id.length > 256) return badParam('Invalid button reply id.');
          if (typeof b.reply.title !== 'string' || b.reply.title === '' || b.reply.title.length > 20) return badParam('Param interactive[\'action\'][\'buttons\'][\'reply\'][\'title\'] must be at most 20 characters long.');
          ids.add(b.reply.id);
        }
        return ids.size === buttons.length ? null : badParam('Buttons must have unique ids.');
      }
      if (i?.type === 'list') {
        const button = i.action?.button;
        if (typeof button !== 'string' || button === '' || button.length > 20) return badParam('Param interactive[\'action\'][\'button\'] must be 1–20 characters long.');
        const sections = (i.action?.sections ?? []) as Array<{ title?: unknown; rows?: Array<{ id?: unknown; title?: unknown; description?: unknown }> }>;
        if (sections.length < 1 || sections.length > 10) return badParam('Param interactive[\'action\'][\'sections\'] must have 1–10 elements.');
        if (sections.length > 1 && sections.some((s) => typeof s.title !== 'string')) return badParam('Section titles are required with more than one section.');
        const rows = sections.flatMap((s) => s.rows ?? []);
        if (rows.length < 1 || rows.length > 10) return badParam('Total row count exceed max allowed count: 10');
        const ids = new Set<unknown>();
        for (const r of rows) {
          if (typeof r.id !== 'string' || r.id === '' || r.id.length > 200) return badParam('Invalid row id.');
          if (typeof r.title !== 'string' || r.title === '' || r.title.length > 24) return badParam('Row title must be 1–24 characters long.');
          if (r.description !== undefined && (typeof r.description !== 'string' || r.description.length > 72)) return badParam('Row description must be at most 72 characters long.');
          ids.add(r.id);
        }
        return ids.size === rows.length ? null : badParam('Row ids must be unique.');
      }
      return badParam('Invalid interactive type.');
    }
    case 'template': {
      const t = m.template as { name?: unknown; language?: { code?: unknown } } | undefined;
      if (typeof t?.name !== 'string' || typeof t.language?.code !== 'string') return badParam('The parameter template[\'name\'] and template[\'language\'][\'code\'] are required.');
      return null;
    }
    default:
      return badParam('Unsupported message type.');
  }
}

function lineOf(id: string, m: Record<string, unknown>, at: number, status: WaChatLine['status']): WaChatLine {
  if (m.type === 'text') return { id, from: 'business', type: 'text', text: (m.text as { body: string }).body, status, at };
  if (m.type === 'interactive') {
    const i = m.interactive as WaInteractiveBody;
    const choices = i.type === 'button'
      ? (i.action.buttons ?? []).map((b) => ({ id: b.reply.id, title: b.reply.title }))
      : (i.action.sections ?? []).flatMap((s) => s.rows).map((r) => ({ id: r.id, title: r.title }));
    return { id, from: 'business', type: `interactive:${i.type}`, text: i.body.text, choices, status, at };
  }
  const t = m.template as { name: string; language: { code: string }; components?: Array<{ type: string; parameters?: Array<{ text?: string; payload?: string }> }> };
  const parameters = (t.components ?? []).filter((c) => c.type === 'body').flatMap((c) => (c.parameters ?? []).map((p) => p.text ?? ''));
  const payloads = (t.components ?? []).filter((c) => c.type === 'button').flatMap((c) => (c.parameters ?? []).map((p) => p.payload ?? ''));
  return {
    id, from: 'business', type: 'template', text: `[${t.name}] ${parameters.join(' | ')}`,
    template: { name: t.name, language: t.language.code, parameters, payloads },
    choices: payloads.map((p) => ({ id: p, title: p })), status, at,
  };
}

interface WaInteractiveBody {
  type: 'button' | 'list';
  body: { text: string };
  action: { buttons?: Array<{ reply: { id: string; title: string } }>; sections?: Array<{ rows: Array<{ id: string; title: string }> }> };
}

export async function startWhatsAppEmulator(opts: WhatsAppEmulatorOptions = {}): Promise<WhatsAppEmulator> {
  const now = opts.now ?? Date.now;
  const numbers = new Map<string, PhoneNumber>();
  let fault: { status: number; count: number } | null = null;
  let nextNumber = 100_000_000_000_000;
  const accepted = new Map<string, Array<{ to: string; at: number; id: string }>>();
  /** Per number and user: the pair rate's theoretical arrival time (GCRA). */
  const pairTat = new Map<string, number>();
  let throttled = 0;

  /** Meta's limits (when configured): the error a send over them gets, or null. */
  function overLimit(n: PhoneNumber, to: string, at: number): Answer | null {
    const log = accepted.get(n.id) ?? [];
    if (opts.perNumberPerSec !== undefined && log.filter((x) => x.at > at - 1000).length >= opts.perNumberPerSec) {
      return graphError(429, 130429, '(#130429) Rate limit hit: Cloud API message throughput has been reached.');
    }
    if (opts.pairIntervalMs !== undefined) {
      const key = `${n.id}:${to}`;
      const tat = pairTat.get(key) ?? at;
      if (at < tat - ((opts.pairBurst ?? 1) - 1) * opts.pairIntervalMs) {
        return graphError(429, 131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit');
      }
      pairTat.set(key, Math.max(tat, at) + opts.pairIntervalMs);
    }
    return null;
  }
  const pending: Array<Promise<unknown>> = [];

  const numberOf = (id: string) => {
    const n = numbers.get(id);
    if (!n) throw new Error('emulator: unknown phone number id');
    return n;
  };
  const linesOf = (n: PhoneNumber, waId: string) => {
    let lines = n.chats.get(waId);
    if (!lines) n.chats.set(waId, (lines = []));
    return lines;
  };
  const sign = (secret: string, raw: string) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

  async function post(n: PhoneNumber, body: Record<string, unknown>, signature?: string | null): Promise<WaDelivery> {
    if (!n.webhook) throw new Error('emulator: no callback URL subscribed for this number');
    const raw = JSON.stringify(body);
    const sig = signature === undefined ? sign(n.appSecret, raw) : signature;
    const res = await fetch(n.webhook.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(sig ? { 'x-hub-signature-256': sig } : {}) }, body: raw });
    await res.text();
    return { status: res.status, body };
  }

  const envelope = (n: PhoneNumber, value: Record<string, unknown>) => ({
    object: 'whatsapp_business_account',
    entry: [{ id: `waba-${n.id}`, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: n.display.replace(/\D/g, ''), phone_number_id: n.id }, ...value } }] }],
  });

  function call(numberId: string, method: string, path: 'number' | 'messages', token: string | undefined, p: Record<string, unknown>): Answer {
    if (!numbers.has(numberId) && opts.autoNumbers && /^\d{6,20}$/.test(numberId) && token) {
      numbers.set(numberId, { id: numberId, display: `+1 555 0${numberId.slice(-3)}`, verifiedName: 'Demo business', accessToken: token, appSecret: randomBytes(16).toString('hex'), webhook: null, templates: new Set(), chats: new Map(), lastInbound: new Map() });
    }
    const n = numbers.get(numberId);
    if (!token || !n || n.accessToken !== token) return graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (path === 'number' && method === 'GET') return { status: 200, body: { id: n.id, display_phone_number: n.display, verified_name: n.verifiedName, quality_rating: 'GREEN' } };
    if (path !== 'messages' || method !== 'POST') return graphError(400, 100, '(#100) Unsupported request', 'GraphMethodException');
    if (fault && fault.count > 0) {
      fault.count--;
      return fault.status === 429 ? graphError(429, 130429, '(#130429) Rate limit hit', 'OAuthException') : graphError(fault.status, 131000, 'Something went wrong', 'OAuthException');
    }
    const bad = invalid(p);
    if (bad) return bad;
    const to = (p.to as string).replace(/\D/g, '');
    if (p.type === 'template') {
      const t = p.template as { name: string; language: { code: string } };
      if (!n.templates.has(`${t.name}/${t.language.code}`)) return graphError(404, 132001, '(#132001) Template name does not exist in the translation');
    }
    const at = now();
    const limited = overLimit(n, to, at);
    if (limited) {
      throttled++;
      return limited;
    }
    const id = `wamid.${randomBytes(12).toString('base64url')}`;
    accepted.set(n.id, [...(accepted.get(n.id) ?? []), { to, at, id }]);
    // Outside the 24-hour window only templates get through; the API still accepts the call.
    const inWindow = at - (n.lastInbound.get(to) ?? -Infinity) <= WINDOW_MS;
    const gone = n.unreachable?.has(to) === true;
    const status = !gone && (p.type === 'template' || inWindow) ? 'delivered' : 'failed';
    const error = gone
      ? { code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'Message Undeliverable.' } }
      : { code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' } };
    linesOf(n, to).push(lineOf(id, p, at, status));
    if (n.webhook) {
      const statusBody = envelope(n, {
        statuses: [{
          id, recipient_id: to, timestamp: String(Math.floor(at / 1000)), status,
          ...(status === 'failed' ? { errors: [error] } : {}),
        }],
      });
      pending.push(post(n, statusBody).catch(() => undefined));
    }
    return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: p.to, wa_id: to }], messages: [{ id, ...(p.type === 'template' ? { message_status: 'accepted' } : {}) }] } };
  }

  async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const m = /^\/v\d+\.\d+\/(\d+)(\/messages)?$/.exec(url.pathname);
    const send = (a: Answer) => {
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.body));
    };
    if (!m) return send(graphError(400, 100, '(#100) Unknown path', 'GraphMethodException'));
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    readBody(req).then(
      (p) => send(call(m[1]!, req.method ?? 'GET', m[2] ? 'messages' : 'number', token, p)),
      () => send(badParam('Invalid JSON')),
    );
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function inbound(n: PhoneNumber, user: WaUser, message: Record<string, unknown>, shown: string) {
    const at = now();
    const id = `wamid.${randomBytes(12).toString('base64url')}`;
    n.lastInbound.set(user.waId, at);
    linesOf(n, user.waId).push({ id, from: 'user', type: String(message.type), text: shown, status: 'delivered', at });
    return post(n, envelope(n, {
      contacts: [{ profile: { name: user.name }, wa_id: user.waId }],
      messages: [{ from: user.waId, id, timestamp: String(Math.floor(at / 1000)), ...message }],
    })).then((d) => ({ ...d, messageId: id }));
  }

  return {
    apiRoot,
    createNumber(display, verifiedName = 'Demo business') {
      const id = String(nextNumber++);
      const accessToken = `EAA${randomBytes(30).toString('base64url')}`;
      const appSecret = randomBytes(16).toString('hex');
      numbers.set(id, { id, display, verifiedName, accessToken, appSecret, webhook: null, templates: new Set(), chats: new Map(), lastInbound: new Map() });
      return { phoneNumberId: id, accessToken, appSecret };
    },
    async subscribe(phoneNumberId, url, verifyToken, demoAppSecret) {
      const n = numberOf(phoneNumberId);
      // The demo: the app secret is whatever the owner typed (there is no real app to take it from).
      if (demoAppSecret && opts.autoNumbers) n.appSecret = demoAppSecret;
      const challenge = String(randomBytes(4).readUInt32BE());
      const q = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.challenge': challenge, 'hub.verify_token': verifyToken });
      const res = await fetch(`${url}${url.includes('?') ? '&' : '?'}${q.toString()}`);
      const echoed = await res.text();
      const ok = res.status === 200 && echoed === challenge;
      if (ok) n.webhook = { url, verifyToken };
      return { ok, status: res.status };
    },
    approveTemplate: (id, name, language) => void numberOf(id).templates.add(`${name}/${language}`),
    revoke: (id) => void numbers.delete(id),
    unreachable(id, waId) {
      const n = numberOf(id);
      (n.unreachable ??= new Set()).add(waId.replace(/\D/g, ''));
    },
    async settled() {
      await Promise.allSettled(pending);
    },
    userSays: (id, user, text) => inbound(numberOf(id), user, { type: 'text', text: { body: text } }, text),
    userTaps(id, user, replyId) {
      const n = numberOf(id);
      const offer = linesOf(n, user.waId).filter((l) => l.from === 'business' && l.status === 'delivered' && l.choices?.some((c) => c.id === replyId)).at(-1);
      if (!offer) throw new Error(`emulator: no delivered message offers ${replyId}`);
      const title = offer.choices!.find((c) => c.id === replyId)!.title;
      const context = { context: { from: n.display.replace(/\D/g, ''), id: offer.id } };
      if (offer.type === 'template') return inbound(n, user, { type: 'button', button: { text: title, payload: replyId }, ...context }, title);
      const reply = offer.type === 'interactive:button' ? { type: 'button_reply', button_reply: { id: replyId, title } } : { type: 'list_reply', list_reply: { id: replyId, title } };
      return inbound(n, user, { type: 'interactive', interactive: reply, ...context }, title);
    },
    deliver: (id, body, signature) => post(numberOf(id), body, signature),
    chat: (id, waId) => [...linesOf(numberOf(id), waId)],
    lastChoices: (id, waId) => linesOf(numberOf(id), waId).filter((l) => l.from === 'business' && l.status === 'delivered' && l.choices?.length).at(-1)?.choices ?? [],
    failNext(status, count = 1) {
      fault = { status, count };
    },
    sends: (id) => [...(accepted.get(id) ?? [])],
    throttled: () => throttled,
    async close() {
      await Promise.allSettled(pending);
      await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
    },
  };
}
