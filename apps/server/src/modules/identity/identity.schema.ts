import { Type } from 'typebox';

export const SignInBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254, description: 'The sign-in name' }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const SwitchProgramBody = Type.Object(
  { programId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

const placeFields = {
  programId: Type.String(),
  programName: Type.String(),
  organizationId: Type.String(),
  organizationName: Type.String(),
  networkId: Type.String(),
  networkName: Type.String(),
  networkPreset: Type.String(),
  roles: Type.Array(Type.String()),
};

export const MembershipSummary = Type.Object({ membershipId: Type.String(), ...placeFields });

export const SessionResponse = Type.Object({
  user: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() }),
  /** A step still owed before anything else is reachable; null when fully signed in. */
  stage: Type.Union([
    Type.Literal('password_change'),
    Type.Literal('second_factor'),
    Type.Literal('second_factor_enrolment'),
    Type.Null(),
  ]),
  /** The second factor the user's networks ask for (null: none). */
  secondFactor: Type.Union([Type.Literal('passcode'), Type.Literal('totp'), Type.Null()]),
  /** The program the user acts as, or null until they choose one. */
  acting: Type.Union([Type.Object({ ...placeFields, capabilities: Type.Array(Type.String()) }), Type.Null()]),
  memberships: Type.Array(MembershipSummary),
});

const Password = Type.String({ minLength: 1, maxLength: 1024 });

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);

export const TokenPasswordBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }), password: Password },
  { additionalProperties: false },
);

export const ResetRequestBody = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }) },
  { additionalProperties: false },
);

export const TokenQuery = Type.Object({ token: Type.String({ minLength: 20, maxLength: 200 }) });

export const PasswordRulesResponse = Type.Object({
  email: Type.String(),
  kind: Type.String(),
  rules: Type.Array(Type.String()),
});

export const SessionListItem = Type.Object({
  id: Type.String(),
  current: Type.Boolean(),
  createdAt: Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' }),
  lastSeenAt: Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' }),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
});
