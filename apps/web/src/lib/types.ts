/** Shapes of the API answers (see apps/server/src/modules/*\/*.schema.ts). */

import type { ContactDetails, SecurityPolicy, UserAgreement } from '@portico/shared';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface MembershipSummary {
  membershipId: string;
  programId: string;
  programName: string;
  organizationId: string;
  organizationName: string;
  networkId: string;
  networkName: string;
  networkPreset: string;
  roles: string[];
}

export interface ActingProgram extends Omit<MembershipSummary, 'membershipId'> {
  capabilities: string[];
}

/** A sign-in step still owed; until it is done every other route answers 403. */
export type SessionStage = 'password_change' | 'second_factor' | 'second_factor_enrolment';

export interface Session {
  user: { id: string; email: string; name: string };
  stage: SessionStage | null;
  acting: ActingProgram | null;
  memberships: MembershipSummary[];
  /** The second factor the user's networks ask for; servers before it was added leave it out. */
  secondFactor?: 'passcode' | 'totp' | null;
}

export interface Network {
  id: string;
  slug: string;
  name: string;
  preset: string;
  presetLabel: string;
  roles: { code: string; label: string }[];
  clientNoun: string;
  programNoun: string;
  requiresAgencyAgreement: boolean;
  directoryPublic: boolean;
  /** ND-2 'direct' edits, NCC-5 'change_request' (absent on older servers: direct). */
  organizationEdits?: 'direct' | 'change_request';
  /** MT-1, NCC-1: administrators may email a temporary password (absent on older servers: allowed). */
  allowTemporaryPassword?: boolean;
}

export interface Organization {
  id: string;
  networkId: string;
  name: string;
  taxId: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  /** NCC-5 organisation details (absent on older servers). */
  description?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  addressLine3?: string | null;
  town?: string | null;
  county?: string | null;
  postcode?: string | null;
  country?: string | null;
  mobile?: string | null;
  fax?: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ReferralStatus = 'open' | 'closed';

export interface Program {
  id: string;
  networkId: string;
  organizationId: string;
  organizationName: string;
  name: string;
  description: string | null;
  addressLine1: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  regions: string[];
  counties: string[];
  referralStatus: string;
  createdAt: string;
  updatedAt: string;
}

export interface Contact {
  membershipId: string;
  programId: string;
  userId: string;
  name: string;
  email: string;
  phone: string | null;
  title: string | null;
  roles: string[];
  regions: string[];
  beginsOn: string;
  endsAt: string | null;
  active: boolean;
  canSignIn: boolean;
  /** NCC-5 contact form fields (absent on older servers). */
  contact?: ContactDetails | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  status: string;
  lastSignInAt: string | null;
  lockedAt?: string | null;
  suspendedAt?: string | null;
  hasPassword?: boolean;
  mustChangePassword?: boolean;
  memberships: {
    membershipId: string;
    programId: string;
    programName: string;
    organizationName: string;
    roles: string[];
    beginsOn: string;
    endsAt: string | null;
  }[];
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage extends Page<Notification> {
  unreadCount: number;
}

export interface AuditEvent {
  id: string;
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actingProgramId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
  hash: string;
}

/** The answer of a step of sign-in (password change, passcode): the next step, or null when done. */
export interface StageAnswer {
  stage: SessionStage | null;
}

/** Whose set-password link this is, and the rules the new password must meet. */
export interface PasswordToken {
  email: string;
  kind: 'invite' | 'reset';
  rules: string[];
}

/** One of my signed-in sessions (GET /api/sessions). */
export interface SignedInSession {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
}

/** An email in the outbox; without SMTP the body stays, so the page is the demo's inbox. */
export interface SentMail {
  id: string;
  to: string;
  subject: string;
  body: string | null;
  createdAt: string;
  deliveredAt: string | null;
  error: string | null;
}

export interface MailPage extends Page<SentMail> {
  smtp: boolean;
}

/** MT-3: the acting network's user agreement and whether I must sign it now. */
export interface AgreementStatus {
  required: boolean;
  due: boolean;
  version: string | null;
  text: string | null;
  signedAt: string | null;
}

/** Who signed which version of the user agreement, and when (network administrators). */
export interface AgreementSignature {
  id: string;
  userId: string;
  name: string;
  email: string;
  version: string;
  typedName: string;
  signedAt: string;
}

/** The network's sign-in rules and user agreement (GET/PATCH /api/network/policy). */
export interface NetworkPolicy {
  security: SecurityPolicy;
  userAgreement: UserAgreement | null;
}

/** ND-9: the network's identity provider as its administrator sees it; never the secret. */
export interface SsoSettings {
  enabled: boolean;
  issuer: string;
  clientId: string;
  displayName: string;
  hasSecret: boolean;
  callbackUrl: string;
}

/** A network whose sign-in page offers its identity provider (public). */
export interface SsoNetwork {
  slug: string;
  name: string;
  displayName: string;
  startUrl: string;
}

/** The start of authenticator-app enrolment: the secret, as a QR code and as text. */
export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  qrCode: string;
}

/** Enrolment confirmed: the next step, and the 10 single-use recovery codes, shown once. */
export interface TotpEnrolled extends StageAnswer {
  recoveryCodes: string[];
}
