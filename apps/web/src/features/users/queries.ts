import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { get } from '../../lib/api';
import type { Page, Program, User } from '../../lib/types';

export function useUsers(q: string) {
  return useInfiniteQuery({
    queryKey: ['users', { q }],
    queryFn: ({ pageParam }) => get<Page<User>>('/api/users', { q, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Programs to choose from in a select: the first 200 (the API's page limit), filtered in the browser. */
export function useProgramChoices(enabled = true) {
  return useQuery({
    queryKey: ['programs', 'choices'],
    queryFn: () => get<Page<Program>>('/api/programs', { limit: 200 }),
    enabled,
    select: (page) => page.items.map((p) => ({ value: p.id, label: `${p.name} (${p.organizationName})` })),
  });
}

/** Users to filter the audit log by (network administrators). */
export function useUserChoices(enabled = true) {
  return useQuery({
    queryKey: ['users', 'choices'],
    queryFn: () => get<Page<User>>('/api/users', { limit: 200 }),
    enabled,
    select: (page) => page.items.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
  });
}
