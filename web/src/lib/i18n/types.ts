import type { ru } from './messages-ru';

export type Locale = 'ru' | 'en';
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
type RuMessages = typeof ru;
export type MessageKey = keyof RuMessages;
/** Every language has every key; plural entries stay plural. */
export type Messages = { [K in MessageKey]: RuMessages[K] extends string ? string : PluralForms };
export type Params = Record<string, string | number>;
