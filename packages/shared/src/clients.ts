/** MT-8 client profile choices, stored as codes, shown as labels. */
export const GENDER_IDENTITIES = {
  woman: 'Woman',
  man: 'Man',
  non_binary: 'Non-binary',
  transgender_woman: 'Transgender woman',
  transgender_man: 'Transgender man',
  other: 'Another identity',
  declined: 'Prefers not to say',
} as const;
export type GenderIdentity = keyof typeof GENDER_IDENTITIES;

export const RACES = {
  american_indian_alaska_native: 'American Indian or Alaska Native',
  asian: 'Asian',
  black: 'Black or African American',
  native_hawaiian_pacific_islander: 'Native Hawaiian or Other Pacific Islander',
  white: 'White',
  other: 'Another race',
  declined: 'Prefers not to say',
} as const;
export type Race = keyof typeof RACES;

export const MILITARY_SERVICE = {
  never: 'Never served',
  veteran: 'Veteran',
  active: 'Active duty',
  reserve: 'Reserve or National Guard',
  declined: 'Prefers not to say',
} as const;
export type MilitaryService = keyof typeof MILITARY_SERVICE;

/** CI-1 health-plan coverage. */
export const COVERAGE_STATUSES = { active: 'Active', pending: 'Pending', terminated: 'Terminated' } as const;
export type CoverageStatus = keyof typeof COVERAGE_STATUSES;

/** MT-9: what a release of information discloses; sensitive ones need their own explicit tick. */
export const INFO_TYPES = {
  demographics: 'Name, date of birth and contact details',
  needs: 'Needs and services requested',
  benefits: 'Benefits and insurance',
  housing: 'Housing situation',
  income: 'Income and employment',
  health_general: 'General health information',
} as const;
export type InfoType = keyof typeof INFO_TYPES;

export const SENSITIVE_INFO_TYPES = {
  hiv_sti: 'HIV status and sexually transmitted infections',
  substance_use: 'Substance-use treatment records',
  mental_health: 'Mental health',
  reproductive_health: 'Reproductive health',
} as const;
export type SensitiveInfoType = keyof typeof SENSITIVE_INFO_TYPES;

/** MT-9: who authorizes the release; the signer must be that person. */
export const AUTHORIZER_KINDS = {
  client: 'The client',
  guardian: 'Parent or guardian',
  power_of_attorney: 'Power of attorney',
} as const;
export type AuthorizerKind = keyof typeof AUTHORIZER_KINDS;

export const CONSENT_STATUSES = {
  pending: 'Waiting for signature',
  awaiting_upload: 'Signed on paper, upload missing',
  signed: 'Signed',
  revoked: 'Revoked',
  expired: 'Expired',
} as const;
export type ConsentStatus = keyof typeof CONSENT_STATUSES;

export const CONSENT_METHODS = { esign: 'E-signature', sms: 'Text message', paper: 'Paper, uploaded' } as const;
export type ConsentMethod = keyof typeof CONSENT_METHODS;

/** MT-9: a consent is valid for one year from its signature. */
export const CONSENT_VALID_DAYS = 365;
