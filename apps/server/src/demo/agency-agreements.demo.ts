import type { PresetCode } from '@portico/shared';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { validUntilOf } from '../modules/agency-agreements/agency-agreements.rules.js';
import {
  agencyAgreementSignatures,
  agencyAgreementVersions,
} from '../modules/agency-agreements/agency-agreements.table.js';
import { programs } from '../modules/organizations/organizations.table.js';
import { DAY } from '../platform/clock/clock.js';

/** MT-4: the Montana-style agency agreement (a data-sharing and referral participation agreement). */
const MT_AGENCY_AGREEMENT = {
  version: '2026-01',
  text: [
    'Agency participation agreement for the referral network',
    '',
    'This agreement is between the network team and the agency program named when it is signed. The gatekeeper who signs confirms they may bind the program to it.',
    '',
    '1. Referrals. The program accepts and answers referrals through the portal, acknowledges each new referral by the next business day and keeps its service status up to date until the referral is closed.',
    '2. Consent. The program sends and views client information only under a valid, signed release of information, and only the information types the client consented to disclose.',
    "3. Confidentiality. Client information is used only to coordinate the client's services. It is not printed, exported or shared beyond what that work needs, and staff accounts are never shared.",
    '4. Directory. The program keeps its directory listing (services, counties served, insurance accepted, hours, contacts) accurate and tells the network team of changes.',
    '5. Staff. The gatekeeper removes portal access of staff who leave the program the day they leave, and makes sure every user has signed the user agreement.',
    '6. Incidents. A suspected privacy or security incident is reported to the network team within one business day.',
    '7. Term. This agreement is valid for 12 months from signing and is signed again each year. A program without a valid agreement is not shown in the directory and cannot receive referrals.',
  ].join('\n'),
};

/** Days ago each demo program signed; missing programs stay unsigned. ~345 days ago is due in ~20 days. */
const MT_SIGNED_DAYS_AGO: Record<string, { daysAgo: number; signer: string }> = {
  'mt-net': { daysAgo: 60, signer: 'admin@mt.demo.test' },
  'mt-family': { daysAgo: 120, signer: 'gatekeeper@mt.demo.test' },
  'mt-tele': { daysAgo: 200, signer: 'admin@mt.demo.test' },
  'mt-food': { daysAgo: 345, signer: 'multi@mt.demo.test' },
  'mt-housing': { daysAgo: 30, signer: 'both@mt.demo.test' },
};

/** Seeds the network's agency agreement and the programs' signatures (MT preset only). */
export async function seedAgencyAgreements(
  tx: Tx,
  preset: PresetCode,
  networkId: string,
  programIds: Map<string, { id: string; organizationId: string }>,
  users: Map<string, { id: string; name: string }>,
) {
  if (preset !== 'mt-referral-network') return;
  const admin = users.get('admin@mt.demo.test');
  const publishedAt = new Date(Date.now() - 400 * DAY);
  const [version] = await tx
    .insert(agencyAgreementVersions)
    .values({ networkId, ...MT_AGENCY_AGREEMENT, publishedBy: admin?.id ?? null, publishedAt })
    .returning({ id: agencyAgreementVersions.id });
  for (const [key, { daysAgo, signer }] of Object.entries(MT_SIGNED_DAYS_AGO)) {
    const program = programIds.get(key);
    const user = users.get(signer);
    if (!program || !user) throw new Error(`demo data: agency agreement for unknown ${key} or ${signer}`);
    const signedAt = new Date(Date.now() - daysAgo * DAY);
    const validUntil = validUntilOf(signedAt);
    await tx.insert(agencyAgreementSignatures).values({
      networkId,
      organizationId: program.organizationId,
      programId: program.id,
      versionId: version!.id,
      signedBy: user.id,
      signerName: user.name,
      signedAt,
      validUntil,
    });
    await tx.update(programs).set({ agreementValidUntil: validUntil }).where(eq(programs.id, program.id));
  }
}
