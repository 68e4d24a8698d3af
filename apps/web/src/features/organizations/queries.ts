import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { get } from '../../lib/api';
import type { Organization, Page, Program } from '../../lib/types';

export function useOrganizations(q: string) {
  return useInfiniteQuery({
    queryKey: ['organizations', { q }],
    queryFn: ({ pageParam }) => get<Page<Organization>>('/api/organizations', { q, cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOrganization(id: string) {
  return useQuery({ queryKey: ['organization', id], queryFn: () => get<Organization>(`/api/organizations/${id}`) });
}

export function usePrograms(organizationId: string) {
  return useInfiniteQuery({
    queryKey: ['programs', { organizationId }],
    queryFn: ({ pageParam }) => get<Page<Program>>('/api/programs', { organizationId, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
