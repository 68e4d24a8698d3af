import { ROLE_CODES } from '@portico/shared';
import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.js';
import { DateTime, Email, IsoDate, Nullable, OptionalText, Phone, Postcode, Uuid } from '../../http/schema.js';

export const RoleCodeSchema = Type.Union(ROLE_CODES.map((r) => Type.Literal(r)));
const Roles = Type.Array(RoleCodeSchema, { minItems: 1, maxItems: 10, uniqueItems: true });
const Regions = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 });

/** NCC-5: the Norfolk contact form (ContactDetails in packages/shared), captured in every network. */
export const ContactDetailsSchema = Type.Object(
  {
    title: OptionalText(30),
    forename: OptionalText(100),
    surname: OptionalText(100),
    addressLine1: OptionalText(200),
    addressLine2: OptionalText(200),
    addressLine3: OptionalText(200),
    town: OptionalText(100),
    county: OptionalText(100),
    postcode: Type.Optional(Nullable(Postcode)),
    mobile: Type.Optional(Nullable(Phone)),
    telephone: Type.Optional(Nullable(Phone)),
    email: Type.Optional(Nullable(Email)),
    portalEmail: Type.Optional(Nullable(Email)),
    role: OptionalText(100),
  },
  { additionalProperties: false },
);

export const MembershipInput = Type.Object(
  {
    programId: Uuid,
    roles: Roles,
    regions: Type.Optional(Regions),
    title: OptionalText(100),
    beginsOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const ContactCreate = Type.Object(
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    phone: Type.Optional(Nullable(Phone)),
    roles: Roles,
    regions: Type.Optional(Regions),
    title: OptionalText(100),
    beginsOn: Type.Optional(IsoDate),
    contact: Type.Optional(ContactDetailsSchema),
  },
  { additionalProperties: false },
);

export const MembershipPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    phone: Type.Optional(Nullable(Phone)),
    title: OptionalText(100),
    roles: Type.Optional(Roles),
    regions: Type.Optional(Regions),
    contact: Type.Optional(ContactDetailsSchema),
    /** ND-2: the contact's access ends on this date (today or earlier: at once); null removes the end date. */
    endsOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Contact = Type.Object({
  membershipId: Type.String(),
  programId: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  email: Type.String(),
  phone: Nullable(Type.String()),
  title: Nullable(Type.String()),
  roles: Type.Array(Type.String()),
  regions: Type.Array(Type.String()),
  beginsOn: Type.String(),
  endsAt: Nullable(DateTime),
  /** NCC-5 contact form fields; null when none were given. */
  contact: Nullable(ContactDetailsSchema),
  active: Type.Boolean(),
  /** False until the person has set a password (invitation flow of the identity issue). */
  canSignIn: Type.Boolean(),
});

export const ContactListQuery = Type.Object({
  ...PageQuery,
  includeEnded: Type.Optional(
    Type.Boolean({ default: false, description: 'Also list contacts whose access has ended' }),
  ),
});
export const ProgramParams = Type.Object({ programId: Uuid });
