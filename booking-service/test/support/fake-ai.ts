/**
 * The AI assistant tests' world (issue 18): a seeded harness and the scripted fake provider on
 * loopback, opened once per describe block and closed after it; before each test the fake forgets
 * what it heard and has no script left. `use` receives both (the block keeps them in its own lets).
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFakeAiProvider, type FakeAiProvider } from '../../src/dev/fake-ai-provider.js';
import type { DbKind } from './db.js';
import { createHarness, type Harness } from './harness.js';

export function withFakeAi(kind: DbKind, use: (h: Harness, fake: FakeAiProvider) => void): void {
  let h: Harness | undefined;
  let fake: FakeAiProvider | undefined;
  beforeAll(async () => {
    h = await createHarness(kind);
    fake = await startFakeAiProvider();
    use(h, fake);
  });
  afterAll(async () => {
    await fake?.close();
    await h?.close();
  });
  beforeEach(() => {
    fake!.requests.length = 0;
    fake!.script([]);
  });
}
