/**
 * The owner's AI assistant settings (issue 18, services/assistant/settings.ts): field-named
 * errors for a bad endpoint (http(s) only, no private addresses unless allowed as for webhooks),
 * the key sealed at rest and never sent back, "Test connection" in words the owner can act on,
 * and turns that use the business's own endpoint, or none when the owner turned it off, over the
 * operator's env default.
 */
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/adapters/db/client.js';
import { createTokenCipher } from '../src/adapters/google/token-cipher.js';
import { openAiModel, openAiModels } from '../src/adapters/openai/assistant-model.js';
import { startFakeAiProvider, type FakeAiProvider } from '../src/dev/fake-ai-provider.js';
import { readAssistantSettings, saveAssistantSettings, testAssistantConnection } from '../src/services/assistant/settings.js';
import { dbKinds, type DbKind } from './support/db.js';
import type { Harness } from './support/harness.js';
import { withFakeAi } from './support/fake-ai.js';
import { visitor } from './support/visitor.js';

const BIZ = 'biz-salon-spb';
const SALON = 'demo-salon-spb';
const ORIGIN = { origin: 'http://localhost:8080' };
const KEY = 'sk-test-very-secret-123';

describe.each(dbKinds)('assistant settings on %s', (kind: DbKind) => {
  let h: Harness;
  let fake: FakeAiProvider;
  const settings = (over: Partial<Parameters<typeof saveAssistantSettings>[2]> = {}) => ({ enabled: true, baseUrl: fake.baseURL, model: 'owner-model', apiKey: KEY, dailyTokens: 1000, ...over });

  withFakeAi(kind, (x, f) => {
    h = x;
    fake = f;
  });
  beforeEach(async () => {
    await h.deps.db.execute(sql`DELETE FROM assistant_settings`);
    h.deps.assistant = undefined;
    h.deps.webhooksAllowPrivate = true;
    h.deps.assistantRuntime = { cipher: createTokenCipher(randomBytes(32)), models: openAiModels, timeoutMs: 5_000 };
  });

  it('with no setting the operator’s env default shows, and nothing of its key', async () => {
    expect(await readAssistantSettings(h.deps, BIZ)).toMatchObject({ source: 'none', enabled: false, keySet: false, editable: true });
    h.deps.assistant = { model: openAiModel({ baseURL: fake.baseURL, model: 'env-model', apiKey: 'env-key' }), timeoutMs: 5_000, dailyTokens: 0 };
    const view = await readAssistantSettings(h.deps, BIZ);
    expect(view).toMatchObject({ source: 'operator', enabled: true, model: 'env-model', keySet: false });
    expect(JSON.stringify(view)).not.toContain('env-key');
  });

  it('bad input names its field: not http(s), credentials in the URL, a private address, an empty model, a negative cap', async () => {
    const bad = async (over: Parameters<typeof settings>[0]) => {
      const r = await saveAssistantSettings(h.deps, BIZ, settings(over));
      return r.ok ? null : (r.details as { field: string }).field;
    };
    expect(await bad({ baseUrl: 'ftp://example.com/v1' })).toBe('baseUrl');
    expect(await bad({ baseUrl: 'not a url' })).toBe('baseUrl');
    expect(await bad({ baseUrl: 'http://user:pw@example.com/v1' })).toBe('baseUrl');
    expect(await bad({ baseUrl: '' })).toBe('baseUrl');
    expect(await bad({ model: '  ' })).toBe('model');
    expect(await bad({ model: 'two words' })).toBe('model');
    expect(await bad({ dailyTokens: -1 })).toBe('dailyTokens');
    // SSRF: the owner's URL may not reach this machine or the private network, unless private
    // addresses are allowed as for webhooks (tests, the demo).
    h.deps.webhooksAllowPrivate = false;
    expect(await bad({ baseUrl: fake.baseURL })).toBe('baseUrl');
    expect(await bad({ baseUrl: 'http://10.0.0.5:11434/v1' })).toBe('baseUrl');
    expect(await bad({ baseUrl: 'http://[::1]:8000/v1' })).toBe('baseUrl');
    expect((await testAssistantConnection(h.deps, BIZ, { baseUrl: 'http://169.254.169.254/v1', model: 'x' })).ok).toBe(false);
    expect(await queryRows(h.deps.db, sql`SELECT 1 FROM assistant_settings`)).toHaveLength(0);
    // Off with empty fields is a valid "off".
    expect((await saveAssistantSettings(h.deps, BIZ, settings({ enabled: false, baseUrl: '', model: '' }))).ok).toBe(true);
  });

  it('the key is sealed at rest, never sent back; empty keeps it, clearKey forgets it', async () => {
    const saved = await saveAssistantSettings(h.deps, BIZ, settings());
    expect(saved).toMatchObject({ ok: true, value: { source: 'business', enabled: true, model: 'owner-model', keySet: true, dailyTokens: 1000 } });
    expect(JSON.stringify(saved)).not.toContain(KEY);
    const rows = await queryRows<{ api_key_sealed: string }>(h.deps.db, sql`SELECT api_key_sealed FROM assistant_settings WHERE business_id = ${BIZ}`);
    expect(rows[0]!.api_key_sealed).not.toContain(KEY);
    expect(h.deps.assistantRuntime!.cipher.open(rows[0]!.api_key_sealed, BIZ)).toBe(KEY);
    // Sealed for this business: copied onto another business's row it does not open.
    expect(() => h.deps.assistantRuntime!.cipher.open(rows[0]!.api_key_sealed, 'biz-other')).toThrow();
    expect(await saveAssistantSettings(h.deps, BIZ, settings({ apiKey: '' }))).toMatchObject({ ok: true, value: { keySet: true } });
    expect(await saveAssistantSettings(h.deps, BIZ, settings({ apiKey: '', clearKey: true }))).toMatchObject({ ok: true, value: { keySet: false } });
  });

  it('"Test connection" makes one tiny call and says what is wrong: works, wrong address/model, unreachable', async () => {
    fake.script([{ reply: 'OK', tokens: 7 }]);
    expect(await testAssistantConnection(h.deps, BIZ, { baseUrl: fake.baseURL, model: 'owner-model', apiKey: KEY })).toEqual({ ok: true, value: { ok: true, tokens: 7 } });
    expect(fake.requests).toHaveLength(1);
    expect(await testAssistantConnection(h.deps, BIZ, { baseUrl: `${fake.baseURL}/nowhere`, model: 'owner-model' })).toMatchObject({ ok: true, value: { ok: false, reason: 'not_found' } });
    const closed = await startFakeAiProvider();
    await closed.close();
    expect(await testAssistantConnection(h.deps, BIZ, { baseUrl: closed.baseURL, model: 'owner-model' })).toMatchObject({ ok: true, value: { ok: false, reason: 'unreachable' } });
  });

  it('turns use the business’s own endpoint over the env default; off means no model at all', async () => {
    h.deps.assistant = { model: openAiModel({ baseURL: fake.baseURL, model: 'env-model', apiKey: 'env-key' }), timeoutMs: 5_000, dailyTokens: 0 };
    h.deps.configCache = undefined;
    fake.script([{ reply: 'Yes, we do.' }]);
    await visitor(h, SALON, 'en', ORIGIN).send({ type: 'text', text: 'do you have wifi?' });
    expect(fake.requests).toHaveLength(1);

    expect((await saveAssistantSettings(h.deps, BIZ, settings())).ok).toBe(true);
    fake.script([{ reply: 'Yes, we do.' }]);
    const v = visitor(h, SALON, 'en', ORIGIN);
    await v.send({ type: 'text', text: 'do you have wifi?' });
    expect(fake.requests).toHaveLength(2);
    expect(v.view.messages.at(-1)!.text).toBe('Yes, we do.');

    expect((await saveAssistantSettings(h.deps, BIZ, settings({ enabled: false }))).ok).toBe(true);
    await visitor(h, SALON, 'en', ORIGIN).send({ type: 'text', text: 'do you have wifi?' });
    expect(fake.requests).toHaveLength(2);
  });
});
