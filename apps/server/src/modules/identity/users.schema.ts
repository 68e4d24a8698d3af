import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.js';
import { DateTime, Email, Nullable, Phone } from '../../http/schema.js';
import { MembershipInput } from '../memberships/memberships.schema.js';

export const UserCreate = Type.Object(
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    phone: Type.Optional(Nullable(Phone)),
    memberships: Type.Array(MembershipInput, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const UserListQuery = Type.Object({ ...PageQuery, q: Type.Optional(Type.String({ maxLength: 100 })) });

export const UserDetail = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  phone: Nullable(Type.String()),
  status: Type.String(),
  lastSignInAt: Nullable(DateTime),
  lockedAt: Nullable(DateTime),
  suspendedAt: Nullable(DateTime),
  mustChangePassword: Type.Boolean(),
  hasPassword: Type.Boolean(),
  memberships: Type.Array(
    Type.Object({
      membershipId: Type.String(),
      programId: Type.String(),
      programName: Type.String(),
      organizationName: Type.String(),
      roles: Type.Array(Type.String()),
      beginsOn: Type.String(),
      endsAt: Nullable(DateTime),
    }),
  ),
});
