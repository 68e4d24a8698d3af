import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from '../../lib/api';
import { type Period, reportHref } from './period';
import type { Report, ReportKind } from './types';

/** Rows of a report page (the server's default); the downloads hold every row. */
export const REPORT_PAGE_ROWS = 100;

/**
 * MT-15: one referral report for a period, a page of rows from `offset`; the last figures stay on screen
 * while another period or page loads.
 */
export function useReferralReport(kind: ReportKind, period: Period, offset = 0) {
  return useQuery({
    queryKey: ['reports', 'referrals', kind, period.from, period.to, offset],
    queryFn: () => get<Report>(reportHref(kind, period, 'json', { limit: REPORT_PAGE_ROWS, offset })),
    placeholderData: keepPreviousData,
  });
}
