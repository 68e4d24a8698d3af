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
  /** The program the user acts as, or null until they choose one. */
  acting: Type.Union([Type.Object({ ...placeFields, capabilities: Type.Array(Type.String()) }), Type.Null()]),
  memberships: Type.Array(MembershipSummary),
});
