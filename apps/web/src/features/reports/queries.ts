import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from '../../lib/api';
import { type Period, reportHref } from './period';
import type { Report, ReportKind } from './types';

/** MT-15: one referral report for a period; the last figures stay on screen while another period loads. */
export function useReferralReport(kind: ReportKind, period: Period) {
  return useQuery({
    queryKey: ['reports', 'referrals', kind, period.from, period.to],
    queryFn: () => get<Report>(reportHref(kind, period, 'json')),
    placeholderData: keepPreviousData,
  });
}
