import { describe, expect, it } from 'vitest';
import { connectionCap, mailboxWanted, readEnv } from './env.js';

describe('readEnv', () => {
  it('applies the documented defaults', () => {
    const env = readEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./data');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats an empty variable as unset, so DATABASE_URL= forces the embedded database', () => {
    expect(readEnv({ DATABASE_URL: '', PORT: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names every invalid variable', () => {
    expect(() => readEnv({ PORT: 'eighty', DATABASE_URL: 'not a url' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });
});

describe('limits: the demo mailbox and the socket cap', () => {
  it('/mailbox is on for the embedded demo only; off with DATABASE_URL or NODE_ENV=production; MAILBOX decides when set', () => {
    expect(mailboxWanted(readEnv({}))).toBe(true);
    expect(mailboxWanted(readEnv({ SMTP_URL: 'smtp://127.0.0.1:2525' }))).toBe(false);
    expect(mailboxWanted(readEnv({ DATABASE_URL: 'postgres://u@h/db' }))).toBe(false);
    expect(mailboxWanted(readEnv({ NODE_ENV: 'production' }))).toBe(false);
    expect(mailboxWanted(readEnv({ NODE_ENV: 'production', MAILBOX: 'true' }))).toBe(true);
    expect(mailboxWanted(readEnv({ MAILBOX: 'false' }))).toBe(false);
  });

  it('the per-address socket cap is 64 by default and off behind a trusted proxy unless set', () => {
    expect(connectionCap(readEnv({}))).toBe(64);
    expect(connectionCap(readEnv({ TRUST_PROXY: '1' }))).toBe(0);
    expect(connectionCap(readEnv({ TRUST_PROXY: '1', MAX_CONNECTIONS_PER_IP: '500' }))).toBe(500);
    expect(readEnv({}).REQUEST_TIMEOUT_SECONDS).toBe(30);
    expect(readEnv({}).HEADERS_TIMEOUT_SECONDS).toBe(10);
  });
});
