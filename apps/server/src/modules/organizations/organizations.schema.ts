import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.js';
import { DateTime, Email, Nullable, OptionalText, Phone, Postcode, Uuid } from '../../http/schema.js';
import { InsuranceCode } from '../directory/directory.schema.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Url = Type.String({ format: 'uri', maxLength: 500, pattern: '^https?://' });
const Places = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 });

const organizationFields = {
  taxId: OptionalText(40),
  website: Type.Optional(Nullable(Url)),
  phone: Type.Optional(Nullable(Phone)),
  email: Type.Optional(Nullable(Email)),
  /** NCC-5 organisation details (the Norfolk form). */
  description: OptionalText(2000),
  addressLine1: OptionalText(200),
  addressLine2: OptionalText(200),
  addressLine3: OptionalText(200),
  town: OptionalText(100),
  county: OptionalText(100),
  postcode: Type.Optional(Nullable(Postcode)),
  country: OptionalText(100),
  mobile: Type.Optional(Nullable(Phone)),
  fax: Type.Optional(Nullable(Phone)),
};
export const OrganizationCreate = Type.Object({ name: Name, ...organizationFields }, { additionalProperties: false });
export const OrganizationPatch = Type.Object(
  { name: Type.Optional(Name), ...organizationFields },
  { additionalProperties: false, minProperties: 1 },
);
export const Organization = Type.Object({
  id: Type.String(),
  networkId: Type.String(),
  name: Type.String(),
  taxId: Nullable(Type.String()),
  website: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  description: Nullable(Type.String()),
  addressLine1: Nullable(Type.String()),
  addressLine2: Nullable(Type.String()),
  addressLine3: Nullable(Type.String()),
  town: Nullable(Type.String()),
  county: Nullable(Type.String()),
  postcode: Nullable(Type.String()),
  country: Nullable(Type.String()),
  mobile: Nullable(Type.String()),
  fax: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const programFields = {
  description: OptionalText(2000),
  addressLine1: OptionalText(200),
  city: OptionalText(100),
  state: OptionalText(50),
  postalCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9A-Za-z -]{3,12}$' }))),
  phone: Type.Optional(Nullable(Phone)),
  email: Type.Optional(Nullable(Email)),
  website: Type.Optional(Nullable(Url)),
  regions: Type.Optional(Places),
  counties: Type.Optional(Places),
  referralStatus: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
  /** Directory fields (MT-9): services are taxonomy term ids the network sees (checked by the service). */
  addressLine2: OptionalText(200),
  serviceTermIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })),
  telemedicine: Type.Optional(Type.Boolean()),
  telemedicineCounties: Type.Optional(Places),
  insurance: Type.Optional(Type.Array(InsuranceCode, { maxItems: 20, uniqueItems: true })),
  languages: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50 })),
  eligibility: OptionalText(2000),
  hours: OptionalText(500),
};
export const ProgramCreate = Type.Object(
  { organizationId: Uuid, name: Name, ...programFields },
  { additionalProperties: false },
);
export const ProgramPatch = Type.Object(
  { name: Type.Optional(Name), ...programFields },
  { additionalProperties: false, minProperties: 1 },
);
export const Program = Type.Object({
  id: Type.String(),
  networkId: Type.String(),
  organizationId: Type.String(),
  organizationName: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  addressLine1: Nullable(Type.String()),
  city: Nullable(Type.String()),
  state: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
  regions: Type.Array(Type.String()),
  counties: Type.Array(Type.String()),
  referralStatus: Type.String(),
  addressLine2: Nullable(Type.String()),
  serviceTermIds: Type.Array(Type.String()),
  telemedicine: Type.Boolean(),
  telemedicineCounties: Type.Array(Type.String()),
  insurance: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  eligibility: Nullable(Type.String()),
  hours: Nullable(Type.String()),
  /** MT-4: set by a gatekeeper's signature of the agency agreement, never by a program edit. */
  agreementValidUntil: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const OrganizationListQuery = Type.Object({ ...PageQuery, q: Type.Optional(Type.String({ maxLength: 100 })) });
export const ProgramListQuery = Type.Object({
  ...PageQuery,
  organizationId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});
