import { en } from './messages-en';
import { ru } from './messages-ru';
import type { Locale, MessageKey, Messages, Params, PluralForms } from './types';

const dictionaries: Record<Locale, Messages> = { ru, en };

function interpolate(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function makeTranslate(locale: Locale): Translate {
  const messages = dictionaries[locale];
  const plural = new Intl.PluralRules(locale);
  return (key, params) => {
    const entry: string | PluralForms = messages[key];
    if (typeof entry === 'string') return interpolate(entry, params);
    const count = Number(params?.count ?? 0);
    return interpolate(entry[plural.select(count)] ?? entry.other, params);
  };
}

/** "45 s", "2 min 5 s", "3 h 20 min" — for countdowns and Retry-After waits. */
export function formatDuration(t: Translate, totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  if (seconds < 60) return t('time.seconds', { s: seconds });
  if (seconds < 3600) return t('time.minutes', { m: Math.floor(seconds / 60), s: seconds % 60 });
  return t('time.hours', { h: Math.floor(seconds / 3600), m: Math.floor((seconds % 3600) / 60) });
}

export function detectLocale(stored: string | null, languages: readonly string[]): Locale {
  if (stored === 'ru' || stored === 'en') return stored;
  const first = languages.find(Boolean)?.toLowerCase() ?? 'ru';
  return first.startsWith('ru') ? 'ru' : 'en';
}
