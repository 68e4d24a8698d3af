import { useInfiniteQuery } from '@tanstack/react-query';
import { get } from '../../lib/api';
import type { MailPage } from '../../lib/types';

/** The network's outbox, newest first (network administrators). */
export function useSentMail() {
  return useInfiniteQuery({
    queryKey: ['mail'],
    queryFn: ({ pageParam }) => get<MailPage>('/api/mail', { cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
