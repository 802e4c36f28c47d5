/**
 * The optional AI assistant per business (issue 18): the owner sets an OpenAI-compatible endpoint
 * (base URL, model, key), turns it on or off and caps its daily tokens; the operator's env
 * (AI_BASE_URL/AI_MODEL/AI_API_KEY) is the default for a business with no setting of its own.
 *
 * - The key is sealed at rest with the channels' cipher (CHANNEL_TOKEN_KEY, the same helper the
 *   messenger tokens use), the business id as associated data, and never sent back: the console
 *   sees only whether one is set.
 * - The owner supplies a URL this server will call (SSRF): http(s) only, no credentials in it, and
 *   it must resolve to public addresses, unless private ones are allowed as for webhooks
 *   (WEBHOOKS_ALLOW_PRIVATE: tests and the demo, where the fake provider is on loopback). Checked
 *   when saved, when tested, and again when the model is built for turns.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { assistantSettings } from '../../adapters/db/schema.js';
import { checkTarget, TargetRefused } from '../../adapters/webhooks/post.js';
import type { AssistantModel, ConnectionCheck } from '../../ports/assistant.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';
import { cached } from '../site.js';
import type { AssistantConfig } from './turn.js';

const TEST_TIMEOUT_MS = 10_000;

export interface AssistantSettingsView {
  /** Whose settings answer: the business's own, the operator's env default, or none (off). */
  source: 'business' | 'operator' | 'none';
  enabled: boolean;
  baseUrl: string;
  model: string;
  /** Whether a key is stored (the key itself never leaves the server). */
  keySet: boolean;
  dailyTokens: number;
  /** The owner's settings can be stored here (the sealing key is configured). */
  editable: boolean;
}

export interface AssistantSettingsInput {
  enabled: boolean;
  baseUrl: string;
  model: string;
  /** Empty/absent keeps the stored key. */
  apiKey?: string | undefined;
  /** true = forget the stored key (a local model needs none). */
  clearKey?: boolean | undefined;
  dailyTokens: number;
}

type Row = typeof assistantSettings.$inferSelect;

async function rowOf(db: Db, businessId: string): Promise<Row | undefined> {
  return (await db.select().from(assistantSettings).where(eq(assistantSettings.businessId, businessId)).limit(1))[0];
}

export async function readAssistantSettings(deps: Deps, businessId: string): Promise<AssistantSettingsView> {
  const row = await rowOf(deps.db, businessId);
  const editable = !!deps.assistantRuntime;
  if (row) return { source: 'business', enabled: row.enabled, baseUrl: row.baseUrl, model: row.model, keySet: !!row.apiKeySealed, dailyTokens: row.dailyTokens, editable };
  const env = deps.assistant;
  return { source: env ? 'operator' : 'none', enabled: !!env, baseUrl: '', model: env?.model.name ?? '', keySet: false, dailyTokens: env?.dailyTokens ?? 200_000, editable };
}

const fieldError = (field: string, message: string) => fail('INVALID_INPUT', `${field}: ${message}`, { field, fields: [{ path: field, message }] });

/** The URL as the client will call it, or why not (field `baseUrl`). */
async function checkBaseUrl(deps: Deps, raw: string): Promise<Result<string>> {
  try {
    const { url } = await checkTarget(raw.trim(), deps.webhooksAllowPrivate ?? false);
    return ok(url.toString().replace(/\/+$/, ''));
  } catch (err) {
    if (err instanceof TargetRefused) return fieldError('baseUrl', `this address cannot be used: ${err.message}`);
    throw err;
  }
}

function checkModel(model: string): Result<string> {
  const m = model.trim();
  if (!m) return fieldError('model', 'the model name is empty');
  if (m.length > 200 || /[\s\u0000-\u001f]/.test(m)) return fieldError('model', 'a model name is one word of at most 200 characters, e.g. gpt-4o-mini');
  return ok(m);
}

