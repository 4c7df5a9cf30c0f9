import { describe, expect, it } from 'vitest';
import { ApiError, problemFromResponse } from './api-error';
import { errorMessage } from './error-message';
import { makeTranslate } from './i18n';

const ru = makeTranslate('ru');
const en = makeTranslate('en');

function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): ApiError {
  const response = new Response(null, { status, headers });
  return problemFromResponse(response, { type: 'about:blank', title: 't', status, ...body });
}

describe('errorMessage', () => {
  it('says how many attempts are left, with Russian plural forms', () => {
    expect(errorMessage(ru, problem(401, { code: 'code_invalid', attemptsLeft: 4 }))).toBe('Неверный код. Осталось 4 попытки.');
    expect(errorMessage(ru, problem(401, { code: 'code_invalid', attemptsLeft: 1 }))).toBe('Неверный код. Осталась 1 попытка.');
    expect(errorMessage(en, problem(401, { code: 'code_invalid', attemptsLeft: 2 }))).toBe('Wrong code. 2 attempts left.');
    expect(errorMessage(en, problem(401, { code: 'code_invalid', attemptsLeft: 0 }))).toMatch(/No attempts left/);
  });

  it('turns Retry-After into a wait the person can read', () => {
    const error = problem(429, { code: 'rate_limited' }, { 'Retry-After': '95' });
    expect(error.retryAfter).toBe(95);
    expect(errorMessage(ru, error)).toBe('Слишком много запросов. Повторите через 1 мин 35 с.');
    expect(errorMessage(en, error, 42)).toBe('Too many requests. Try again in 42 s.');
  });

  it('tells a locked-out phone when it may try again', () => {
    const error = problem(429, { code: 'too_many_attempts' }, { 'Retry-After': '7200' });
    expect(errorMessage(en, error)).toBe('Too many wrong attempts. Signing in with this number is possible again in 2 h 0 min.');
    expect(errorMessage(en, problem(429, { code: 'too_many_attempts' }))).toBe('Too many wrong attempts. Ask for a new code.');
  });

  it.each([
    ['self_referral', 'Нельзя активировать собственный инвайт-код.'],
    ['invite_already_activated', 'Вы уже активировали инвайт-код — это можно сделать только один раз.'],
    ['invite_code_not_found', 'Пользователя с таким инвайт-кодом нет.'],
    ['code_expired', 'Код истёк или уже использован. Запросите новый.'],
  ])('maps %s to its own message', (code, text) => {
    expect(errorMessage(ru, problem(422, { code }))).toBe(text);
  });

  it('falls back to a generic message for unknown codes and non-API errors', () => {
    expect(errorMessage(en, problem(500, { code: 'boom' }))).toBe('Something went wrong on the server. Please try again.');
    expect(errorMessage(en, new Error('x'))).toBe('Something went wrong. Please try again.');
    expect(errorMessage(en, new ApiError({ status: 0, code: 'network_error' }))).toMatch(/No connection/);
  });

  it('keeps the field list of a validation failure', () => {
    const error = problem(400, { code: 'validation_failed', errors: [{ field: 'phone', message: 'bad' }] });
    expect(error.concerns('phone')).toBe(true);
    expect(error.concerns('code')).toBe(false);
  });
});
