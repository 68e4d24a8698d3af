import type { AgencyAgreementStatus } from '@portico/shared';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { get } from '../../lib/api';
import type { Page } from '../../lib/types';

export interface AgencyAgreementVersion {
  id: string;
  version: string;
  text: string;
  publishedAt: string;
  publishedBy: string | null;
}

export interface ProgramAgreement {
  programId: string;
  programName: string;
  organizationId: string;
  organizationName: string;
  status: AgencyAgreementStatus;
  validUntil: string | null;
  daysLeft: number | null;
  signedAt: string | null;
  signerName: string | null;
  version: string | null;
}

/** Every agency agreement query starts with this; signing or publishing invalidates them all. */
export const AGENCY_AGREEMENT_KEY = ['agency-agreement'] as const;

/** MT-4: the current text and whether the network requires it. */
export function useCurrentAgencyAgreement() {
  return useQuery({
    queryKey: [...AGENCY_AGREEMENT_KEY, 'current'],
    queryFn: () => get<{ required: boolean; current: AgencyAgreementVersion | null }>('/api/agency-agreement'),
    staleTime: 0,
  });
}

export function useAgencyAgreementVersions(enabled: boolean) {
  return useQuery({
    queryKey: [...AGENCY_AGREEMENT_KEY, 'versions'],
    queryFn: () => get<{ items: AgencyAgreementVersion[] }>('/api/agency-agreement/versions'),
    enabled,
  });
}

/** The programs the user signs for (a network administrator: all, optionally by status). */
export function useProgramAgreements(status: AgencyAgreementStatus | null) {
  return useInfiniteQuery({
    queryKey: [...AGENCY_AGREEMENT_KEY, 'programs', status],
    staleTime: 0,
    queryFn: ({ pageParam }) =>
      get<Page<ProgramAgreement>>('/api/agency-agreement/programs', {
        cursor: pageParam,
        limit: 50,
        status: status ?? undefined,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
