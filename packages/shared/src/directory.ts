/** Insurance types a program may accept (directory filter, MT-9). */
export const INSURANCE = {
  medicaid: 'Medicaid',
  medicare: 'Medicare',
  chip: "Children's Health Insurance Program (CHIP)",
  private: 'Private insurance',
  marketplace: 'Marketplace plan',
  va_tricare: 'VA / TRICARE',
  ihs: 'Indian Health Service',
  none_required: 'None required / sliding scale',
} as const;
export type InsuranceCode = keyof typeof INSURANCE;
export const INSURANCE_CODES = Object.keys(INSURANCE) as InsuranceCode[];

/** How a program's or organization's own details change (ND-2 direct; NCC-5 by change request). */
export type OrganizationEdits = 'direct' | 'change_request';

/** The Norfolk contact form (NCC-5), kept on a contact (membership) and in contact change requests. */
export interface ContactDetails {
  title?: string | null;
  forename?: string | null;
  surname?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  addressLine3?: string | null;
  town?: string | null;
  county?: string | null;
  postcode?: string | null;
  mobile?: string | null;
  telephone?: string | null;
  email?: string | null;
  portalEmail?: string | null;
  role?: string | null;
}

export const CONTACT_DETAIL_FIELDS = {
  title: 'Title',
  forename: 'Forename',
  surname: 'Surname',
  addressLine1: 'Address 1',
  addressLine2: 'Address 2',
  addressLine3: 'Address 3',
  town: 'Town',
  county: 'County',
  postcode: 'Postcode',
  mobile: 'Mobile',
  telephone: 'Telephone',
  email: 'Email',
  portalEmail: 'Provider portal email address',
  role: 'Role',
} as const satisfies Record<keyof ContactDetails, string>;

export const CHANGE_REQUEST_KINDS = {
  organization_details: 'Organisation details',
  service_details: 'Service details',
  contact_create: 'New contact',
  contact_update: 'Contact details',
  contact_removal: 'Contact removal',
} as const;
export const CHANGE_REQUEST_STATUSES = {
  pending: 'Pending',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
} as const;

/** Days before an agency agreement lapses when its gatekeepers are reminded (MT-4). */
export const AGREEMENT_REMINDER_DAYS = [30, 7, 1] as const;
/** An agency agreement signature is valid this many months (MT-4). */
export const AGREEMENT_VALID_MONTHS = 12;
