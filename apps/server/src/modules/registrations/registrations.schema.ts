import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.js';
import { DateTime, Email, Nullable, Phone, RequiredText } from '../../http/schema.js';

/** CS-1 application; tax ID, ZIP and provider ID are checked by registrations.rules (messages name the field). */
export const RegistrationCreate = Type.Object(
  {
    legalName: RequiredText(200),
    taxId: Type.String({ maxLength: 20, description: '9 digits: 12-3456789 or 123456789' }),
    providerId: Type.String({ maxLength: 40, description: '1 to 30 letters and digits' }),
    zip: Type.String({ maxLength: 20, description: 'ZIP+4: 12345-6789 or 123456789' }),
    programName: RequiredText(200),
    contactName: RequiredText(200),
    contactEmail: Email,
    contactPhone: Type.Optional(Nullable(Phone)),
  },
  { additionalProperties: false },
);

/** What the applicant gets back: their own application only. */
export const RegistrationReceipt = Type.Object({
  id: Type.String(),
  status: Type.String(),
  legalName: Type.String(),
  createdAt: DateTime,
});

export const Registration = Type.Object({
  id: Type.String(),
  networkId: Type.String(),
  legalName: Type.String(),
  taxId: Type.String(),
  providerId: Type.String(),
  zip: Type.String(),
  programName: Type.String(),
  contactName: Type.String(),
  contactEmail: Type.String(),
  contactPhone: Nullable(Type.String()),
  status: Type.String(),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  reason: Nullable(Type.String()),
  organizationId: Nullable(Type.String()),
  createdAt: DateTime,
});

export const RegistrationListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('declined')])),
});
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
export const DeclineBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S', description: 'Sent to the applicant' }) },
  { additionalProperties: false },
);
