/**
 * Interface text in English and Spanish. Every visible string goes through a `Text`: the messages,
 * data texts and number and date formats of one language. The language itself lives in the store
 * (`state.language`); a component reads `textFor(state.language)` when it renders and follows
 * language changes through `followLanguage` (control.ts), so switching language re-renders text
 * without touching the model.
 */
import { LOCALES, type Language } from '../state/language';
import { formatDate, formatDateTime, formatNumber, formatShortDate, formatSignedDays } from './format';
import { en } from './messages-en';
import { es } from './messages-es';

export type MessageKey = keyof typeof en;
export type { Language };

const catalogs: Record<Language, Record<MessageKey, string>> = { en, es };

/** Properties, not methods: a component may take `const { t, localized } = text` apart. */
export interface Text {
  readonly language: Language;
  readonly locale: string;
  /** `t('arrivesOn', { date: '5 Nov' })` fills `{date}` in this language's message. */
  readonly t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** A data text with an optional Spanish version: the Spanish one when the interface is in Spanish. */
  readonly localized: (english: string, spanish: string | undefined) => string;
  /** '2018-11-05' → '5 Nov 2018'. */
  readonly date: (iso: string) => string;
  /** '2018-11-05' → '5 Nov'. */
  readonly shortDate: (iso: string) => string;
  /** Model time → 'Mon 5 Nov 2018, 14:00'. */
  readonly dateTime: (startDate: string, tHours: number) => string;
  readonly number: (n: number, digits?: number) => string;
  /** +3, −2, 0. */
  readonly signedDays: (days: number) => string;
}

function createText(language: Language): Text {
  const catalog = catalogs[language];
  const locale = LOCALES[language];
  return {
    language,
    locale,
    t: (key, params = {}) => catalog[key].replace(/\{(\w+)\}/g, (_match: string, name: string) => String(params[name] ?? `{${name}}`)),
    localized: (english, spanish) => (language === 'es' && spanish ? spanish : english),
    date: (iso) => formatDate(iso, locale),
    shortDate: (iso) => formatShortDate(iso, locale),
    dateTime: (startDate, tHours) => formatDateTime(startDate, tHours, locale),
    number: (n, digits = 0) => formatNumber(n, locale, digits),
    signedDays: (days) => formatSignedDays(days, locale),
  };
}

const texts = new Map<Language, Text>();

/** The texts of a language (one object per language, made once). */
export function textFor(language: Language): Text {
  let text = texts.get(language);
  if (!text) texts.set(language, (text = createText(language)));
  return text;
}
