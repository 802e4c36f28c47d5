/**
 * The evaluation's AI path (bench/eval/ai-path.ts, issue 18 "Measured") driven through the official
 * `openai` client against the scripted fake provider on loopback: the path a real endpoint takes when
 * `AI_BASE_URL`/`AI_MODEL` are set, proven here because this machine has no network.
 */
import { describe, expect, it } from 'vitest';
import { openAiModel } from '../src/adapters/openai/assistant-model.js';
import { type FakeAiProvider } from '../src/dev/fake-ai-provider.js';
import { priceWords } from '../src/domain/conversation/words/format.js';
import { aiEndpoint, aiPathSection, aiRows, judgeAiPath } from '../bench/eval/ai-path.js';
import type { EvalMessage } from '../bench/eval/messages.js';
import { demoContext } from './support/engine-world.js';
import type { Harness } from './support/harness.js';
import { withFakeAi } from './support/fake-ai.js';
import { dbKinds, type DbKind } from './support/db.js';

const SHAVE: EvalMessage = { lang: 'en', site: 'demo-barber-nyc', text: 'price of a shave?', intent: 'prices', service: 'barber-shave' };
const PERSON: EvalMessage = { lang: 'ru', site: 'demo-salon-spb', text: 'соедините с менеджером', intent: 'human' };
const CASH: EvalMessage = { lang: 'hy', site: 'demo-clinic-yerevan', text: 'Կարելի՞ է կանխիկ վճարել', intent: 'other', kb: 'owner', owner: 'payment' };
const MONDAY: EvalMessage = { lang: 'en', site: 'demo-barber-nyc', text: 'book me a hot towel shave next monday', intent: 'book', service: 'barber-shave', when: '2026-03-09' };

describe('the AI path endpoint comes from the env names of env.ts', () => {
  it('is off without a base URL or a model, on with both', () => {
    expect(aiEndpoint({ AI_BASE_URL: undefined, AI_MODEL: 'm', AI_API_KEY: undefined })).toBeNull();
    expect(aiEndpoint({ AI_BASE_URL: 'http://127.0.0.1:11434/v1', AI_MODEL: undefined, AI_API_KEY: undefined })).toBeNull();
    expect(aiEndpoint({ AI_BASE_URL: 'http://127.0.0.1:11434/v1', AI_MODEL: 'llama3', AI_API_KEY: 'k' })).toEqual({ baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3', apiKey: 'k' });
  });
});

describe.each(dbKinds)('evaluation through the AI path, fake provider on loopback, %s', (kind: DbKind) => {
  let h: Harness;
  let fake: FakeAiProvider;
  const model = () => openAiModel({ baseURL: fake.baseURL, model: 'fake-1', apiKey: 'test' });

  withFakeAi(kind, (x, f) => {
    h = x;
    fake = f;
  });

  it('reads what the model did from its tools and scores it per language, with tokens and tool calls per turn', async () => {
    const s = demoContext('demo-barber-nyc').services.find((x) => x.id === 'barber-shave')!;
    fake.script([
      // SHAVE: a price, grounded in the quote tool
      { tools: [{ name: 'find_services', args: {} }] },
      { tools: [{ name: 'quote', args: { service_id: 'barber-shave' } }] },
      { reply: `A hot towel shave is ${priceWords(s.price, s.currency, 'en')}.` },
      // PERSON: a hand-off
      { tools: [{ name: 'ask_person', args: {} }] },
      // CASH: an answer from the knowledge base
      { tools: [{ name: 'search_knowledge', args: { question: 'cash payment' } }] },
      { reply: 'Այո։' },
      // MONDAY: an invented price is refused, the engine would answer
      { reply: 'A shave is $999.' },
    ]);
    const vs = await judgeAiPath(h.deps, model(), [SHAVE, PERSON, CASH, MONDAY]);
    expect(fake.requests).toHaveLength(7);
    expect(vs.map((v) => [v.intent, v.services, v.fallback, v.tokens, v.toolCalls])).toEqual([
      ['prices', ['barber-shave'], null, 30, 2],
      ['human', [], null, 10, 1],
      ['other', [], null, 20, 1],
      ['fallback', [], 'unsafe', 10, 0],
    ]);
    expect(vs.map((v) => v.ok)).toEqual([
      { intent: true, service: true, kb: null },
      { intent: true, service: true, kb: null },
      { intent: true, service: true, kb: true },
      { intent: false, service: false, kb: null },
    ]);
    const rows = aiRows(vs);
    expect(rows[0]).toMatch(/^\| ru \| 1 \| 100\.0 % \(1\/1\) \| 100\.0 % \(1\/1\) \| — \| 0 \|/);
    expect(rows[2]).toMatch(/^\| en \| 2 \| 50\.0 % \(1\/2\) \| 50\.0 % \(1\/2\) \| — \| 1 \| .* \| 20 \| 1\.0 \|$/);
    expect(rows[3]).toMatch(/^\| all \| 4 \| 75\.0 % \(3\/4\) \| 75\.0 % \(3\/4\) \| 100\.0 % \(1\/1\) \| 1 \|/);
  });

  it('writes the tables when an endpoint is set, and says it was not run without one', async () => {
    fake.script([{ tools: [{ name: 'ask_person', args: {} }] }]);
    const on = (await aiPathSection(h.deps, { baseURL: fake.baseURL, model: 'fake-1', apiKey: 'test' }, [{ name: 'one', messages: [PERSON] }])).join('\n');
    expect(on).toContain('model `fake-1`');
    expect(on).toMatch(/\| all \| 1 \| 100\.0 % \(1\/1\) \|/);
    expect(fake.requests).toHaveLength(1);
    const off = (await aiPathSection(h.deps, null, [{ name: 'one', messages: [PERSON] }])).join('\n');
    expect(off).toContain('never been run against a real model');
    expect(fake.requests).toHaveLength(1);
  });
});
