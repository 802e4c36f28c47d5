import { expect, type APIRequestContext } from '@playwright/test';
import { BOOKING_URL } from './urls';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The newest demo-mailbox message to `to` with a code (the mail goes out by a durable job, a moment later). */
export async function codeMailedTo(request: APIRequestContext, to: string): Promise<string> {
  let id = '';
  await expect(async () => {
    const list = await (await request.get(`${BOOKING_URL}/mailbox`)).text();
    const rows = [...list.matchAll(/<tr><td>[^<]*<\/td><td>([^<]*)<\/td><td><a href="\/mailbox\/([^"]+)">([^<]*)<\/a><\/td><\/tr>/g)];
    id = rows.find(([, t, , s]) => decode(t!).includes(to) && /код|code|կոդ/i.test(decode(s!)))?.[2] ?? '';
    expect(id, `a code mailed to ${to}`).not.toBe('');
  }).toPass({ timeout: 30_000 });
  const page = await (await request.get(`${BOOKING_URL}/mailbox/${id}`)).text();
  return /\b(\d{6})\b/.exec(decode(/<pre[^>]*>([\s\S]*?)<\/pre>/.exec(page)?.[1] ?? ''))![1]!;
}
