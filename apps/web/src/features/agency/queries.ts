import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { get } from '../../lib/api';
import type { Contact, Page, Program } from '../../lib/types';

export const programKey = (programId: string) => ['program', programId] as const;
export const contactsKey = (programId: string) => ['contacts', programId] as const;

export function useProgram(programId: string) {
  return useQuery({ queryKey: programKey(programId), queryFn: () => get<Program>(`/api/programs/${programId}`) });
}

export function useContacts(programId: string, includeEnded: boolean) {
  return useInfiniteQuery({
    queryKey: [...contactsKey(programId), { includeEnded }],
    queryFn: ({ pageParam }) =>
      get<Page<Contact>>(`/api/programs/${programId}/contacts`, {
        includeEnded: includeEnded || undefined,
        cursor: pageParam,
        limit: 50,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
