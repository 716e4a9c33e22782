/**
 * Dates and numbers for people, in a given locale (the store's). Model dates cross as ISO strings.
 * Read them through `Text` (i18n.ts), which binds the locale.
 */

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let format = dateFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
    dateFormats.set(id, format);
  }
  return format;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const id = `${locale}|${digits}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
    numberFormats.set(id, format);
  }
  return format;
}

const isoToUtc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** '2018-11-05' → '5 Nov 2018' (en-GB). */
export function formatDate(iso: string, locale: string): string {
  return dateFormat(locale, 'date', { day: 'numeric', month: 'short', year: 'numeric' }).format(isoToUtc(iso));
}

/** '2018-11-05' → '5 Nov' (en-GB). */
export function formatShortDate(iso: string, locale: string): string {
  return dateFormat(locale, 'short', { day: 'numeric', month: 'short' }).format(isoToUtc(iso));
}

/** Model time (route-local wall clock) → 'Mon 5 Nov 2018, 14:00' (en-GB). */
export function formatDateTime(startDate: string, tHours: number, locale: string): string {
  return dateFormat(locale, 'datetime', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    isoToUtc(startDate) + tHours * 3_600_000,
  );
}

/** 1234.5 → '1,235' (en-GB, no digits), '1,234.50' with 2. */
export function formatNumber(n: number, locale: string, digits = 0): string {
  return numberFormat(locale, digits).format(n);
}

/** Signed whole days: +3, −2, 0. */
export function formatSignedDays(days: number, locale: string): string {
  return days > 0 ? `+${formatNumber(days, locale)}` : days < 0 ? `−${formatNumber(-days, locale)}` : '0';
}
