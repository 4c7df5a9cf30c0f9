import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authSession } from '../../../lib/auth-session';
import { json, mockApi, problem, renderWithProviders } from '../../../test/render';
import { CodeForm } from './code-form';

const sent = { phone: '+79991234567', expiresAt: '2026-12-03T10:05:00Z', resendAfter: 60, codeLength: 4, devCode: '4821' };
const accessToken = `h.${btoa(JSON.stringify({ role: 'user' }))}.s`;
const me = { id: 'u1', phone: '+79991234567', inviteCode: 'AB3X9K', invitedBy: null, referralsCount: 0, createdAt: '2026-12-03T10:00:00Z' };

function renderForm(overrides: Partial<Parameters<typeof CodeForm>[0]> = {}, locale: 'ru' | 'en' = 'ru') {
  const props = { sent, onResent: vi.fn(), onVerified: vi.fn(), onChangeNumber: vi.fn(), ...overrides };
  renderWithProviders(<CodeForm {...props} />, { locale });
  return props;
}

afterEach(() => authSession.end());

describe('CodeForm', () => {
  it('shows the demo code in a marked banner and a one-time-code input', () => {
    renderForm();
    expect(screen.getByText('Демо-режим: SMS не отправляются')).toBeInTheDocument();
    expect(screen.getByTestId('dev-code')).toHaveTextContent('4821');
    const input = screen.getByLabelText('Код из SMS');
    expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    expect(input).toHaveAttribute('inputmode', 'numeric');
  });

  it('takes the digits out of a pasted message', () => {
    renderForm();
    const input = screen.getByLabelText('Код из SMS');
    fireEvent.paste(input, { clipboardData: { getData: () => 'Ваш код: 48 21.' } });
    expect(input).toHaveValue('4821');
  });

  it('signs in with the right code and keeps the token in memory only', async () => {
    const user = userEvent.setup();
    const calls = mockApi({
      'POST /api/auth/verify': () => json(200, { accessToken, refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900, isNewUser: true, user: me }),
    });
    const props = renderForm();
    await user.type(screen.getByLabelText('Код из SMS'), '4821');
    await user.click(screen.getByRole('button', { name: 'Войти' }));
    expect(calls[0]?.body).toEqual({ phone: '+79991234567', code: '4821' });
    expect(props.onVerified).toHaveBeenCalled();
    expect(authSession.accessToken()).toBe(accessToken);
    expect(JSON.stringify({ ...localStorage })).not.toContain(accessToken);
  });

  it('follows the code length the server announces', async () => {
    const user = userEvent.setup();
    const calls = mockApi({});
    renderForm({ sent: { ...sent, codeLength: 6 } });
    const input = screen.getByLabelText('Код из SMS');
    fireEvent.paste(input, { clipboardData: { getData: () => 'код 123 456 7' } });
    expect(input).toHaveValue('123456');
    await user.clear(input);
    await user.type(input, '1234');
    await user.click(screen.getByRole('button', { name: 'Войти' }));
    expect(input).toHaveAccessibleDescription(/Введите код из 6 цифр\./);
    expect(calls).toHaveLength(0);
  });

  it('does not send a short code', async () => {
    const user = userEvent.setup();
    const calls = mockApi({});
    renderForm();
    await user.type(screen.getByLabelText('Код из SMS'), '12');
    await user.click(screen.getByRole('button', { name: 'Войти' }));
    expect(screen.getByLabelText('Код из SMS')).toHaveAccessibleDescription(/Введите код из 4 цифр\./);
    expect(calls).toHaveLength(0);
  });

  it('shows a wrong code with the attempts left under the field', async () => {
    const user = userEvent.setup();
    mockApi({ 'POST /api/auth/verify': () => problem(401, 'code_invalid', { attemptsLeft: 2 }) });
    renderForm({}, 'en');
    await user.type(screen.getByLabelText('Code from the SMS'), '1111');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong code. 2 attempts left.');
    const input = screen.getByLabelText('Code from the SMS');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Wrong code\. 2 attempts left\./);
  });

  it('explains an expired code', async () => {
    const user = userEvent.setup();
    mockApi({ 'POST /api/auth/verify': () => problem(401, 'code_expired') });
    renderForm();
    await user.type(screen.getByLabelText('Код из SMS'), '1111');
    await user.click(screen.getByRole('button', { name: 'Войти' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Код истёк или уже использован. Запросите новый.');
  });

  it('enables "send again" only when the resendAfter countdown ends, then restarts it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const calls = mockApi({ 'POST /api/auth/codes': () => json(202, { ...sent, devCode: '9999' }) });
    const props = renderForm();

    expect(screen.getByRole('button', { name: /можно через 1:00/ })).toBeDisabled();
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(screen.getByRole('button', { name: /можно через 0:30/ })).toBeDisabled();
    await act(() => vi.advanceTimersByTimeAsync(30_500));
    const resend = screen.getByRole('button', { name: 'Отправить код ещё раз' });
    expect(resend).toBeEnabled();

    await user.click(resend);
    expect(calls[0]?.body).toEqual({ phone: '+79991234567' });
    expect(props.onResent).toHaveBeenCalledWith({ ...sent, devCode: '9999' });
    expect(await screen.findByText('Мы отправили новый код.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /можно через 1:00/ })).toBeDisabled();
  });

  it('goes back to the phone step on "change number"', async () => {
    const user = userEvent.setup();
    const props = renderForm();
    await user.click(screen.getByRole('button', { name: 'Изменить номер' }));
    expect(props.onChangeNumber).toHaveBeenCalled();
  });
});
