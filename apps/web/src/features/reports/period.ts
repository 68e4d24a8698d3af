import type { ReportKind } from './types';

/** A report period: two calendar days, both included (the server counts them in UTC). */
export interface Period {
  from: string;
  to: string;
}

/** The longest period the server accepts, in days. */
export const MAX_PERIOD_DAYS = 366;
export const REPORT_KINDS: readonly ReportKind[] = ['delays', 'outcomes', 'from-agency', 'to-agency'];

const DAY_MS = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last 12 months up to `today`: from the day after the same date a year ago (365 or 366 days). */
export function lastTwelveMonths(today: string): Period {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return { from: iso(Date.UTC(y - 1, m - 1, d + 1)), to: today };
}

/** Days in the period, both ends included (0 or less when it ends before it starts). */
export const periodDays = (p: Period) => Math.round((utc(p.to) - utc(p.from)) / DAY_MS) + 1;

/** Why the server would refuse this period, in words; null when it is fine. */
export function periodError(p: Period): string | null {
  if (!ISO.test(p.from) || Number.isNaN(utc(p.from))) return 'Choose the first day of the period.';
  if (!ISO.test(p.to) || Number.isNaN(utc(p.to))) return 'Choose the last day of the period.';
  const days = periodDays(p);
  if (days < 1) return 'The last day is before the first day.';
  if (days > MAX_PERIOD_DAYS) return `A period is at most ${MAX_PERIOD_DAYS} days; shorten it.`;
  return null;
}

/** The report and period of the page's URL; anything missing or unusable falls back to the defaults. */
export function reportFromParams(params: URLSearchParams, today: string): { kind: ReportKind; period: Period } {
  const kind = REPORT_KINDS.find((k) => k === params.get('report')) ?? 'delays';
  const asked = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  return { kind, period: periodError(asked) ? lastTwelveMonths(today) : asked };
}

/** The page's URL query: the report and the period, so a report is a link. */
export function reportToParams(kind: ReportKind, period: Period): URLSearchParams {
  return new URLSearchParams({ report: kind, from: period.from, to: period.to });
}

/** The API address of a report; with a file format it is a same-origin download link (the session cookie goes along). */
export function reportHref(
  kind: ReportKind,
  period: Period,
  format: 'json' | 'csv' | 'xlsx',
  page?: { limit: number; offset: number },
): string {
  const params = new URLSearchParams({ from: period.from, to: period.to, format });
  if (page) {
    params.set('limit', String(page.limit));
    params.set('offset', String(page.offset));
  }
  return `/api/reports/referrals/${kind}?${params.toString()}`;
}
