import type { ReferralState } from '@portico/shared';

/** A person as a referral names them (sender, assignee, actor). */
export interface Person {
  id: string;
  name: string;
}

/** A program at either end of a referral. */
export interface ReferralProgram {
  id: string;
  name: string;
  organizationName: string;
}

/** A referral as the API answers (see apps/server/src/modules/referrals/referrals.schema.ts). */
export interface Referral {
  id: string;
  state: ReferralState;
  client: { id: string; firstName: string; lastName: string };
  consentId: string;
  fromProgram: ReferralProgram;
  toProgram: ReferralProgram;
  createdBy: Person;
  assignee: Person | null;
  reason: string | null;
  intake: Record<string, unknown>;
  /** The receiving program's intake form version this referral answers (MT-11). */
  intakeFormId: string | null;
  insuranceConfirmed: boolean;
  sentAt: string | null;
  assignedAt: string | null;
  acknowledgedAt: string | null;
  refusalReason: string | null;
  refusalText: string | null;
  serviceStatus: string | null;
  serviceStatusAt: string | null;
  closedAt: string | null;
  lastActivityAt: string;
  /** MT-16: not acknowledged by the next business day, or no update for five business days. */
  stale: boolean;
  createdAt: string;
}

/** A list row (MT-14): what the sent and received lists answer; the rest is the referral's detail. */
export type ReferralSummary = Pick<
  Referral,
  | 'id'
  | 'state'
  | 'client'
  | 'fromProgram'
  | 'toProgram'
  | 'createdBy'
  | 'assignee'
  | 'sentAt'
  | 'acknowledgedAt'
  | 'refusalReason'
  | 'serviceStatus'
  | 'closedAt'
  | 'lastActivityAt'
  | 'stale'
  | 'createdAt'
>;

/** One step on the shared timeline; `data` depends on the kind (assignedTo, reason, status, note…). */
export interface TimelineEvent {
  id: string;
  kind: string;
  actor: Person | null;
  data: Record<string, unknown>;
  at: string;
}

/** MT-13: a call-log note or progress entry; an unshared one stays with its own program. */
export interface ReferralNote {
  id: string;
  kind: 'note' | 'progress' | string;
  happenedOn: string;
  contactMethod: string | null;
  outcome: string | null;
  text: string;
  shared: boolean;
  author: Person;
  /** Written by the acting program's organization. */
  ours: boolean;
  createdAt: string;
}

/** What the acting user may do now; the server checks again on every step. */
export interface ReferralAbilities {
  edit: boolean;
  send: boolean;
  assign: boolean;
  refuse: boolean;
  reassign: boolean;
  updateStatus: boolean;
  addNote: boolean;
}

/** GET /api/referrals/:id */
export interface ReferralDetail extends Referral {
  timeline: TimelineEvent[];
  notes: ReferralNote[];
  can: ReferralAbilities;
  /** Who may be assigned (gatekeeper or assignee of the receiving program). */
  assignable: Person[];
}
