import { type Actor, can, isNetworkAdmin } from '../../platform/access/actor.js';

/**
 * MT-9: every program a consent names reads it; the creating program (or a network administrator)
 * collects the signature and manages the upload; any named program may record the client's revocation.
 */
export const consentPolicy = {
  /** The filter for reads: the network, and the acting program unless the actor administers the network. */
  reader: (actor: Actor) => ({ networkId: actor.networkId, programId: isNetworkAdmin(actor) ? null : actor.programId }),
  /** Names on a consent that does not grant visibility are the client's: only its creator sees them. */
  seesNames: (actor: Actor, consent: { createdByProgramId: string }, valid: boolean) =>
    valid || isNetworkAdmin(actor) || consent.createdByProgramId === actor.programId,
  manage: (actor: Actor, consent: { createdByProgramId: string }) =>
    can(actor, 'consents:write') && (isNetworkAdmin(actor) || consent.createdByProgramId === actor.programId),
  revoke: (actor: Actor) => can(actor, 'consents:write'),
};
