import type { NetworkPolicy } from '@portico/shared';
import { type Actor, can, isNetworkAdmin } from '../../platform/access/actor.js';
import type { ChangeRequestKind, ChangeRequestStatus } from './change-requests.table.js';

const CONTACT_KINDS: readonly ChangeRequestKind[] = ['contact_create', 'contact_update', 'contact_removal'];

/**
 * NCC-5 / ND-2, declaratively:
 * - in a network whose policy says `change_request`, a member's edits of its organization, services and
 *   contacts become requests; a network administrator (the network team) edits directly everywhere;
 * - the requester's organization sees its own requests, the network team sees all of the network;
 * - asking needs the capability the edit itself needs (organization:write, or contacts:write for contacts);
 * - only the network team accepts or rejects; only the requester withdraws; only a pending request moves.
 */
export const changeRequestPolicy = {
  mustRequest: (actor: Actor, network: Pick<NetworkPolicy, 'organizationEdits'> | undefined) =>
    !isNetworkAdmin(actor) && network?.organizationEdits === 'change_request',
  list: (actor: Actor) => isNetworkAdmin(actor) || can(actor, 'organization:read'),
  request: (actor: Actor, kind: ChangeRequestKind) =>
    can(actor, CONTACT_KINDS.includes(kind) ? 'contacts:write' : 'organization:write'),
  decide: (actor: Actor) => isNetworkAdmin(actor),
  withdraw: (actor: Actor, request: { requestedBy: string }) => request.requestedBy === actor.userId,
  open: (request: { status: ChangeRequestStatus }) => request.status === 'pending',
};
