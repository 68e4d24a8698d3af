import { notifications } from '@mantine/notifications';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { Referral, ReferralDetail, ReferralSummary } from './types';

/** Every referral query starts with 'referrals', so one invalidation refreshes lists and details. */
export const referralKey = (id: string) => ['referrals', id] as const;
export const referralListKey = (query: object) => ['referrals', 'list', query] as const;
/** Under the client's key, so anything that refreshes the client refreshes its tiles too. */
export const clientReferralsKey = (clientId: string) => ['clients', clientId, 'referrals'] as const;

// A 4xx (not visible to this program) will not change on a retry.
const retryServerErrors = (count: number, error: Error) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

/** One referral with its timeline, notes and what the acting user may do (MT-12, MT-13). */
export function useReferral(id: string) {
  return useQuery({
    queryKey: referralKey(id),
    queryFn: () => get<ReferralDetail>(`/api/referrals/${id}`),
    retry: retryServerErrors,
  });
}

/** MT-11: the client's referrals from or to the acting program, for the tiles on the profile. */
export function useClientReferrals(clientId: string) {
  return useQuery({
    queryKey: clientReferralsKey(clientId),
    queryFn: () => get<{ items: Referral[] }>(`/api/clients/${clientId}/referrals`),
    retry: retryServerErrors,
  });
}

/** MT-14 / ND-1: a box of referrals, newest first, 50 a page; the last rows stay while filters change. */
export function useReferralList(query: Record<string, string | undefined>) {
  return useInfiniteQuery({
    queryKey: referralListKey(query),
    queryFn: ({ pageParam }) =>
      get<Page<ReferralSummary>>('/api/referrals', { ...query, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    retry: retryServerErrors,
  });
}

/** Refreshes everything a step may change: the referral, the lists and the client's tiles. */
export function useRefreshReferrals() {
  const queryClient = useQueryClient();
  return (clientId?: string) => {
    void queryClient.invalidateQueries({ queryKey: ['referrals'] });
    if (clientId) void queryClient.invalidateQueries({ queryKey: clientReferralsKey(clientId) });
  };
}

/**
 * A step on a referral (send, assign, refuse, status, note…): the server answers the referral, the
 * detail is read again for its timeline and notes, and a notification says what happened.
 */
export function useReferralStep<V>(
  referral: Pick<Referral, 'id' | 'client'>,
  action: (vars: V) => Promise<unknown>,
  message: string | ((vars: V) => string),
) {
  const refresh = useRefreshReferrals();
  return useMutation({
    mutationFn: action,
    onSuccess: (_, vars) => {
      refresh(referral.client.id);
      notifications.show({ color: 'teal', message: typeof message === 'string' ? message : message(vars) });
    },
    // A 409 means the referral moved on meanwhile (someone else answered it): show what it is now.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) refresh(referral.client.id);
    },
  });
}

/** POST a step of one referral: '/api/referrals/:id/<step>'. */
export const postStep = (id: string, step: string, body: object) =>
  post<Referral>(`/api/referrals/${id}/${step}`, body);

/** MT-11: the id of the open referral a 409 names, when a second one to the same program was refused. */
export function existingReferralOf(error: unknown): string | null {
  const id = error instanceof ApiError && error.status === 409 ? error.problem.existingReferralId : null;
  return typeof id === 'string' ? id : null;
}
