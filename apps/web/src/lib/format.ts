const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** 'YYYY-MM-DD' as a calendar date: parsed as local, so it does not shift a day west of UTC. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return dateFormat.format(new Date(y, m - 1, d));
}

/** A timestamp shown as a date in the reader's time zone. */
export function formatDay(timestamp: string | null | undefined): string {
  if (!timestamp) return '—';
  return dateFormat.format(new Date(timestamp));
}

export function formatDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return '—';
  return dateTimeFormat.format(new Date(timestamp));
}

/** Today as 'YYYY-MM-DD' in local time, the format of date inputs and of the API. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Form text → API value: trimmed, and empty means "none" (null clears the field). */
export function orNull(value: string): string | null {
  const v = value.trim();
  return v === '' ? null : v;
}
