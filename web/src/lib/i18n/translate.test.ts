import { describe, expect, it } from 'vitest';
import { en } from './messages-en';
import { ru } from './messages-ru';
import { detectLocale, formatDuration, makeTranslate } from './translate';

describe('i18n', () => {
  it('has an English text for every Russian key and nothing else', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (value: unknown) => [...new Set(JSON.stringify(value).match(/\{\w+\}/g) ?? [])].sort();
    for (const key of Object.keys(ru) as (keyof typeof ru)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(ru[key]));
    }
  });

  it('defaults to Russian for Russian browsers and English otherwise, unless chosen', () => {
    expect(detectLocale(null, ['ru-RU', 'en'])).toBe('ru');
    expect(detectLocale(null, ['en-GB', 'ru'])).toBe('en');
    expect(detectLocale('ru', ['en-US'])).toBe('ru');
    expect(detectLocale(null, [])).toBe('ru');
  });

  it('formats waits in both languages', () => {
    expect(formatDuration(makeTranslate('ru'), 59.2)).toBe('1 мин 0 с');
    expect(formatDuration(makeTranslate('en'), 5)).toBe('5 s');
  });
});
