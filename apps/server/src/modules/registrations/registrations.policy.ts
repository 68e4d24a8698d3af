import type { PresetCode, RoleCode } from '@portico/shared';
import { type Actor, isNetworkAdmin } from '../../platform/access/actor.js';

/**
 * CS-1: the role the applicant's contact gets in the new program — each preset's administrator of a
 * provider organization (the default preset borrows Montana's gatekeeper).
 */
export const PROVIDER_ADMIN_ROLE: Record<PresetCode, RoleCode> = {
  default: 'mt_gatekeeper',
  'mt-referral-network': 'mt_gatekeeper',
  'nd-care-coordination': 'nd_master_admin',
  'council-payments': 'ncc_super_user_actuals',
  'health-plan': 'hp_provider_staff',
};

/**
 * CS-1, declaratively: anybody may apply (no session; rate-limited per address); only a network
 * administrator lists, verifies, approves or declines; only a pending application is decided.
 */
export const registrationPolicy = {
  review: (actor: Actor) => isNetworkAdmin(actor),
  open: (registration: { status: string }) => registration.status === 'pending',
};
