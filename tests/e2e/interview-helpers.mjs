// Helpers shared by the interview preparation end-to-end tests (interview-*.test.mjs):
// today's date, reading a text, opening the interviews page and a person's card.
import { isoDaysFromToday } from './harness.mjs';

export const TODAY = isoDaysFromToday(0);

export const text = async (page, selector) => (await page.innerText(selector)).replace(/\s+/g, ' ').trim();

export async function openInterviews(page) {
  await page.click('#nav-interviews');
  await page.waitForSelector('#interview-person', { state: 'visible' });
}

export async function openCard(page, personId) {
  await page.selectOption('#interview-person', personId);
  await page.waitForSelector('#interview-brief', { state: 'visible' });
}
