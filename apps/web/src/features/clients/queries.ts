import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, get } from '../../lib/api';
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

interface Problem {
  detail?: string;
  title?: string;
  code?: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
  candidates?: DuplicateCandidate[];
}

/**
 * MT-7: POST /api/clients. A 409 is an answer, not a failure: it carries the likely duplicates, which
 * the shared client would drop, so this call reads the problem itself.
 */
export async function createClient(body: object): Promise<CreateOutcome> {
  let res: Response;
  try {
    res = await fetch('/api/clients', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'Portico could not be reached. Check your connection and try again.');
  }
  if (res.status === 201) return { created: (await res.json()) as Client };
  const problem = ((await res.json().catch(() => ({}))) ?? {}) as Problem;
  if (res.status === 409 && problem.candidates) return { duplicates: problem.candidates };
  const fieldMessages: Record<string, string[]> = {};
  for (const e of problem.errors ?? []) {
    const name = e.field.replace(/^(body|query|params)\./, '');
    fieldMessages[name] = [...(fieldMessages[name] ?? []), e.message];
  }
  const detail = problem.detail ?? problem.title ?? `The server answered ${res.status} ${res.statusText}.`;
  throw new ApiError(res.status, detail, problem.code, problem.requestId, fieldMessages);
}
