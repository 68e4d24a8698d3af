/** Sign-in rules of a network (MT-1..3, NCC-1, ND-9, and NIST SP 800-63B-4 for the default). */
export interface PasswordRules {
  /** Minimum length when the password is the only factor. */
  minLength: number;
  /** Minimum length when a second factor is also required (NIST allows 8 then). */
  minLengthWithSecondFactor: number;
  requireUpper: boolean;
  requireLower: boolean;
  /** At least one letter of either case (NCC-1: "letters"). */
  requireLetter: boolean;
  requireSymbol: boolean;
  minDigits: number;
  /** Refuse passwords found in the bundled list of commonly used / breached passwords. */
  rejectCommon: boolean;
  /** Refuse passwords containing the part of the email before the @. */
  rejectEmailName: boolean;
}

/** NCC-1's 6-digit passcode, or an authenticator app (TOTP, RFC 6238) with recovery codes. */
export type SecondFactor = 'none' | 'passcode' | 'totp';

export interface SecurityPolicy {
  password: PasswordRules;
  /** Failed sign-ins in a row before the account locks. */
  maxFailedAttempts: number;
  /** null: locked until an administrator unlocks it; a number: unlocked after that many minutes. */
  lockoutMinutes: number | null;
  /** null: passwords never expire. */
  passwordLifetimeDays: number | null;
  /** null: accounts are never suspended for not being used. */
  inactivitySuspendDays: number | null;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  secondFactor: SecondFactor;
  /** MT-1 / NCC-1: an administrator may issue a temporary password, changed at first sign-in. */
  allowTemporaryPassword: boolean;
}

const NIST_DEFAULT: SecurityPolicy = {
  password: {
    minLength: 15,
    minLengthWithSecondFactor: 8,
    requireUpper: false,
    requireLower: false,
    requireLetter: false,
    requireSymbol: false,
    minDigits: 0,
    rejectCommon: true,
    rejectEmailName: true,
  },
  maxFailedAttempts: 10,
  lockoutMinutes: 15,
  passwordLifetimeDays: null,
  inactivitySuspendDays: null,
  sessionIdleMinutes: 15,
  sessionAbsoluteHours: 12,
  secondFactor: 'none',
  allowTemporaryPassword: false,
};

/** MT-1: 8+ characters with a number, an upper case, a lower case and a symbol. */
const MT: SecurityPolicy = {
  ...NIST_DEFAULT,
  password: {
    ...NIST_DEFAULT.password,
    minLength: 8,
    minLengthWithSecondFactor: 8,
    requireUpper: true,
    requireLower: true,
    requireSymbol: true,
    minDigits: 1,
  },
  allowTemporaryPassword: true,
};

/** NCC-1: 9+ with a capital, letters and two digits; passcode; 3 attempts; 12 months; 60 days. */
const NCC: SecurityPolicy = {
  ...NIST_DEFAULT,
  password: {
    ...NIST_DEFAULT.password,
    minLength: 9,
    minLengthWithSecondFactor: 9,
    requireUpper: true,
    requireLetter: true,
    minDigits: 2,
  },
  maxFailedAttempts: 3,
  lockoutMinutes: null,
  passwordLifetimeDays: 365,
  inactivitySuspendDays: 60,
  secondFactor: 'passcode',
  allowTemporaryPassword: true,
};

export const SECURITY_PRESETS = {
  default: NIST_DEFAULT,
  'nd-care-coordination': { ...NIST_DEFAULT },
  'mt-referral-network': MT,
  'health-plan': { ...NIST_DEFAULT },
  'council-payments': NCC,
} as const satisfies Record<string, SecurityPolicy>;
