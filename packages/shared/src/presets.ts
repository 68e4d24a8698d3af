import type { OrganizationEdits } from './directory.js';
import type { RoleCode } from './roles.js';
import { SECURITY_PRESETS, type SecurityPolicy } from './security.js';

/** Network policy presets: the rules that differ between the guides hang off the network. */
export const PRESETS = {
  default: 'Default (NIST SP 800-63B)',
  'nd-care-coordination': 'North Dakota care coordination',
  'mt-referral-network': 'Montana closed-loop referral network',
  'health-plan': 'Health plan care plans',
  'council-payments': 'Council contracts and payments',
} as const;
export type PresetCode = keyof typeof PRESETS;
export const PRESET_CODES = Object.keys(PRESETS) as PresetCode[];

export interface NetworkPolicy {
  /** Roles a program of this network may hand out (network administrator always included). */
  roles: RoleCode[];
  /** MT-4: programs need a valid agency agreement to be found and to receive referrals. */
  requiresAgencyAgreement: boolean;
  /** ND-2 edits apply at once; NCC-5 edits become change requests a network team member decides. */
  organizationEdits: OrganizationEdits;
  /** Words the guides use for a client, shown in the interface. */
  clientNoun: string;
  /** Words for a program. */
  programNoun: string;
  /** Sign-in rules: password, lockout, expiry, suspension, sessions, second factor. */
  security: SecurityPolicy;
  /** MT-3: the user agreement signed at first sign-in and yearly; null when the network has none. */
  userAgreement: UserAgreement | null;
}

export interface UserAgreement {
  version: string;
  text: string;
}

const MT_AGREEMENT: UserAgreement = {
  version: '2026-01',
  text: [
    'Memorandum of understanding for users of the referral network.',
    '',
    '1. I use this portal only to refer, receive and follow up clients of my program, with their consent.',
    '2. I keep client information confidential: I do not share my account, print or export more than my work needs, or leave a session open on a shared computer.',
    '3. I record only what the referral needs; medical records are not sent through the portal.',
    '4. I report a suspected privacy incident to my gatekeeper and the network team at once.',
    '5. I understand that my use is audited and that breaking this agreement ends my access.',
  ].join('\n'),
};

const nd: RoleCode[] = ['nd_master_admin', 'nd_support_admin', 'nd_care_coordinator', 'nd_peer_support'];
const mt: RoleCode[] = ['mt_gatekeeper', 'mt_provider'];
const ncc: RoleCode[] = [
  'ncc_super_user_actuals',
  'ncc_super_user_scheduled',
  'ncc_payments',
  'ncc_administration',
  'ncc_reports',
  'ncc_invoice_only',
  'ncc_read_only',
];

export const PRESET_POLICIES: Record<PresetCode, NetworkPolicy> = {
  default: {
    security: SECURITY_PRESETS['default'],
    userAgreement: null,
    roles: ['network_admin', ...mt, 'ncc_read_only'],
    requiresAgencyAgreement: false,
    organizationEdits: 'direct',
    clientNoun: 'client',
    programNoun: 'program',
  },
  'nd-care-coordination': {
    security: SECURITY_PRESETS['nd-care-coordination'],
    userAgreement: null,
    roles: ['network_admin', ...nd],
    requiresAgencyAgreement: false,
    organizationEdits: 'direct',
    clientNoun: 'participant',
    programNoun: 'program',
  },
  'mt-referral-network': {
    security: SECURITY_PRESETS['mt-referral-network'],
    userAgreement: MT_AGREEMENT,
    roles: ['network_admin', ...mt],
    requiresAgencyAgreement: true,
    organizationEdits: 'direct',
    clientNoun: 'client',
    programNoun: 'agency program',
  },
  'health-plan': {
    security: SECURITY_PRESETS['health-plan'],
    userAgreement: null,
    roles: ['network_admin', 'hp_provider_staff'],
    requiresAgencyAgreement: false,
    organizationEdits: 'direct',
    clientNoun: 'member',
    programNoun: 'provider',
  },
  'council-payments': {
    security: SECURITY_PRESETS['council-payments'],
    userAgreement: null,
    roles: ['network_admin', ...ncc],
    requiresAgencyAgreement: false,
    organizationEdits: 'change_request',
    clientNoun: 'service user',
    programNoun: 'service',
  },
};
