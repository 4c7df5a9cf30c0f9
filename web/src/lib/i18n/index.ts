export { I18nProvider, useI18n, type I18n } from './i18n-provider';
export { detectLocale, formatDuration, makeTranslate, type Translate } from './translate';
export type { Locale, MessageKey } from './types';
