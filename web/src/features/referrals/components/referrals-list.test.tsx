import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderWithProviders } from '../../../test/render';
import { ReferralsList } from './referrals-list';

const item = (n: number) => ({ phone: `+7 999 ***-**-0${n}`, activatedAt: `2026-12-0${n}T10:00:00Z` });

describe('ReferralsList', () => {
  it('shows masked phones newest first and loads the next page by cursor', async () => {
    const user = userEvent.setup();
    const calls = mockApi({
      'GET /api/me/referrals': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'next'
          ? json(200, { items: [item(1)], nextCursor: null, total: 3 })
          : json(200, { items: [item(3), item(2)], nextCursor: 'next', total: 3 }),
    });
    renderWithProviders(<ReferralsList />);

    const table = await screen.findByRole('table', { name: 'Кто активировал ваш код' });
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'ТелефонДата активации',
      expect.stringContaining('+7 999 ***-**-03'),
      expect.stringContaining('+7 999 ***-**-02'),
    ]);
    expect(screen.getByTestId('referrals-total')).toHaveTextContent('3');

    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));
    expect(await screen.findByText('Показано 3 из 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Показать ещё' })).not.toBeInTheDocument();
    expect(calls.map((call) => call.path)).toEqual(['/api/me/referrals', '/api/me/referrals']);
  });

  it('has an empty state and a retry for a failed load', async () => {
    const user = userEvent.setup();
    let fail = true;
    mockApi({
      'GET /api/me/referrals': () => (fail ? problem(503, 'service_unavailable') : json(200, { items: [], nextCursor: null, total: 0 })),
    });
    renderWithProviders(<ReferralsList />, { locale: 'en' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The service is temporarily unavailable.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/Nobody has activated your code yet/)).toBeInTheDocument();
  });
});
