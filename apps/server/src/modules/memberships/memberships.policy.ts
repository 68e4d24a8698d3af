import type { RoleCode } from '@portico/shared';
import { type Actor, can, isNetworkAdmin } from '../../platform/access/actor.js';

/**
 * ND-2 / NCC-2: administrators of a program (contacts:write) add contacts, change their roles and end
 * their access; anyone who reads contacts sees the list. Only a network administrator hands out the
 * network administrator role, and nobody ends their own membership (they would lock themselves out).
 */
export const contactPolicy = {
  read: (actor: Actor) => can(actor, 'contacts:read'),
  manage: (actor: Actor) => can(actor, 'contacts:write'),
  grantRoles: (actor: Actor, roles: readonly RoleCode[]) => isNetworkAdmin(actor) || !roles.includes('network_admin'),
  end: (actor: Actor, membershipId: string) => membershipId !== actor.membershipId,
};
