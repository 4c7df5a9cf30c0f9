import { checkPage, EN, expect, newPhone, requestCode, signIn, test } from './support';

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('an English browser gets English, and the choice of Russian sticks', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in with your phone' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await checkPage(page, '14-sign-in-en');

    await signIn(page, newPhone().typed, EN);
    await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
    await expect(page.getByText('Nobody has activated your code yet.', { exact: false })).toBeVisible();
    await page.getByLabel('Friend’s invite code').fill('ZZZZZZ');
    await page.getByRole('button', { name: 'Activate' }).click();
    await expect(page.getByRole('alert')).toHaveText('No user has this invite code.');
    await checkPage(page, '15-profile-en');

    await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'RU' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Мой профиль' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Мой профиль' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  });
});

test.describe('the admin console in English', () => {
  test.use({ locale: 'en-GB' });

  test('signs in and shows every section in English', async ({ page }) => {
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Administrator sign-in' })).toBeVisible();
    await page.getByLabel('Username').fill(process.env.E2E_ADMIN_USERNAME ?? '');
    await page.getByLabel('Password').fill(process.env.E2E_ADMIN_PASSWORD ?? '');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Admin console' })).toBeVisible();
    await expect(page.getByText('Activation rate')).toBeVisible();
    await page.getByRole('tab', { name: 'Look up a code' }).click();
    await page.getByLabel('Invite code').fill('ZZZZZZ');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByRole('alert')).toHaveText('No user has this invite code.');
    await page.getByRole('tab', { name: 'Users' }).click();
    await expect(page.getByText(/^Found: \d+$/)).toBeVisible();
    await checkPage(page, '19-admin-users-en');
  });
});

test('an expired session leads back to sign-in and then to the page the person was on', async ({ page }) => {
  await page.goto('/');
  await signIn(page, newPhone().typed);
  await page.context().clearCookies();
  await page.reload();
  await expect(page).toHaveURL(/\/\?next=%2Fprofile&expired=1$/);
  await expect(page.getByText('Сессия истекла.', { exact: false })).toBeVisible();
  await signIn(page, newPhone().typed);
  await expect(page).toHaveURL(/\/profile$/);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  test('sign-in and profile fit the screen without sideways scrolling', async ({ page }) => {
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.goto('/');
    expect(await fits()).toBe(true);
    await checkPage(page, '16-mobile-sign-in');

    await signIn(page, newPhone().typed);
    await expect(page.getByRole('img', { name: /QR-код/ })).toBeVisible();
    expect(await fits()).toBe(true);
    await checkPage(page, '17-mobile-profile');
  });
});

test('an unknown address shows a page with the way back', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
  await checkPage(page, '18-not-found');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Перейти к содержимому' })).toBeFocused();
  await page.getByRole('link', { name: 'На главную' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Вход по номеру телефона' })).toBeVisible();
});

test('signing in works from the keyboard alone, and the number can be changed', async ({ page }) => {
  await page.goto('/');
  const phone = newPhone();
  await expect(page.getByLabel('Номер телефона')).toBeFocused();
  await page.keyboard.type(phone.typed);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Код из SMS')).toBeFocused();

  await page.getByRole('button', { name: 'Изменить номер' }).click();
  await expect(page.getByLabel('Номер телефона')).toHaveValue(phone.typed);
  // The same number again within the resend cooldown: the wait is shown under the field.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/^Слишком много запросов\. Повторите через \d+ с\.$/);
  await expect(page.getByRole('button', { name: 'Получить код' })).toBeDisabled();
  await page.getByLabel('Номер телефона').fill(newPhone().typed);
  await expect(page.getByRole('button', { name: 'Получить код' })).toBeEnabled();
  await page.keyboard.press('Enter');
  const code = (await page.getByTestId('dev-code').textContent()) ?? '';
  await expect(page.getByLabel('Код из SMS')).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/profile$/);
});

test('a code burned by wrong guesses is refused afterwards, even when right, with a clear message', async ({ page }) => {
  await page.goto('/');
  const code = await requestCode(page, newPhone().typed);
  const wrong = code === '0000' ? '1111' : '0000';
  for (const left of [4, 3, 2, 1]) {
    await page.getByLabel('Код из SMS').fill(wrong);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText(`${left}`);
  }
  await page.getByLabel('Код из SMS').fill(wrong);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/Попыток больше нет|Слишком много неверных попыток/);
  await page.getByLabel('Код из SMS').fill(code);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Слишком много неверных попыток/);
  await checkPage(page, '20-error-too-many-attempts');
});
