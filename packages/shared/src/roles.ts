/** Role codes from the five guides, with the label each guide uses. */
export const ROLES = {
  network_admin: 'Network administrator',
  nd_master_admin: 'Master administrator',
  nd_support_admin: 'Support administrator',
  nd_care_coordinator: 'Care coordinator',
  nd_peer_support: 'Peer support specialist',
  mt_gatekeeper: 'Gatekeeper',
  mt_provider: 'Provider',
  ncc_super_user_actuals: 'Super User (Actuals)',
  ncc_super_user_scheduled: 'Super User (Scheduled)',
  ncc_payments: 'Payments',
  ncc_administration: 'Administration',
  ncc_reports: 'Reports',
  ncc_invoice_only: 'Invoice Only',
  ncc_read_only: 'Read Only',
  hp_provider_staff: 'Provider staff',
} as const;

export type RoleCode = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as RoleCode[];

export function roleLabel(code: string): string {
  return (ROLES as Record<string, string>)[code] ?? code;
}
