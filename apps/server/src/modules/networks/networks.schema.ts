import { REFUSAL_REASON_CODE_PATTERN } from '@portico/shared';
import { Type } from 'typebox';
import { IsoDate, Nullable, RequiredText } from '../../http/schema.js';

const Days = (max: number) => Nullable(Type.Integer({ minimum: 1, maximum: max }));

export const PasswordRulesSchema = Type.Object(
  {
    minLength: Type.Integer({ minimum: 8, maximum: 64 }),
    minLengthWithSecondFactor: Type.Integer({ minimum: 8, maximum: 64 }),
    requireUpper: Type.Boolean(),
    requireLower: Type.Boolean(),
    requireLetter: Type.Boolean(),
    requireSymbol: Type.Boolean(),
    minDigits: Type.Integer({ minimum: 0, maximum: 10 }),
    rejectCommon: Type.Boolean(),
    rejectEmailName: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** The whole sign-in policy of a network; NIST's floor of 8 characters is the least accepted. */
export const SecurityPolicySchema = Type.Object(
  {
    password: PasswordRulesSchema,
    maxFailedAttempts: Type.Integer({ minimum: 1, maximum: 100 }),
    lockoutMinutes: Days(24 * 60),
    passwordLifetimeDays: Days(3650),
    inactivitySuspendDays: Days(3650),
    sessionIdleMinutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
    sessionAbsoluteHours: Type.Integer({ minimum: 1, maximum: 24 * 30 }),
    secondFactor: Type.Union([Type.Literal('none'), Type.Literal('passcode'), Type.Literal('totp')]),
    allowTemporaryPassword: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const UserAgreementSchema = Nullable(
  Type.Object(
    { version: Type.String({ minLength: 1, maxLength: 50 }), text: Type.String({ minLength: 1, maxLength: 20_000 }) },
    { additionalProperties: false },
  ),
);

export const NetworkPolicyPatch = Type.Object(
  { security: Type.Optional(SecurityPolicySchema), userAgreement: Type.Optional(UserAgreementSchema) },
  { additionalProperties: false, minProperties: 1 },
);

export const NetworkPolicyResponse = Type.Object({
  security: SecurityPolicySchema,
  userAgreement: UserAgreementSchema,
});

/** The directory settings a network decides (MT-4 agreements, NCC-5 change requests, a public HSDS feed). */
export const DirectorySettings = Type.Object({
  /** Anyone may read the network's directory through the HSDS API at /api/hsds/{slug}/. */
  directoryPublic: Type.Boolean(),
  /** MT-4: programs need a valid agency agreement to be found and to receive referrals. */
  requiresAgencyAgreement: Type.Boolean(),
  /** ND-2 'direct': edits apply at once; NCC-5 'change_request': the network team decides them. */
  organizationEdits: Type.Union([Type.Literal('direct'), Type.Literal('change_request')]),
});
export const DirectorySettingsPatch = Type.Partial(DirectorySettings, {
  additionalProperties: false,
  minProperties: 1,
});

/** MT-12: one refusal reason of the network's list; its code is stored on each referral refused for it. */
export const RefusalReasonSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: REFUSAL_REASON_CODE_PATTERN }),
    label: RequiredText(100),
    /** The gatekeeper must add words when refusing for this reason (as for "Other"). */
    requiresText: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** MT-12 refusal reasons (at least one, codes unique) and MT-16 holidays (unique days, answered sorted). */
export const ReferralSettings = Type.Object({
  refusalReasons: Type.Array(RefusalReasonSchema, { minItems: 1, maxItems: 50 }),
  holidays: Type.Array(IsoDate, { maxItems: 1000, description: 'Days that are not business days besides weekends' }),
});
export const ReferralSettingsPatch = Type.Partial(ReferralSettings, {
  additionalProperties: false,
  minProperties: 1,
});
