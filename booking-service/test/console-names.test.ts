/**
 * Names typed into the console are one visible line: a CR/LF in a business, staff or client
 * name would end up in e-mail headers and bodies, so it is refused with the field named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleFailure, ownerOf, signIn, type ConsoleSessionClient } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

const fieldsOf = (e: { data: Record<string, any> }) => (e.data.fields as Array<{ path: string }>).map((f) => f.path);

describe.each(dbKinds)('console names refuse control characters (%s)', (kind) => {
  let h: Harness;
  let owner: ConsoleSessionClient;
  beforeAll(async () => {
    h = await createHarness(kind);
    owner = await signIn((await h.http()).url, ownerOf('demo-barber-nyc'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    ['business.update', () => owner.client.business.update.mutate({ name: 'Barber\r\nBcc: victim@example.com' }), 'name'],
    ['staff.save', () => owner.client.staff.save.mutate({ name: 'Sam\nSmith', timeZone: null, weeklyHours: {}, active: true }), 'name'],
    ['staff.invite', () => owner.client.staff.invite.mutate({ email: 'new@example.com', name: 'New\r\nPerson', role: 'staff', staffId: null }), 'name'],
  ] as const)('%s', async (_name, call, field) => {
    const e = await consoleFailure(call());
    expect(e.code).toBe('BAD_REQUEST');
    expect(fieldsOf(e)).toContain(field);
  });

  it('a plain name with spaces and non-Latin letters is accepted', async () => {
    const b = await owner.client.business.update.mutate({ name: '  Барбершоп Ереван  ' });
    expect(b.name).toBe('Барбершоп Ереван');
  });
});
