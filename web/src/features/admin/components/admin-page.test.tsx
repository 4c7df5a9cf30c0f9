import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authSession } from '../../../lib/auth-session';
import { json, mockApi, problem, renderWithProviders } from '../../../test/render';
import { AdminPage } from './admin-page';

const adminToken = `h.${btoa(JSON.stringify({ role: 'admin' }))}.s`;
const stats = {
  users: 12,
  activatedUsers: 3,
  activationRate: 0.25,
  days: [
    { date: '2026-12-02', signups: 5, activations: 1 },
    { date: '2026-12-03', signups: 7, activations: 2 },
  ],
  topReferrers: [{ inviteCode: 'AB3X9K', phone: '+79991234567', referralsCount: 3 }],
};
const user = (n: number) => ({
  id: `u${n}`,
  phone: `+7999000000${n}`,
  inviteCode: `CODE0${n}`,
  invitedBy: n % 2 ? 'AB3X9K' : null,
  referralsCount: n,
  createdAt: '2026-12-03T10:00:00Z',
});

afterEach(() => authSession.end());

describe('AdminPage', () => {
  it('reports wrong credentials under the password and signs in with the right ones', async () => {
    const u = userEvent.setup();
    mockApi({
      'POST /api/admin/login': async (request) => {
        const body = (await request.json()) as { password: string };
        return body.password === 'right-password'
          ? json(200, { accessToken: adminToken, refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900, admin: { id: 'a', username: 'root' } })
          : problem(401, 'invalid_credentials');
      },
      'GET /api/admin/stats': () => json(200, stats),
    });
    renderWithProviders(<AdminPage />, { route: '/admin' });

    await u.click(screen.getByRole('button', { name: 'Войти' }));
    expect(screen.getByLabelText('Имя пользователя')).toHaveAccessibleDescription('Заполните это поле.');

    await u.type(screen.getByLabelText('Имя пользователя'), 'root');
    await u.type(screen.getByLabelText('Пароль'), 'wrong');
    await u.click(screen.getByRole('button', { name: 'Войти' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Неверное имя пользователя или пароль.');

    await u.clear(screen.getByLabelText('Пароль'));
    await u.type(screen.getByLabelText('Пароль'), 'right-password');
    await u.click(screen.getByRole('button', { name: 'Войти' }));
    expect(await screen.findByTestId('stat-users')).toHaveTextContent('12');
    expect(screen.getByTestId('stat-rate')).toHaveTextContent('25');
    expect(screen.getByRole('img', { name: 'За период: регистраций — 12, активаций — 3.' })).toBeInTheDocument();
  });

  it('searches users by phone digits after a pause in typing and loads more pages by cursor', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const u = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    authSession.start(adminToken);
    const calls = mockApi({
      'GET /api/admin/users': (request) => {
        const query = new URL(request.url).searchParams;
        if (query.get('search') === '0001') return json(200, { items: [user(1)], nextCursor: null, total: 1 });
        if (query.get('cursor') === 'c2') return json(200, { items: [user(3)], nextCursor: null, total: 3 });
        return json(200, { items: [user(1), user(2)], nextCursor: 'c2', total: 3 });
      },
    });
    renderWithProviders(<AdminPage />, { route: '/admin?tab=users' });

    const table = await screen.findByTestId('users-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    await u.click(screen.getByRole('button', { name: 'Показать ещё' }));
    expect(await screen.findByText('Показано 3 из 3')).toBeInTheDocument();

    await u.type(screen.getByLabelText('Поиск по цифрам телефона или инвайт-коду'), '0001');
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(await screen.findByText('Найдено: 1')).toBeInTheDocument();
    const searches = calls.filter((call) => call.path === '/api/admin/users').length;
    expect(searches).toBe(3);
  });

  it('looks up a code: the owner and every full phone; an unknown code is reported at the field', async () => {
    const u = userEvent.setup();
    authSession.start(adminToken);
    mockApi({
      'GET /api/referrals/AB3X9K': () =>
        json(200, {
          owner: { phone: '+79991234567', inviteCode: 'AB3X9K' },
          items: [{ phone: '+79990000002', activatedAt: '2026-12-03T10:00:00Z' }],
          nextCursor: null,
          total: 1,
        }),
      'GET /api/referrals/ZZZZZZ': () => problem(404, 'invite_code_not_found'),
    });
    renderWithProviders(<AdminPage />, { route: '/admin?tab=lookup' });

    await u.type(screen.getByLabelText('Инвайт-код'), 'ab3x9k');
    await u.click(screen.getByRole('button', { name: 'Найти' }));
    const result = await screen.findByTestId('lookup-result');
    expect(result).toHaveTextContent('Владелец кода AB3X9K: +7 999 123-45-67');
    expect(within(result).getByRole('cell', { name: '+79990000002' })).toBeInTheDocument();

    await u.clear(screen.getByLabelText('Инвайт-код'));
    await u.type(screen.getByLabelText('Инвайт-код'), 'zzzzzz');
    await u.click(screen.getByRole('button', { name: 'Найти' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Пользователя с таким инвайт-кодом нет.');
  });
});
