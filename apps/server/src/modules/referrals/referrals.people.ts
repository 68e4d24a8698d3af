import type { Tx } from '../../db/client.js';
import { type Member, membersWithOrAdmins } from '../memberships/memberships.people.js';

// The lookup itself lives with memberships (consents use it too); referral steps and the demo import it from here.
export { type Member, membersWith } from '../memberships/memberships.people.js';

/** MT-12 gatekeepers (ND-3: master and support administrators); with none, the network administrators answer. */
export function gatekeepersOf(tx: Tx, networkId: string, programId: string): Promise<Member[]> {
  return membersWithOrAdmins(tx, networkId, programId, 'referrals:assign');
}
