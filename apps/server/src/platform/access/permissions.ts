import { AREAS, type Area, type Capability, type RoleCode } from '@portico/shared';

const read = (...areas: Area[]): Capability[] => areas.map((a) => `${a}:read` as const);
const write = (...areas: Area[]): Capability[] => areas.map((a) => `${a}:write` as const);
const readWrite = (...areas: Area[]): Capability[] => [...read(...areas), ...write(...areas)];
const except = (...areas: Area[]): Area[] => AREAS.filter((a) => !areas.includes(a));

/** Reading every area: what Read Only means (NCC-2), and the base of the NCC edit roles. */
const READ_ALL = read(...AREAS);

/** ND-2/3/4: master and support administrators have the same powers in the guide. */
const ND_ADMINISTRATOR: Capability[] = [
  ...readWrite(
    'organization',
    'contacts',
    'clients',
    'consents',
    'referrals',
    'enrollments',
    'care_plans',
    'notes',
    'outcomes_billing',
  ),
  ...read('reports'),
  'referrals:assign',
  'assignments:manage',
];

/**
 * The permission table: role → capabilities. Every route asks it through `can()`.
 * Sources: MT-6 (gatekeeper, provider), ND-2/ND-3/ND-4 (administrators, coordinators),
 * NCC-2 (seven security roles over the council functions), CI/CS (health-plan provider staff).
 */
export const PERMISSIONS: Record<RoleCode, readonly Capability[]> = {
  network_admin: [
    ...readWrite(...AREAS),
    'referrals:assign',
    'agreements:sign',
    'assignments:manage',
    'network:manage',
    'audit:read',
  ],

  nd_master_admin: ND_ADMINISTRATOR,
  nd_support_admin: ND_ADMINISTRATOR,
  nd_care_coordinator: [
    ...read('organization', 'contacts'),
    ...readWrite('clients', 'consents', 'referrals', 'enrollments', 'care_plans', 'notes', 'outcomes_billing'),
  ],
  nd_peer_support: [...read('organization', 'contacts', 'clients', 'enrollments', 'care_plans'), ...readWrite('notes')],

  mt_gatekeeper: [
    ...readWrite('organization', 'contacts', 'clients', 'consents', 'referrals', 'notes'),
    ...read('reports'),
    'referrals:assign',
    'agreements:sign',
  ],
  mt_provider: [
    ...read('organization', 'contacts', 'reports'),
    ...readWrite('clients', 'consents', 'referrals', 'notes'),
  ],

  ncc_super_user_actuals: [...READ_ALL, ...write(...except('scheduled_payments'))],
  ncc_super_user_scheduled: [...READ_ALL, ...write(...except('actuals'))],
  ncc_payments: [...READ_ALL, ...write('actuals', 'invoices', 'service_orders', 'actions')],
  ncc_administration: [...READ_ALL, ...write('organization', 'contacts', 'line_items', 'service_orders', 'actions')],
  ncc_reports: [...READ_ALL, ...write('organization', 'reports', 'actions')],
  ncc_invoice_only: [...read('organization', 'invoices'), ...write('invoices')],
  ncc_read_only: READ_ALL,

  hp_provider_staff: [
    ...read('organization', 'contacts', 'clients', 'care_plans', 'assessments'),
    ...readWrite('assessments', 'notes', 'actions'),
  ],
};

/** The union of the capabilities of some roles. */
export function capabilitiesOf(roles: readonly string[]): Set<Capability> {
  const out = new Set<Capability>();
  for (const role of roles) for (const c of PERMISSIONS[role as RoleCode] ?? []) out.add(c);
  return out;
}
