import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from '../../lib/api';
import type { Network, Session } from '../../lib/types';

export const SESSION_KEY = ['session'] as const;

/** GET /api/session; null when signed out (401), so guards can redirect without an error state. */
async function fetchSession(): Promise<Session | null> {
  try {
    return await get<Session>('/api/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** What the acting membership allows; false while nothing is loaded. */
export function useCan(): (capability: string) => boolean {
  const { data } = useSession();
  const capabilities = data?.acting?.capabilities ?? [];
  return (capability) => capabilities.includes(capability);
}

/** The acting network: its roles and words. Keyed by program so switching programs refetches it. */
export function useNetwork() {
  const { data: session } = useSession();
  const programId = session?.acting?.programId;
  return useQuery({
    queryKey: ['network', programId],
    queryFn: () => get<Network>('/api/network'),
    enabled: Boolean(programId),
    staleTime: 10 * 60_000,
  });
}
