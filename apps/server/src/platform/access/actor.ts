import type { Capability, RoleCode } from '@portico/shared';
import { AppError } from '../../http/errors.js';
import { capabilitiesOf } from './permissions.js';

/** Who is acting: the user, the program they act as, and what that membership lets them do. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  sessionTokenHash: string;
  networkId: string;
  organizationId: string;
  programId: string;
  membershipId: string;
  roles: RoleCode[];
  capabilities: ReadonlySet<Capability>;
  requestId: string;
  ip: string;
}

export function makeCapabilities(roles: readonly RoleCode[]): ReadonlySet<Capability> {
  return capabilitiesOf(roles);
}

/** The one question every route asks. */
export function can(actor: Actor, capability: Capability): boolean {
  return actor.capabilities.has(capability);
}

/** First line of each use case: refuse with a message that says which permission is missing. */
export function assertCan(actor: Actor, capability: Capability): void {
  if (!can(actor, capability)) {
    throw new AppError('forbidden', `Your role in this program does not allow this (needs ${capability}).`);
  }
}

export const isNetworkAdmin = (actor: Actor) => can(actor, 'network:manage');
