import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.js';
import { DateTime, Nullable, Uuid } from '../../http/schema.js';

// Spelled out (not mapped from the shared codes) so the static types stay literal; the test compares them.
export const KindSchema = Type.Union([
  Type.Literal('organization_details'),
  Type.Literal('service_details'),
  Type.Literal('contact_create'),
  Type.Literal('contact_update'),
  Type.Literal('contact_removal'),
]);
export const StatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('accepted'),
  Type.Literal('rejected'),
  Type.Literal('withdrawn'),
]);
const Values = Type.Record(Type.String(), Type.Unknown(), { description: 'Field name → value' });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD (UTC)' });

export const ChangeRequest = Type.Object(
  {
    id: Type.String(),
    networkId: Type.String(),
    organizationId: Type.String(),
    organizationName: Type.String(),
    programId: Nullable(Type.String()),
    programName: Nullable(Type.String()),
    kind: Type.String(),
    /** The organization, program or membership changed; null for a new contact. */
    targetId: Nullable(Type.String()),
    proposed: Values,
    /** The values when the request was made, for the side-by-side view. */
    current: Values,
    status: Type.String(),
    requestedBy: Type.String(),
    requestedByName: Type.String(),
    requestedAt: DateTime,
    decidedBy: Nullable(Type.String()),
    decidedByName: Nullable(Type.String()),
    decidedAt: Nullable(DateTime),
    reason: Nullable(Type.String()),
  },
  { description: 'NCC-5 change request' },
);

/** 202 answer of an edit that became a change request (NCC-5). */
export const ChangeRequestAccepted = Type.Object(
  { changeRequest: ChangeRequest },
  { description: 'The edit was not applied: it awaits the network team as this change request' },
);

export const ChangeRequestCreate = Type.Object(
  {
    kind: KindSchema,
    /** The organization, program or membership to change (not for contact_create). */
    targetId: Type.Optional(Uuid),
    /** The program that gets the new contact (contact_create). */
    programId: Type.Optional(Uuid),
    proposed: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);

export const ChangeRequestListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(StatusSchema),
  includeHistorical: Type.Optional(
    Type.Boolean({ default: false, description: 'Also list accepted, rejected and withdrawn requests' }),
  ),
  kind: Type.Optional(KindSchema),
  organizationId: Type.Optional(Uuid),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});

export const RejectBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S', description: 'Why (sent to the requester)' }),
  },
  { additionalProperties: false },
);
