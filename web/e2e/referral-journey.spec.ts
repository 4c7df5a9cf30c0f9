import { type Browser, type Page } from '@playwright/test';
import { checkPage, expect, newPhone, requestCode, test } from './support';

// The seed's whole journey, as two people and an operator: A signs up and shares a link,
// B signs up through it and activates A's code, A sees B (masked), the admin sees B in full.
test.describe.configure({ mode: 'serial' });

const a = newPhone();
const b = newPhone();
let codeOfA = '';
// A keeps one browser for the whole story (a new code for the same phone has a 60 s cooldown).
let pageOfA: Page;

test.beforeAll(async ({ browser }) => {
  pageOfA = await newPage(browser);
});
test.afterAll(async () => {
  await pageOfA.context().close();
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('A signs in with the demo code and gets an invite code, a share link and a QR code', async () => {
  const page = pageOfA;
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Вход по номеру телефона' })).toBeVisible();
  await page.getByLabel('Номер телефона').fill(a.typed);
  await expect(page.getByText(`Номер: +7 ${a.e164.slice(2, 5)} ${a.e164.slice(5, 8)}-${a.e164.slice(8, 10)}-${a.e164.slice(10)}`)).toBeVisible();
  await checkPage(page, '01-sign-in-phone');

  const code = await requestCode(page, a.typed);
  await expect(page.getByText('Демо-режим: SMS не отправляются')).toBeVisible();
  await expect(page.getByRole('button', { name: /Отправить код ещё раз можно через/ })).toBeDisabled();
  await checkPage(page, '02-sign-in-code');

  await page.getByLabel('Код из SMS').fill(code);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page).toHaveURL(/\/profile$/);
  codeOfA = (await page.getByTestId('my-invite-code').textContent()) ?? '';
  expect(codeOfA).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
  await expect(page.getByTestId('share-link')).toHaveValue(new RegExp(`/\\?ref=${codeOfA}$`));
  await expect(page.getByRole('img', { name: /QR-код со ссылкой-приглашением/ })).toBeVisible();
  await expect(page.getByText('Пока никто не активировал ваш код.', { exact: false })).toBeVisible();
  await checkPage(page, '03-profile');
});

test('A cannot activate their own code', async () => {
  const page = pageOfA;
  await page.getByLabel('Инвайт-код друга').fill(codeOfA.toLowerCase());
  await page.getByRole('button', { name: 'Активировать' }).click();
  await expect(page.getByRole('alert')).toHaveText('Нельзя активировать собственный инвайт-код.');
  await checkPage(page, '04-error-own-code');
});

test('B opens A’s share link, signs in and activates A’s pre-filled code, once', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(`/?ref=${codeOfA}`);
  await expect(page.getByTestId('invited-banner')).toContainText(codeOfA);
  await checkPage(page, '05-sign-in-invited');

  // A wrong code first: the error and the attempts left appear under the code field.
  await requestCode(page, b.typed);
  await page.getByLabel('Код из SMS').fill('0000' === (await page.getByTestId('dev-code').textContent()) ? '1111' : '0000');
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Неверный код. Осталось 4 попытки.');
  await expect(page.getByLabel('Код из SMS')).toHaveAttribute('aria-invalid', 'true');
  await checkPage(page, '06-error-wrong-code');

  await page.getByLabel('Код из SMS').fill((await page.getByTestId('dev-code').textContent()) ?? '');
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByLabel('Инвайт-код друга')).toHaveValue(codeOfA);
  await checkPage(page, '07-profile-prefilled');

  // A second tab, opened before the activation, still shows the form.
  const stale = await page.context().newPage();
  await stale.goto('/profile');
  await expect(stale.getByLabel('Инвайт-код друга')).toBeVisible();

  await page.getByRole('button', { name: 'Активировать' }).click();
  await expect(page.getByText(`Готово: код ${codeOfA} активирован.`)).toBeVisible();
  await expect(page.getByTestId('invited-by')).toContainText(`Вас пригласили по коду ${codeOfA}`);
  await checkPage(page, '08-profile-invited');

  await stale.getByLabel('Инвайт-код друга').fill(codeOfA);
  await stale.getByRole('button', { name: 'Активировать' }).click();
  await expect(stale.getByRole('alert')).toHaveText('Вы уже активировали инвайт-код — это можно сделать только один раз.');
  await page.context().close();
});

test('A sees B among the referrals, with the phone masked, after a reload', async () => {
  const page = pageOfA;
  // A reload drops the in-memory access token: the session comes back through the refresh cookie.
  await page.reload();
  await expect(page.getByTestId('referrals-total')).toHaveText('1');
  const row = page.getByRole('table', { name: 'Кто активировал ваш код' }).getByRole('row').nth(1);
  await expect(row).toContainText(new RegExp(`\\+7 \\d{3} \\*\\*\\*-\\*\\*-${b.lastTwo}`));
  await expect(page.getByText(b.e164)).toHaveCount(0);
  await checkPage(page, '09-profile-referrals');

  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/\?next=%2Fprofile/);
});

test('the admin signs in, sees the totals and finds B’s full phone under A’s code', async ({ page }) => {
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Вход для администратора' })).toBeVisible();
  await checkPage(page, '10-admin-login');

  await page.getByLabel('Имя пользователя').fill(process.env.E2E_ADMIN_USERNAME ?? '');
  await page.getByLabel('Пароль').fill('wrong password');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('alert')).toHaveText('Неверное имя пользователя или пароль.');

  await page.getByLabel('Пароль').fill(process.env.E2E_ADMIN_PASSWORD ?? '');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Панель администратора' })).toBeVisible();
  await expect(page.getByTestId('stat-users')).toHaveText(/^\d+$/);
  expect(Number(await page.getByTestId('stat-users').textContent())).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('img', { name: /За период: регистраций/ })).toBeVisible();
  await checkPage(page, '11-admin-dashboard');

  await page.getByRole('tab', { name: 'Поиск по коду' }).click();
  await page.getByLabel('Инвайт-код').fill(codeOfA.toLowerCase());
  await page.getByRole('button', { name: 'Найти' }).click();
  const result = page.getByTestId('lookup-result');
  await expect(result).toContainText(`Владелец кода ${codeOfA}`);
  await expect(result.getByRole('cell', { name: b.e164 })).toBeVisible();
  await checkPage(page, '12-admin-lookup');

  await page.getByRole('tab', { name: 'Пользователи' }).click();
  await page.getByLabel('Поиск по цифрам телефона или инвайт-коду').fill(b.e164.slice(2));
  const table = page.getByTestId('users-table');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText(codeOfA);
  await checkPage(page, '13-admin-users');

  // The session survives a reload through the refresh cookie.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Панель администратора' })).toBeVisible();
});
