import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../lib/api';
import type { NotificationPage } from '../../lib/types';

const KEY = ['notifications'] as const;

/** The newest few and the unread count, for the bell; polled so new ones show without a reload. */
export function useLatestNotifications() {
  return useQuery({
    queryKey: [...KEY, 'latest'],
    queryFn: () => get<NotificationPage>('/api/notifications', { limit: 8 }),
    refetchInterval: 60_000,
  });
}

export function useNotificationPages() {
  return useInfiniteQuery({
    queryKey: [...KEY, 'all'],
    queryFn: ({ pageParam }) => get<NotificationPage>('/api/notifications', { cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post<void>(`/api/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => post<void>('/api/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
