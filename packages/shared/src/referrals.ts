/** A referral's life (MT-11, MT-12, ND-3): a draft is sent, then assigned or refused; a closing service status closes it. */
export const REFERRAL_STATES = {
  draft: 'Pending (draft)',
  sent: 'Sent, not yet assigned',
  assigned: 'Assigned',
  refused: 'Refused',
  closed: 'Closed',
} as const;
export type ReferralState = keyof typeof REFERRAL_STATES;
/** A client has at most one referral per program in these states (MT-11). */
export const OPEN_REFERRAL_STATES: readonly ReferralState[] = ['draft', 'sent', 'assigned'];

/** MT-13: the thirteen service statuses of the Montana guide, in its order; `closes` ends the referral. */
export const SERVICE_STATUSES = {
  closed_referred_elsewhere: { label: 'Closed - Referred to other program', closes: true },
  closed_successful: { label: 'Closed - Successful completion', closes: true },
  enrolled: { label: 'Enrolled in services', closes: false },
  not_completed_dropped_out: { label: 'Not completed - Dropped out', closes: true },
  not_completed_moved: { label: 'Not completed - Moved out of area', closes: true },
  not_completed_whereabouts_unknown: { label: 'Not completed - Whereabouts unknown', closes: true },
  not_started_declined: { label: 'Not started - Declined services', closes: true },
  not_started_moved: { label: 'Not started - Moved out of area', closes: true },
  not_started_waiting_list: { label: 'Not started - On waiting list', closes: false },
  not_started_referred_elsewhere: { label: 'Not started - Referred to other program', closes: true },
  not_started_unable_to_contact: { label: 'Not started - Unable to contact individual', closes: true },
  waiting_list: { label: 'On waiting list', closes: false },
  other: { label: 'Other', closes: false },
} as const;
export type ServiceStatus = keyof typeof SERVICE_STATUSES;

/** ND-3 / MT-12: why a program refuses a referral (the network's list; free text adds detail). */
export const REFUSAL_REASONS = {
  not_eligible: 'Client not eligible for this program',
  no_capacity: 'No capacity at this time',
  outside_service_area: 'Outside our service area',
  service_not_offered: 'Service not offered',
  duplicate: 'Duplicate referral',
  client_declined: 'Client declined',
  other: 'Other',
} as const;
export type RefusalReason = keyof typeof REFUSAL_REASONS;

/** MT-12: one reason of a network's refusal list; `requiresText` makes the gatekeeper say more. */
export interface RefusalReasonSetting {
  code: string;
  label: string;
  requiresText: boolean;
}

/** What a refusal reason's code may look like (it is stored on every referral refused for it). */
export const REFUSAL_REASON_CODE_PATTERN = '^[a-z0-9_]+$';

/** The list a network has until its administrator edits it: the shared reasons, "Other" needing words. */
export const DEFAULT_REFUSAL_REASONS: readonly RefusalReasonSetting[] = Object.entries(REFUSAL_REASONS).map(
  ([code, label]) => ({ code, label, requiresText: code === 'other' }),
);

/** MT-12 / MT-16: the referral settings a network administrator edits. */
export interface ReferralSettings {
  refusalReasons: RefusalReasonSetting[];
  /** Days that are not business days besides weekends (YYYY-MM-DD, sorted). */
  holidays: string[];
}

/**
 * A refused referral's reason in words: the network's current list, else the shared default label
 * (a reason removed since), else the code itself.
 */
export function refusalReasonLabel(reasons: readonly RefusalReasonSetting[], code: string): string {
  const listed = reasons.find((r) => r.code === code)?.label;
  if (listed !== undefined) return listed;
  // Own keys only: a code such as "constructor" is not a label.
  return Object.hasOwn(REFUSAL_REASONS, code) ? REFUSAL_REASONS[code as RefusalReason] : code;
}

/** MT-13 notes are a call log: how the client was reached, and what came of it. */
export const CONTACT_METHODS = {
  phone: 'Phone call',
  text: 'Text message',
  email: 'Email',
  in_person: 'In person',
  letter: 'Letter',
  video: 'Video call',
  other: 'Other',
} as const;
export const CONTACT_OUTCOMES = {
  reached: 'Reached the client',
  left_message: 'Left a message',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
  not_applicable: 'Not applicable',
} as const;

/** MT-15: the most rows one Excel sheet holds below its header (1,048,576 in all); longer reports download as CSV. */
export const XLSX_MAX_ROWS = 1_048_575;
