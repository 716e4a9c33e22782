/**
 * The interface's language and the locale its dates and numbers are written in. Both live in the
 * store; components follow them through a store subscription.
 */

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Day-month order and a 24-hour clock for English; Mexican Spanish for Spanish. */
export const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', es: 'es-MX' };

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
