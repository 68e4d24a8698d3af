import { useCan, useNetwork } from '../session/useSession';

/**
 * Roles the acting user may hand out in this network, as select options. Only a network
 * administrator may grant the network administrator role (the server refuses it otherwise).
 */
export function useRoleOptions(): { options: { value: string; label: string }[]; loading: boolean } {
  const { data: network, isPending } = useNetwork();
  const can = useCan();
  const options = (network?.roles ?? [])
    .filter((r) => r.code !== 'network_admin' || can('network:manage'))
    .map((r) => ({ value: r.code, label: r.label }));
  return { options, loading: isPending };
}
