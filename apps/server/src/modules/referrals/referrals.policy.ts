import { type Actor, can, isNetworkAdmin } from '../../platform/access/actor.js';
import type { ReferralRow } from './referrals.repo.js';

/**
 * MT-11..MT-14: the sending program edits and sends its drafts; the receiving program's gatekeeper assigns,
 * refuses and reassigns anyone; its assigned provider updates the status and may hand the referral on.
 * The sender reads the status (read-only) and both sides write notes.
 */
export const referralPolicy = {
  isSender: (a: Actor, r: ReferralRow) => r.fromProgramId === a.programId,
  isReceiver: (a: Actor, r: ReferralRow) => r.toProgramId === a.programId && r.state !== 'draft',
  read: (a: Actor, r: ReferralRow) =>
    can(a, 'referrals:read') && (isNetworkAdmin(a) || referralPolicy.isSender(a, r) || referralPolicy.isReceiver(a, r)),
  edit: (a: Actor, r: ReferralRow) => can(a, 'referrals:write') && referralPolicy.isSender(a, r) && r.state === 'draft',
  /** The receiving program's gatekeeper; a network administrator answers too (ND-3 master administrators, programs without one). */
  gatekeeper: (a: Actor, r: ReferralRow) =>
    (can(a, 'referrals:assign') && referralPolicy.isReceiver(a, r)) || (isNetworkAdmin(a) && r.state !== 'draft'),
  assignee: (a: Actor, r: ReferralRow) => referralPolicy.isReceiver(a, r) && r.assignedTo === a.userId,
  updateStatus: (a: Actor, r: ReferralRow) =>
    r.state === 'assigned' && (referralPolicy.assignee(a, r) || referralPolicy.gatekeeper(a, r)),
  addNote: (a: Actor, r: ReferralRow) =>
    can(a, 'referrals:write') &&
    r.state !== 'draft' &&
    (referralPolicy.isSender(a, r) || referralPolicy.isReceiver(a, r)),
};
