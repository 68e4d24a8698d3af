import { type Actor, can, isNetworkAdmin } from '../../platform/access/actor.js';

/**
 * Who may do what with organizations and programs:
 * - a network administrator creates and edits any organization and program of the network;
 * - a member reads its own organization and programs; editing them needs `organization:write`
 *   where the network's policy says `change_request` (NCC-5) such an edit becomes a change request
 *   (modules/change-requests decides that; ND-2 networks apply it at once).
 */
export const organizationPolicy = {
  create: (actor: Actor) => isNetworkAdmin(actor),
  read: (actor: Actor, organizationId: string) =>
    isNetworkAdmin(actor) || (can(actor, 'organization:read') && organizationId === actor.organizationId),
  update: (actor: Actor, organizationId: string) =>
    isNetworkAdmin(actor) || (can(actor, 'organization:write') && organizationId === actor.organizationId),
};
