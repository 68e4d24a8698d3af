import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { ChangeRequest } from './types';

export interface ChangeRequestFilters {
  status: string;
  includeHistorical: boolean;
  kind: string;
  from: string;
  to: string;
}

export function useChangeRequests(f: ChangeRequestFilters) {
  return useInfiniteQuery({
    queryKey: ['change-requests', f],
    queryFn: ({ pageParam }) =>
      get<Page<ChangeRequest>>('/api/change-requests', {
        status: f.status || undefined,
        includeHistorical: f.includeHistorical || undefined,
        kind: f.kind || undefined,
        from: f.from || undefined,
        to: f.to || undefined,
        cursor: pageParam,
        limit: 50,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Accept, reject (with reason) or withdraw; the lists and the records they change are refetched. */
export function useDecision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (d: { action: 'accept' | 'reject' | 'withdraw'; reason?: string }) =>
      post<ChangeRequest>(
        `/api/change-requests/${id}/${d.action}`,
        d.action === 'reject' ? { reason: d.reason } : undefined,
      ),
    onSuccess: () => {
      for (const key of ['change-requests', 'organization', 'program', 'programs', 'contacts']) {
        void queryClient.invalidateQueries({ queryKey: [key] });
      }
    },
  });
}
