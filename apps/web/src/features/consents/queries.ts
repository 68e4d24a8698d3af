import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get } from '../../lib/api';
import type { Consent, SimulatorState } from './types';

export const consentKey = (id: string) => ['consents', id] as const;
/** Under the client's key, so anything that refreshes the client refreshes its consents too. */
export const clientConsentsKey = (clientId: string) => ['clients', clientId, 'consents'] as const;
export const simulatorKey = (phone: string | null) => ['sms-simulator', phone] as const;

// A 4xx (not visible to this program, simulator off) will not change on a retry.
const retryServerErrors = (count: number, error: Error) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

/** MT-9: one consent; while the client is asked to reply YES it is read again every 3 s (MT-10). */
export function useConsent(id: string) {
  return useQuery({
    queryKey: consentKey(id),
    queryFn: () => get<Consent>(`/api/consents/${id}`),
    retry: retryServerErrors,
    refetchInterval: (query) => {
      const c = query.state.data;
      return c?.status === 'pending' && c.sms?.state === 'awaiting_reply' ? 3000 : false;
    },
  });
}

/** MT-9: a client's consents, newest first. */
export function useClientConsents(clientId: string) {
  return useQuery({
    queryKey: clientConsentsKey(clientId),
    queryFn: () => get<{ items: Consent[] }>(`/api/clients/${clientId}/consents`),
    retry: retryServerErrors,
  });
}

/**
 * A change to a consent (sign, upload, revoke): the page shows the answer at once, the consent and
 * the client's list are read again, and a notification says what happened.
 */
export function useConsentAction<V = void>(
  consent: Pick<Consent, 'id' | 'clientId'>,
  action: (vars: V) => Promise<Consent>,
  /** What happened, for the notification; it may quote the answer ("texted to ••• 0123"). */
  message: string | ((updated: Consent) => string),
) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: consentKey(consent.id) });
    void queryClient.invalidateQueries({ queryKey: clientConsentsKey(consent.clientId) });
  };
  return useMutation({
    mutationFn: action,
    onSuccess: (updated) => {
      queryClient.setQueryData(consentKey(consent.id), updated);
      refresh();
      notifications.show({ color: 'teal', message: typeof message === 'string' ? message : message(updated) });
    },
    // A refusal can change the consent too (too many wrong codes lock the text-message signature).
    onError: refresh,
  });
}

/** MT-10 simulator: the numbers texted and one number's conversation, read every 2 s; 404 when it is off. */
export function useSimulator(phone: string | null) {
  return useQuery({
    queryKey: simulatorKey(phone),
    queryFn: () => get<SimulatorState>('/api/sms/simulator', { phone }),
    placeholderData: keepPreviousData,
    retry: retryServerErrors,
    refetchInterval: (query) => (query.state.error ? false : 2000),
  });
}
