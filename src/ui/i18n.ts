/**
 * Interface text in English and Spanish. Every visible string goes through `t`, so switching the
 * language re-renders text without touching the model.
 */
import { en } from './messages-en';
import { es } from './messages-es';
import { setFormatLocale } from './format';

export type MessageKey = keyof typeof en;
export type Language = 'en' | 'es';

const catalogs: Record<Language, Record<MessageKey, string>> = { en, es };
const locales: Record<Language, string> = { en: 'en-GB', es: 'es-MX' };
let language: Language = 'en';

export function setLanguage(next: Language): void {
  language = next;
  setFormatLocale(locales[next]);
  document.documentElement.lang = next;
}

export function getLanguage(): Language {
  return language;
}

/** `t('arrivesOn', { date: '5 Nov' })` fills `{date}` in the current language's message. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = catalogs[language][key];
  return template.replace(/\{(\w+)\}/g, (_match: string, name: string) => String(params[name] ?? `{${name}}`));
}

/** A data text with an optional Spanish version: the Spanish one when the interface is in Spanish. */
export function localized(english: string, spanish: string | undefined): string {
  return language === 'es' && spanish ? spanish : english;
}
