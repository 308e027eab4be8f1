// Helpers shared by the roles and accountability register's end-to-end tests
// (register-*.test.mjs): reading a check's words and status, opening the register.

export const text = async (page, selector) => (await page.textContent(selector)).replace(/\s+/g, ' ').trim();

export const checkText = (page, id) => text(page, `#register-check-${id}`);

export const checkStatus = (page, id) => text(page, `#register-check-${id}-status`);

/** Opens the register of the app served at `url` (each test file binds its own server's). */
export async function openRegisterAt(url, page) {
  await page.goto(`${url}#/register`);
  await page.waitForSelector('#add-person', { state: 'visible', timeout: 20000 });
  // The parts below the people come one a frame after the page's first paint.
  await page.waitForSelector('#org-title', { timeout: 20000 });
}
