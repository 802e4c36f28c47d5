import { expect, OWNER, test } from '../support/console';
import type { APIRequestContext } from '@playwright/test';
import { BOOKING_URL, DEMO_URL } from '../support/urls';

/**
 * Live hand-off from the console's side (issue 13): a chat conversation asks for a person, the
 * request shows in the inbox with the whole transcript and the lead card; the staff reply goes
 * into the conversation and reaches the visitor's stream (a real EventSource in a page of the
 * demo site's origin, so CORS is real); the visitor's answer appears in the open thread without a
 * reload, and the menu counts what is unread. The visitor is driven through the conversation API
 * (what the widget sends).
 */
const SITE = 'demo-barber-nyc';

interface View {
  conversationId: string;
  token: string;
  seq: number;
  messages: Array<{ seq: number; card?: { kind: string; handoffId?: string } }>;
}

async function say(request: APIRequestContext, body: Record<string, unknown>): Promise<View> {
  const res = await request.post(`${BOOKING_URL}/trpc/conversation.send`, { headers: { origin: DEMO_URL }, data: { siteKey: SITE, lang: 'en', ...body } });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: { data: View } }).result.data;
}

test('staff reply live in the inbox; the reply reaches the visitor’s stream, the answer the inbox; unread counts in the menu', async ({ page, browser, desk, check }) => {
  const visitor = 'Lena Live';
  let v = await say(page.request, { after: 0, event: { type: 'choose', optionId: 'intent:human' } });
  v = await say(page.request, { conversationId: v.conversationId, token: v.token, after: v.seq, event: { type: 'text', text: 'Do you trim beards on Sundays?' } });
  v = await say(page.request, { conversationId: v.conversationId, token: v.token, after: v.seq, event: { type: 'contact', name: visitor, contact: 'lena@example.com', consent: true } });

  // The visitor's page keeps a stream open, as the widget does.
  const visitorContext = await browser.newContext({ baseURL: DEMO_URL, locale: 'en-US' });
  const visitorPage = await visitorContext.newPage();
  await visitorPage.goto('/barber-nyc/');
  await visitorPage.evaluate((url) => {
    const w = window as unknown as { got: Array<{ from: string; text: string }>; es: EventSource };
    w.got = [];
    w.es = new EventSource(url);
    w.es.addEventListener('message', (e) => w.got.push(JSON.parse((e as MessageEvent<string>).data) as { from: string; text: string }));
  }, `${BOOKING_URL}/conversations/${v.conversationId}/stream?token=${v.token}&after=${v.seq}`);

  await desk.signedIn(OWNER(SITE));
  // Unread in the menu: the new request (and the visitor's words).
  await expect(desk.nav.locator('#nav-inbox-count')).toContainText(/Unread: \d+/);
  await desk.go('Inbox');
  const request = page.getByRole('article', { name: visitor }).first();
  await expect(request).toContainText('Waiting for a person');
  await expect(request.locator('.badge.unread')).toBeVisible();
  await request.getByRole('button', { name: 'Reply / Close' }).click();
  const thread = request.getByRole('region', { name: 'Conversation' });
  await expect(thread.getByText('Do you trim beards on Sundays?')).toBeVisible();
  const lead = request.getByRole('region', { name: 'Lead' });
  await expect(lead).toContainText('lena@example.com');
  await expect(lead).toContainText('Intent');
  await check('inbox-live-thread');

  await request.getByLabel(`Reply to ${visitor}`).fill('Yes, from 10 to 4. Shall I book you?');
  await request.getByRole('button', { name: 'Send' }).click();
  await expect(thread.locator('.msg.from-staff')).toContainText('Yes, from 10 to 4. Shall I book you?');
  await expect(request.locator('.sla')).toContainText('Answered');
  await expect(thread).toContainText('Live');
  // The visitor's stream got it (cross-origin EventSource).
  await expect.poll(() => visitorPage.evaluate(() => (window as unknown as { got: Array<{ from: string; text: string }> }).got.filter((m) => m.from === 'staff').map((m) => m.text))).toEqual(['Yes, from 10 to 4. Shall I book you?']);

  // The visitor answers: it appears in the open thread, no reload.
  v = await say(page.request, { conversationId: v.conversationId, token: v.token, after: v.seq, event: { type: 'text', text: 'Yes please, 11 am' } });
  await expect(thread.locator('.msg.from-visitor').last()).toContainText('Yes please, 11 am');
  await check('inbox-live-answer');
  await visitorContext.close();

  // The dashboard reads the conversation: by channel and intent, with first reply, SLA and handling time.
  await desk.go('Dashboard');
  const service = page.getByRole('region', { name: 'Service by channel and intent' });
  await expect(service.getByRole('row', { name: /Widget Talk to a person/ })).toBeVisible();
  await check('dashboard-service');
});
