import type { NetworkPolicy } from '@portico/shared';
import { type Actor, can } from '../../platform/access/actor.js';

/**
 * Who may use the directory: every role reads organizations (`organization:read`), and the directory is
 * network-wide by design (MT-9: referrals go to any program of the network), so search, the entry of one
 * program and the export need nothing more. Only listing is shared: editing stays with organizations.
 */
export const directoryPolicy = {
  search: (actor: Actor) => can(actor, 'organization:read'),
  export: (actor: Actor) => can(actor, 'organization:read'),
};

export type AgreementRule = Pick<NetworkPolicy, 'requiresAgencyAgreement'>;

export interface ReferralTarget {
  referralStatus: string;
  agreementValidUntil: Date | string | null;
}

/** MT-4: is the program's agency agreement valid at `now`? Always true where the network requires none. */
export function agreementValid(rule: AgreementRule, program: Pick<ReferralTarget, 'agreementValidUntil'>, now: Date) {
  if (!rule.requiresAgencyAgreement) return true;
  return program.agreementValidUntil !== null && new Date(program.agreementValidUntil).getTime() > now.getTime();
}

/** Why a program cannot receive a referral now (MT-4, referral status), or null when it can. */
export function referralRefusalOf(rule: AgreementRule, program: ReferralTarget, now: Date): string | null {
  if (!agreementValid(rule, program, now)) {
    return program.agreementValidUntil === null
      ? 'This program has no signed agency agreement; it cannot receive referrals until a gatekeeper signs it.'
      : `This program's agency agreement lapsed on ${new Date(program.agreementValidUntil).toISOString().slice(0, 10)}; it cannot receive referrals until a gatekeeper signs it.`;
  }
  if (program.referralStatus !== 'open') return 'This program is not accepting referrals.';
  return null;
}