export async function saveAssistantSettings(deps: Deps, businessId: string, input: AssistantSettingsInput): Promise<Result<AssistantSettingsView>> {
  const rt = deps.assistantRuntime;
  if (!rt) return fail('INVALID_INPUT', 'The assistant settings cannot be stored on this server (no sealing key)');
  if (!Number.isInteger(input.dailyTokens) || input.dailyTokens < 0 || input.dailyTokens > 100_000_000) return fieldError('dailyTokens', 'a whole number from 0 (no cap) to 100000000');
  let baseUrl = input.baseUrl.trim();
  let model = input.model.trim();
  // Off with empty fields is a valid "off"; anything typed is checked either way.
  if (input.enabled || baseUrl) {
    const u = await checkBaseUrl(deps, baseUrl);
    if (!u.ok) return u;
    baseUrl = u.value;
  }
  if (input.enabled || model) {
    const m = checkModel(model);
    if (!m.ok) return m;
    model = m.value;
  }
  const key = input.apiKey?.trim() ?? '';
  if (key.length > 1000) return fieldError('apiKey', 'the key is longer than 1000 characters');
  const existing = await rowOf(deps.db, businessId);
  const apiKeySealed = key ? rt.cipher.seal(key, businessId) : input.clearKey ? null : (existing?.apiKeySealed ?? null);
  const values = { enabled: input.enabled, baseUrl, model, apiKeySealed, dailyTokens: input.dailyTokens, updatedAt: deps.clock.now() };
  await deps.db.insert(assistantSettings).values({ businessId, ...values }).onConflictDoUpdate({ target: assistantSettings.businessId, set: values });
  return ok(await readAssistantSettings(deps, businessId));
}

/**
 * "Test connection": one tiny call to the endpoint as typed (the stored key when none is typed),
 * nothing stored. The answer names what to fix: the address, the key, the model, or the provider.
 */
export async function testAssistantConnection(deps: Deps, businessId: string, input: { baseUrl: string; model: string; apiKey?: string | undefined }): Promise<Result<ConnectionCheck>> {
  const rt = deps.assistantRuntime;
  if (!rt) return fail('INVALID_INPUT', 'The assistant cannot be tested on this server (no sealing key)');
  const u = await checkBaseUrl(deps, input.baseUrl);
  if (!u.ok) return u;
  const m = checkModel(input.model);
  if (!m.ok) return m;
  let apiKey = input.apiKey?.trim() ?? '';
  if (!apiKey) {
    const row = await rowOf(deps.db, businessId);
    apiKey = row?.apiKeySealed ? rt.cipher.open(row.apiKeySealed, businessId) : '';
  }
  return ok(await rt.models.check({ baseURL: u.value, model: m.value, apiKey: apiKey || 'none' }, AbortSignal.timeout(TEST_TIMEOUT_MS)));
}

// Built models per business, reused while the settings row is unchanged (the client keeps its connections).
const models = new WeakMap<object, Map<string, AssistantModel>>();

/**
 * The assistant a business's turns use: its own settings when it has a row (on or off), else the
 * operator's env default, else none. Read through the config cache (a change reaches turns within
 * its few seconds, like any configuration).
 */
export async function assistantFor(deps: Deps, businessId: string): Promise<AssistantConfig | undefined> {
  const rt = deps.assistantRuntime;
  if (!rt) return deps.assistant;
  return cached(deps, `assistant:${businessId}`, async () => {
    const row = await rowOf(deps.db, businessId);
    if (!row) return deps.assistant;
    if (!row.enabled) return undefined;
    // Re-checked here: a host that resolved to a public address when saved may not any more.
    const u = await checkBaseUrl(deps, row.baseUrl);
    if (!u.ok) return undefined;
    const cacheKey = `${businessId}:${row.updatedAt.getTime()}`;
    let perRt = models.get(rt);
    if (!perRt) models.set(rt, (perRt = new Map<string, AssistantModel>()));
    let model = perRt.get(cacheKey);
    if (!model) {
      model = rt.models.model({ baseURL: u.value, model: row.model, apiKey: row.apiKeySealed ? rt.cipher.open(row.apiKeySealed, businessId) : 'none' });
      for (const k of perRt.keys()) if (k.startsWith(`${businessId}:`)) perRt.delete(k);
      perRt.set(cacheKey, model);
    }
    return { model, timeoutMs: rt.timeoutMs, dailyTokens: row.dailyTokens };
  });
}
