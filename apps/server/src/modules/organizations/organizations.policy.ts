import { type Actor, can, isNetworkAdmin } from '../../platform/access/actor.js';

/**
 * Who may do what with organizations and programs:
 * - a network administrator creates and edits any organization and program of the network;
 * - a member reads its own organization and programs; editing them needs `organization:write`
 *   (NCC routes those edits through change requests, which come with the directory issue).
 */
export const organizationPolicy = {
  create: (actor: Actor) => isNetworkAdmin(actor),
  read: (actor: Actor, organizationId: string) =>
    isNetworkAdmin(actor) || (can(actor, 'organization:read') && organizationId === actor.organizationId),
  update: (actor: Actor, organizationId: string) =>
    isNetworkAdmin(actor) || (can(actor, 'organization:write') && organizationId === actor.organizationId),
};
