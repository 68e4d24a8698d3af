/** MT-4: where a program stands with its agency agreement. */
export const AGENCY_AGREEMENT_STATUSES = {
  unsigned: 'Not signed',
  valid: 'Valid',
  due_soon: 'Due soon',
  lapsed: 'Lapsed',
} as const;
export type AgencyAgreementStatus = keyof typeof AGENCY_AGREEMENT_STATUSES;
export const AGENCY_AGREEMENT_STATUS_CODES = Object.keys(AGENCY_AGREEMENT_STATUSES) as AgencyAgreementStatus[];

/** A signature lapsing within this many days is "due soon" (the first reminder goes out then). */
export const AGREEMENT_DUE_SOON_DAYS = 30;
