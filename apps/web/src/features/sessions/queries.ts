import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get } from '../../lib/api';
import type { SignedInSession } from '../../lib/types';
import { useSignedOut } from '../session/useSignOut';

const SESSIONS_KEY = ['sessions'] as const;

/** This one first, then the most recently used. */
function byUse(a: SignedInSession, b: SignedInSession): number {
  if (a.current !== b.current) return a.current ? -1 : 1;
  return b.lastSeenAt.localeCompare(a.lastSeenAt);
}

export function useSessions() {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => get<{ items: SignedInSession[] }>('/api/sessions'),
    select: (data) => [...data.items].sort(byUse),
  });
}

/** Signs out one session; signing out this one leaves the portal. */
export function useEndSession() {
  const queryClient = useQueryClient();
  const signedOut = useSignedOut();
  return useMutation({
    mutationFn: (s: SignedInSession) => del<void>(`/api/sessions/${encodeURIComponent(s.id)}`),
    onSuccess: (_data, s) => {
      if (s.current) {
        signedOut();
        return;
      }
      notifications.show({ color: 'teal', message: 'That session is signed out.' });
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
}

/** "Sign out everywhere else" keeps this session; "everywhere" ends it too. */
export function useEndSessions() {
  const queryClient = useQueryClient();
  const signedOut = useSignedOut();
  return useMutation({
    mutationFn: (keepCurrent: boolean) => del<void>(keepCurrent ? '/api/sessions?keepCurrent=true' : '/api/sessions'),
    onSuccess: (_data, keepCurrent) => {
      if (!keepCurrent) {
        notifications.show({ color: 'teal', message: 'You are signed out everywhere.' });
        signedOut();
        return;
      }
      notifications.show({ color: 'teal', message: 'You are signed out everywhere else.' });
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
}
