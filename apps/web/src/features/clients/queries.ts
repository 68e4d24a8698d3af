import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, get, post } from '../../lib/api';
import type { Client, ClientSearch, DuplicateCandidate } from './types';

export const clientKey = (id: string) => ['clients', id] as const;

const hasCriterion = (s: ClientSearch) => Boolean(s.q || s.memberId || s.firstName || s.lastName || s.birthDate);

/** MT-7 / CI-1: runs only once something was searched; the last results stay while the next load. */
export function useClientSearch(search: ClientSearch) {
  return useQuery({
    queryKey: ['clients', 'search', search],
    queryFn: () => get<{ items: { score: number; client: Client }[] }>('/api/clients', { ...search }),
    enabled: hasCriterion(search),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useClient(id: string) {
  return useQuery({
    queryKey: clientKey(id),
    queryFn: () => get<Client>(`/api/clients/${id}`),
    // A 404 (not visible to this program, X-1) will not change on a retry.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export type CreateOutcome = { created: Client } | { duplicates: DuplicateCandidate[] };

/** MT-7: POST /api/clients. A 409 is an answer, not a failure: its problem body carries the likely duplicates. */
export async function createClient(body: object): Promise<CreateOutcome> {
  try {
    return { created: await post<Client>('/api/clients', body) };
  } catch (err) {
    const candidates = err instanceof ApiError && err.status === 409 ? err.problem.candidates : undefined;
    if (Array.isArray(candidates)) return { duplicates: candidates as DuplicateCandidate[] };
    throw err;
  }
}
