import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, problem, renderWithProviders } from '../../../test/render';
import { PhoneForm } from './phone-form';

const sent = { phone: '+79991234567', expiresAt: '2026-12-03T10:05:00Z', resendAfter: 60, codeLength: 4, devCode: '1234' };

describe('PhoneForm', () => {
  it('shows the normalised number while typing and sends it in E.164', async () => {
    const user = userEvent.setup();
    const calls = mockApi({ 'POST /api/auth/codes': () => json(202, sent) });
    const onCodeSent = vi.fn();
    renderWithProviders(<PhoneForm initialPhone="" onCodeSent={onCodeSent} />);

    await user.type(screen.getByLabelText('Номер телефона'), '8 (999) 123-45-67');
    expect(screen.getByText('Номер: +7 999 123-45-67')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Получить код' }));

    expect(calls[0]?.body).toEqual({ phone: '+79991234567' });
    expect(onCodeSent).toHaveBeenCalledWith(sent, '8 (999) 123-45-67');
  });

  it('asks for a number instead of sending an empty one', async () => {
    const user = userEvent.setup();
    const calls = mockApi({});
    renderWithProviders(<PhoneForm initialPhone="" onCodeSent={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Получить код' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Введите номер телефона.');
    expect(screen.getByLabelText('Номер телефона')).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toHaveLength(0);
  });

  it('refuses letters in the number, in English too', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PhoneForm initialPhone="" onCodeSent={vi.fn()} />, { locale: 'en' });
    await user.type(screen.getByLabelText('Phone number'), 'call 8999');
    await user.click(screen.getByRole('button', { name: 'Get code' }));
    expect(screen.getByRole('alert')).toHaveTextContent('may contain only digits');
  });

  it('shows the server’s verdict on an invalid number under the field', async () => {
    const user = userEvent.setup();
    mockApi({
      'POST /api/auth/codes': () => problem(400, 'validation_failed', { errors: [{ field: 'phone', message: 'invalid' }] }),
    });
    renderWithProviders(<PhoneForm initialPhone="+44 20 0000 0000" onCodeSent={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Получить код' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Это не похоже на номер телефона');
  });

  it('counts down the Retry-After wait of a rate limit and then lets the person try again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    mockApi({ 'POST /api/auth/codes': () => problem(429, 'rate_limited', {}, { 'Retry-After': '3' }) });
    renderWithProviders(<PhoneForm initialPhone="89991234567" onCodeSent={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: 'Получить код' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Слишком много запросов. Повторите через 3 с.');
    expect(screen.getByRole('button', { name: 'Получить код' })).toBeDisabled();

    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(screen.getByRole('alert')).toHaveTextContent('через 2 с.');
    await act(() => vi.advanceTimersByTimeAsync(2500));
    expect(screen.getByRole('button', { name: 'Получить код' })).toBeEnabled();
    expect(screen.queryByText(/Слишком много запросов/)).not.toBeInTheDocument();
  });
});
