/**
 * A business's WhatsApp Cloud API connection (issue 16). The owner pastes, from Meta's App
 * Dashboard, the phone number id, a (system user) access token and the app secret; the token and
 * the secret are checked against the Graph API, sealed together (like Telegram's token), and the
 * console shows the callback URL and the verify token to paste into the dashboard's webhook form.
 * Template names — what business-initiated messages outside the 24-hour window use — are set per
 * language: Meta approves a template per name and language code, and Armenian has no template
 * language there, so each of the console's languages names its own code.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { channelConnections, sites } from '../../adapters/db/schema.js';
import type { Lang } from '../../domain/messages/types.js';
import { WhatsAppError, type WhatsAppApi, type WhatsAppNumber } from '../../ports/whatsapp.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';
import type { ConnectionRow } from './connections.js';
import type { ChannelsRuntime } from './runtime.js';

export const LANGS: readonly Lang[] = ['en', 'ru', 'hy'];

/** What business-initiated messages use outside the window, per client language. */
export interface TemplateSet {
  /** Meta's template language code, e.g. `en_US`, `ru`. */
  code: string;
  /** Reminder: body {{1}} service, {{2}} date and time, {{3}} business; quick replies Confirm, Reschedule. */
  reminder: string;
  /** Any other booking message: body {{1}} business, {{2}} the message. */
  notice: string;
}
export type Templates = Partial<Record<Lang, TemplateSet>>;

export interface WhatsAppInput {
  phoneNumberId: string;
  /** Empty keeps the sealed ones (changing only the templates). */
  accessToken?: string | undefined;
  appSecret?: string | undefined;
  templates: Templates;
}

export interface WhatsAppStatusView {
  channel: 'whatsapp';
  connected: boolean;
  status: 'ok' | 'broken' | null;
  brokenReason: string | null;
  phoneNumberId: string | null;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  /** To paste into Meta's App Dashboard → WhatsApp → Configuration → Webhook. */
  callbackUrl: string | null;
  verifyToken: string | null;
  templates: Templates;
  demo: boolean;
}

interface Sealed { accessToken: string; appSecret: string }

const PHONE_NUMBER_ID = /^\d{6,20}$/;
/** Meta's template names: lowercase letters, digits and underscores. */
const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;
const TEMPLATE_CODE = /^[a-z]{2,3}(_[A-Z]{2})?$/;

export async function whatsappConnection(deps: Pick<Deps, 'db'>, businessId: string): Promise<ConnectionRow | undefined> {
  return (await deps.db.select().from(channelConnections).where(and(eq(channelConnections.businessId, businessId), eq(channelConnections.channel, 'whatsapp'))).limit(1))[0];
}

/** The verify token of the handshake: derived from the app secret and the connection, so nothing more is stored. */
export function verifyTokenOf(serviceSecret: string, connectionId: string): string {
  return createHmac('sha256', serviceSecret).update(`whatsapp-verify:${connectionId}`).digest('base64url').slice(0, 32);
}

