import { describe, expect, it } from 'vitest';
import { ARGON2_PARAMS, verifyPassword } from '../services/console/passwords.js';
import { DEMO_PASSWORD, DEMO_PASSWORD_HASH } from './demo.js';

describe('demo accounts', () => {
  it('share a kept argon2id hash of the demo password, made with the console’s parameters', async () => {
    expect(await verifyPassword(DEMO_PASSWORD, DEMO_PASSWORD_HASH)).toBe(true);
    expect(await verifyPassword('not-the-demo-password', DEMO_PASSWORD_HASH)).toBe(false);
    const { memorySize: m, iterations: t, parallelism: p } = ARGON2_PARAMS;
    expect(DEMO_PASSWORD_HASH.startsWith(`$argon2id$v=19$m=${m},t=${t},p=${p}$`)).toBe(true);
  });
});
