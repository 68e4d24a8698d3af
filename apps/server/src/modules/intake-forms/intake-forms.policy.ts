import { type Actor, can, isNetworkAdmin } from '../../platform/access/actor.js';

/**
 * MT-11: a program administrator (organization:write in the program's organization) or a network
 * administrator defines a program's intake sections; any member of the network reads them, because
 * the sender of a referral fills the receiver's form.
 */
export const intakeFormPolicy = {
  address: (actor: Actor, program: { organizationId: string }) =>
    isNetworkAdmin(actor) || program.organizationId === actor.organizationId,
  edit: (actor: Actor, program: { organizationId: string }) =>
    isNetworkAdmin(actor) || (can(actor, 'organization:write') && program.organizationId === actor.organizationId),
};