export function whatsappWebhookUrl(publicUrl: string, connectionId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/channels/whatsapp/${encodeURIComponent(connectionId)}`;
}

export function templatesOf(row: Pick<ConnectionRow, 'config'>): Templates {
  const out: Templates = {};
  for (const lang of LANGS) {
    const c = row.config;
    const code = c[`template.${lang}.code`];
    if (code) out[lang] = { code, reminder: c[`template.${lang}.reminder`] ?? '', notice: c[`template.${lang}.notice`] ?? '' };
  }
  return out;
}

function openSealed(rt: ChannelsRuntime, row: ConnectionRow): Sealed {
  return JSON.parse(rt.cipher.open(row.secretSealed, row.id)) as Sealed;
}

/** The Graph API client of a connection, with its token opened. */
export function whatsappApiOf(rt: ChannelsRuntime, row: ConnectionRow): WhatsAppApi {
  return rt.whatsapp({ phoneNumberId: row.config.phoneNumberId ?? '', accessToken: openSealed(rt, row).accessToken });
}

export function appSecretOf(rt: ChannelsRuntime, row: ConnectionRow): string {
  return openSealed(rt, row).appSecret;
}

export function whatsappStatus(deps: Pick<Deps, 'secret' | 'publicUrl'>, rt: ChannelsRuntime | undefined, row: ConnectionRow | undefined): WhatsAppStatusView {
  return {
    channel: 'whatsapp',
    connected: !!row,
    status: row?.status ?? null,
    brokenReason: row?.brokenReason ?? null,
    phoneNumberId: row?.config.phoneNumberId ?? null,
    displayPhoneNumber: row?.config.displayPhoneNumber ?? null,
    verifiedName: row?.config.verifiedName ?? null,
    callbackUrl: row && rt ? whatsappWebhookUrl(rt.publicUrl, row.id) : null,
    verifyToken: row ? verifyTokenOf(deps.secret, row.id) : null,
    templates: row ? templatesOf(row) : {},
    // Only the demo stands in for Meta's dashboard.
    demo: !!rt?.whatsappDashboard,
  };
}

const bad = (field: string, message: string) => fail('INVALID_INPUT', `${field}: ${message}`, { field, fields: [{ path: field, message }] });

function checkTemplates(t: Templates): Result<Record<string, string>> {
  const config: Record<string, string> = {};
  for (const lang of LANGS) {
    const set = t[lang];
    if (!set || (!set.code && !set.reminder && !set.notice)) continue;
    if (!TEMPLATE_CODE.test(set.code)) return bad(`templates.${lang}.code`, 'a template language code such as en_US or ru');
    for (const k of ['reminder', 'notice'] as const) {
      if (set[k] && !TEMPLATE_NAME.test(set[k])) return bad(`templates.${lang}.${k}`, 'lowercase letters, digits and _ only');
      if (set[k]) config[`template.${lang}.${k}`] = set[k];
    }
    config[`template.${lang}.code`] = set.code;
  }
  return ok(config);
}

export async function connectWhatsApp(deps: Deps, rt: ChannelsRuntime, businessId: string, input: WhatsAppInput): Promise<Result<void>> {
  const phoneNumberId = input.phoneNumberId.trim();
  if (!PHONE_NUMBER_ID.test(phoneNumberId)) return bad('phoneNumberId', 'the Phone number ID from Meta (digits)');
  const templates = checkTemplates(input.templates);
  if (!templates.ok) return templates;
  const existing = await whatsappConnection(deps, businessId);
  const kept = existing ? openSealed(rt, existing) : undefined;
  const accessToken = input.accessToken?.trim() || kept?.accessToken;
  const appSecret = input.appSecret?.trim() || kept?.appSecret;
  if (!accessToken) return bad('accessToken', 'required');
  if (!appSecret || !/^[0-9a-f]{16,64}$/i.test(appSecret)) return bad('appSecret', 'the App secret from Meta (hexadecimal)');
  let number: WhatsAppNumber;
  try {
    number = await rt.whatsapp({ phoneNumberId, accessToken }).phoneNumber();
  } catch (err) {
    if (err instanceof WhatsAppError && (err.unauthorized || err.status === 400 || err.status === 404)) return bad('accessToken', 'Meta does not accept this token for this phone number');
    rt.log?.('[channels] whatsapp phone number check failed', err);
    return fail('CHANNEL_UNAVAILABLE', 'WhatsApp did not answer; try again');
  }
  const now = deps.clock.now();
  const id = existing?.id ?? randomUUID();
  const site = (await deps.db.select({ id: sites.id }).from(sites).where(eq(sites.businessId, businessId)).orderBy(asc(sites.id)).limit(1))[0];
  const values = {
    siteId: existing?.siteId ?? site?.id ?? null,
    status: 'ok' as const,
    brokenReason: null,
    config: { phoneNumberId, displayPhoneNumber: number.displayPhoneNumber, verifiedName: number.verifiedName, ...templates.value },
    secretSealed: rt.cipher.seal(JSON.stringify({ accessToken, appSecret } satisfies Sealed), id),
    updatedAt: now,
  };
  if (existing) await deps.db.update(channelConnections).set(values).where(eq(channelConnections.id, id));
  else await deps.db.insert(channelConnections).values({ id, businessId, channel: 'whatsapp', createdAt: now, ...values });
  // The demo's stand-in for the owner's step in Meta's dashboard (subscribing the callback URL).
  await rt.whatsappDashboard?.({ phoneNumberId, callbackUrl: whatsappWebhookUrl(rt.publicUrl, id), verifyToken: verifyTokenOf(deps.secret, id), appSecret });
  return ok(undefined);
}

export async function disconnectWhatsApp(deps: Deps, businessId: string): Promise<void> {
  // Nothing to call at Meta: the webhook subscription belongs to the app, and requests for a
  // connection that is gone are refused.
  await deps.db.delete(channelConnections).where(and(eq(channelConnections.businessId, businessId), eq(channelConnections.channel, 'whatsapp')));
}
