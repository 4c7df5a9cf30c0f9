import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { pendingInvite } from '../../../lib/pending-invite';
import { json, mockApi, problem, renderWithProviders } from '../../../test/render';
import { ActivationCard } from './activation-card';

const me = {
  id: 'u2',
  phone: '+79990000002',
  inviteCode: 'OWN111',
  invitedBy: { inviteCode: 'AB3X9K', activatedAt: '2026-12-03T09:30:00Z' },
  referralsCount: 0,
  createdAt: '2026-12-03T09:00:00Z',
};

describe('ActivationCard', () => {
  it('normalises the code as the API does before sending it', async () => {
    const user = userEvent.setup();
    const calls = mockApi({ 'POST /api/me/invite': () => json(200, me) });
    renderWithProviders(<ActivationCard invitedBy={null} ownCode="OWN111" />);
    await user.type(screen.getByLabelText('Инвайт-код друга'), ' ab3x9k ');
    await user.click(screen.getByRole('button', { name: 'Активировать' }));
    expect(calls[0]?.body).toEqual({ inviteCode: 'AB3X9K' });
    expect(await screen.findByText('Готово: код AB3X9K активирован.')).toBeInTheDocument();
  });

  it('refuses a code of the wrong shape without asking the server', async () => {
    const user = userEvent.setup();
    const calls = mockApi({});
    renderWithProviders(<ActivationCard invitedBy={null} ownCode="OWN111" />);
    await user.type(screen.getByLabelText('Инвайт-код друга'), 'AB3');
    await user.click(screen.getByRole('button', { name: 'Активировать' }));
    expect(screen.getByLabelText('Инвайт-код друга')).toHaveAccessibleDescription(/6 латинских букв и цифр/);
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['self_referral', 422, 'Нельзя активировать собственный инвайт-код.'],
    ['invite_already_activated', 409, 'Вы уже активировали инвайт-код — это можно сделать только один раз.'],
    ['invite_code_not_found', 404, 'Пользователя с таким инвайт-кодом нет.'],
    ['referral_cycle', 422, 'Этот код активировать нельзя: его владелец пришёл по вашему приглашению.'],
  ])('shows %s under the field', async (code, status, text) => {
    const user = userEvent.setup();
    mockApi({ 'POST /api/me/invite': () => problem(status, code) });
    renderWithProviders(<ActivationCard invitedBy={null} ownCode="OWN111" />);
    await user.type(screen.getByLabelText('Инвайт-код друга'), 'ZZZZZZ');
    await user.click(screen.getByRole('button', { name: 'Активировать' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(screen.getByLabelText('Инвайт-код друга')).toHaveAccessibleDescription(new RegExp(text));
  });

  it('pre-fills the code from a share link, but never the user’s own code', () => {
    pendingInvite.remember('ab3x9k');
    const { unmount } = renderWithProviders(<ActivationCard invitedBy={null} ownCode="OWN111" />);
    expect(screen.getByLabelText('Инвайт-код друга')).toHaveValue('AB3X9K');
    expect(screen.getByText(/уже подставлен/)).toBeInTheDocument();
    unmount();

    renderWithProviders(<ActivationCard invitedBy={null} ownCode="AB3X9K" />);
    expect(screen.getByLabelText('Инвайт-код друга')).toHaveValue('');
  });

  it('shows who invited the user instead of the form once activated', () => {
    renderWithProviders(<ActivationCard invitedBy={me.invitedBy} ownCode="OWN111" />, { locale: 'en' });
    expect(screen.getByTestId('invited-by')).toHaveTextContent('You were invited with code AB3X9K on December 3, 2026.');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
