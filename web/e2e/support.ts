import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where page screenshots go: docs/screenshots with `npm run screenshots`, else test-results. */
const SCREENSHOTS_DIR = resolve(process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots');

/** Browser console noise that the error paths cause on purpose (the 4xx of a wrong code…). */
const EXPECTED_CONSOLE = /Failed to load resource: the server responded with a status of (400|401|404|409|422|429)/;

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !EXPECTED_CONSOLE.test(message.text())) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

let counter = 0;
/** A fresh, valid Russian mobile number per call, as a person would type it and as E.164. */
export function newPhone(): { typed: string; e164: string; lastTwo: string } {
  counter += 1;
  const random = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  const digits = `9${random}${String(counter % 100).padStart(2, '0')}`;
  const typed = `8 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`;
  return { typed, e164: `+7${digits}`, lastTwo: digits.slice(8) };
}

/** Asks for a code on the open sign-in page and returns the demo code the page shows. */
export async function requestCode(page: Page, phone: string, labels = RU): Promise<string> {
  await page.getByLabel(labels.phone).fill(phone);
  await page.getByRole('button', { name: labels.getCode }).click();
  const devCode = page.getByTestId('dev-code');
  await expect(devCode).toHaveText(/^\d{4}$/);
  return (await devCode.textContent()) ?? '';
}

/** The whole sign-in: phone → demo code → profile. */
export async function signIn(page: Page, phone: string, labels = RU): Promise<void> {
  const code = await requestCode(page, phone, labels);
  await page.getByLabel(labels.code).fill(code);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByTestId('my-invite-code')).toHaveText(/^[0-9A-Z]{6}$/);
}

export const RU = { phone: 'Номер телефона', getCode: 'Получить код', code: 'Код из SMS', submit: 'Войти' };
export const EN = { phone: 'Phone number', getCode: 'Get code', code: 'Code from the SMS', submit: 'Sign in' };

/**
 * Every page a person can see gets an accessibility scan (no serious or critical violation)
 * and a screenshot.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe violations on ${name}`).toEqual([]);
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}
