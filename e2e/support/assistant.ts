import { expect, type Page } from '@playwright/test';
import { BOOKING_URL } from './urls';

/**
 * Saves the signed-in owner's AI assistant settings through the console API (as the page's Save
 * does). Specs that turn the assistant on turn it off again with this in `finally`: the e2e run
 * shares one database, and a later spec's free text must not go to a provider that is gone.
 */
export async function saveAssistant(page: Page, data: Record<string, unknown>): Promise<void> {
  const me = (await (await page.request.get(`${BOOKING_URL}/console/trpc/auth.me`)).json()) as { result: { data: { csrfToken: string } } };
  const res = await page.request.post(`${BOOKING_URL}/console/trpc/assistant.save`, { headers: { 'x-csrf-token': me.result.data.csrfToken }, data });
  expect(res.ok(), await res.text()).toBe(true);
}
