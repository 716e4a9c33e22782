/** Dates and numbers for people, in the interface's locale. Model dates cross as ISO strings. */

let locale = 'en-GB';

export function setFormatLocale(next: string): void {
  locale = next;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let format = dateFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
    dateFormats.set(id, format);
  }
  return format;
}

const isoToUtc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** '2018-11-05' → '5 Nov 2018'. */
export function formatDate(iso: string): string {
  return dateFormat('date', { day: 'numeric', month: 'short', year: 'numeric' }).format(isoToUtc(iso));
}

/** '2018-11-05' → '5 Nov'. */
export function formatShortDate(iso: string): string {
  return dateFormat('short', { day: 'numeric', month: 'short' }).format(isoToUtc(iso));
}

/** Model time (route-local wall clock) → 'Mon 5 Nov 2018, 14:00'. */
export function formatDateTime(startDate: string, tHours: number): string {
  return dateFormat('datetime', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    isoToUtc(startDate) + tHours * 3_600_000,
  );
}

export function formatNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

/** Signed whole days: +3, −2, 0. */
export function formatSignedDays(days: number): string {
  return days > 0 ? `+${formatNumber(days)}` : days < 0 ? `−${formatNumber(-days)}` : '0';
}
