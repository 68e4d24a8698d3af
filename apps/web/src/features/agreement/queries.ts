import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { get } from '../../lib/api';
import type { AgreementSignature, AgreementStatus, Page } from '../../lib/types';
import { useSession } from '../session/useSession';

/** Every agreement query starts with this; signing invalidates them all. */
export const AGREEMENT_KEY = ['agreement'] as const;

/** The acting network's agreement and whether I must sign it; keyed by network, as programs switch. */
export function agreementKey(networkId: string | undefined) {
  return [...AGREEMENT_KEY, 'status', networkId] as const;
}

/**
 * MT-3: GET /api/agreement. The route guard asks once per session (`fresh: false`); the agreement
 * page asks again each time it opens, so it shows the text as it is now.
 */
export function useAgreement({ fresh = false }: { fresh?: boolean } = {}) {
  const { data: session } = useSession();
  const networkId = session?.acting?.networkId;
  return useQuery({
    queryKey: agreementKey(networkId),
    queryFn: () => get<AgreementStatus>('/api/agreement'),
    enabled: Boolean(networkId) && !session?.stage,
    staleTime: fresh ? 0 : Number.POSITIVE_INFINITY,
  });
}

/** Who signed the agreement, newest first (network administrators); read again each time it is shown. */
export function useAgreementSignatures() {
  return useInfiniteQuery({
    queryKey: [...AGREEMENT_KEY, 'signatures'],
    staleTime: 0,
    queryFn: ({ pageParam }) =>
      get<Page<AgreementSignature>>('/api/agreement/signatures', { cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
