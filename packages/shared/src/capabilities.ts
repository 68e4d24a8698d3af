/**
 * Functional areas of the portal. A capability is `<area>:read` or `<area>:write`,
 * plus a few actions that are neither (assigning referrals, signing agreements, network administration).
 */
export const AREAS = [
  'organization', // organization and program (service) details
  'contacts', // the program's contact list and their roles
  'clients',
  'consents',
  'referrals',
  'enrollments',
  'care_plans',
  'assessments',
  'notes',
  'outcomes_billing',
  'service_orders', // NCC contract documents
  'line_items', // NCC care package line items
  'actuals',
  'scheduled_payments',
  'invoices', // invoice/credit notes and one-off claims
  'actions', // NCC actions and change requests, health-plan messages
  'reports',
] as const;
export type Area = (typeof AREAS)[number];

export const SPECIAL_CAPABILITIES = [
  'referrals:assign', // gatekeeper / ND administrators answer incoming referrals
  'agreements:sign', // MT-4 agency agreement
  'assignments:manage', // ND-4 change care coordinator / peer support assignments
  'network:manage', // create organizations, programs, users; see every organization
  'audit:read', // list audit entries of any record or user in the network
] as const;

export type Capability = `${Area}:read` | `${Area}:write` | (typeof SPECIAL_CAPABILITIES)[number];

export const ALL_CAPABILITIES: Capability[] = [
  ...AREAS.flatMap((a) => [`${a}:read`, `${a}:write`] as Capability[]),
  ...SPECIAL_CAPABILITIES,
];
