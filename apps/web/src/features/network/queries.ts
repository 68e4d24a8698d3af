import type { ReferralSettings } from '@portico/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, put } from '../../lib/api';
import type { NetworkPolicy, SsoSettings } from '../../lib/types';

const POLICY_KEY = ['network-policy'] as const;
const SSO_KEY = ['network-sso'] as const;
const REFERRAL_SETTINGS_KEY = ['network-referral-settings'] as const;

/** The network's sign-in rules and user agreement (network administrators). */
export function useNetworkPolicy() {
  return useQuery({ queryKey: POLICY_KEY, queryFn: () => get<NetworkPolicy>('/api/network/policy') });
}

/**
 * PATCH /api/network/policy with whole objects (`security`, `userAgreement`). The acting network's
 * summary (temporary passwords allowed?) is read again.
 */
export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<NetworkPolicy>) => patch<NetworkPolicy>('/api/network/policy', body),
    onSuccess: (next) => {
      queryClient.setQueryData(POLICY_KEY, next);
      void queryClient.invalidateQueries({ queryKey: ['network'] });
    },
  });
}

/** ND-9: the network's identity provider; the secret is never sent back, only whether one is stored. */
export function useSsoSettings() {
  return useQuery({ queryKey: SSO_KEY, queryFn: () => get<SsoSettings>('/api/network/sso') });
}

export interface SsoSettingsBody {
  enabled: boolean;
  issuer: string;
  clientId: string;
  displayName: string;
  /** Left out: the stored secret stays. Null: it is removed. */
  clientSecret?: string | null;
}

export function useSaveSso() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SsoSettingsBody) => put<SsoSettings>('/api/network/sso', body),
    onSuccess: (next) => {
      queryClient.setQueryData(SSO_KEY, next);
      // The sign-in page's list of provider links.
      void queryClient.invalidateQueries({ queryKey: ['sso-networks'] });
    },
  });
}

/** MT-12 / MT-16: the network's refusal reasons and holidays; any member reads them (the refuse form does). */
export function useReferralSettings() {
  return useQuery({
    queryKey: REFERRAL_SETTINGS_KEY,
    queryFn: () => get<ReferralSettings>('/api/network/referral-settings'),
  });
}

/** PATCH /api/network/referral-settings with whole lists (network administrators). */
export function useSaveReferralSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferralSettings) => patch<ReferralSettings>('/api/network/referral-settings', body),
    onSuccess: (next) => queryClient.setQueryData(REFERRAL_SETTINGS_KEY, next),
  });
}
