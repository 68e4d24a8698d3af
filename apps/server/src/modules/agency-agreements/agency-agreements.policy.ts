import type { RoleCode } from '@portico/shared';
import { type Actor, isNetworkAdmin } from '../../platform/access/actor.js';
import { PERMISSIONS } from '../../platform/access/permissions.js';

/** Roles whose holders sign the agency agreement (MT-6: the gatekeeper; and network administrators). */
export const SIGNING_ROLES = (Object.keys(PERMISSIONS) as RoleCode[]).filter((r) =>
  PERMISSIONS[r].includes('agreements:sign'),
);

/**
 * Who may do what with agency agreements (MT-4):
 * - a network administrator publishes versions, sees every program's status and may sign for any program;
 * - a user signs for a program only while an active membership there gives `agreements:sign`
 *   (the gatekeeper), and only programs of the acting organization.
 */
export const agencyAgreementPolicy = {
  publish: (actor: Actor) => isNetworkAdmin(actor),
  seeAll: (actor: Actor) => isNetworkAdmin(actor),
  sign: (actor: Actor, rolesInProgram: readonly RoleCode[]) =>
    isNetworkAdmin(actor) || rolesInProgram.some((r) => SIGNING_ROLES.includes(r)),
};
