import { AGENCY_AGREEMENT_STATUS_CODES, type AgencyAgreementStatus } from '@portico/shared';
import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.js';
import { DateTime, Nullable, Uuid } from '../../http/schema.js';

export const Version = Type.Object({
  id: Uuid,
  version: Type.String(),
  text: Type.String(),
  publishedAt: DateTime,
  publishedBy: Nullable(Type.String()),
});

export const VersionCreate = Type.Object(
  {
    version: Type.String({ minLength: 1, maxLength: 50, description: 'A label, e.g. 2026-07' }),
    text: Type.String({ minLength: 20, maxLength: 50_000 }),
  },
  { additionalProperties: false },
);

export const Current = Type.Object({
  /** The network policy: without it, signing is optional (programs are found without one). */
  required: Type.Boolean(),
  current: Nullable(Version),
});

export const StatusCode = Type.Unsafe<AgencyAgreementStatus>({ type: 'string', enum: AGENCY_AGREEMENT_STATUS_CODES });

export const ProgramAgreement = Type.Object({
  programId: Uuid,
  programName: Type.String(),
  organizationId: Uuid,
  organizationName: Type.String(),
  status: StatusCode,
  validUntil: Nullable(DateTime),
  /** Whole days left, rounded up; null when unsigned or lapsed. */
  daysLeft: Nullable(Type.Integer()),
  signedAt: Nullable(DateTime),
  signerName: Nullable(Type.String()),
  version: Nullable(Type.String()),
});

export const ProgramListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(StatusCode),
});

export const SignBody = Type.Object(
  {
    programId: Uuid,
    versionId: Uuid,
    signerName: Type.String({ minLength: 1, maxLength: 200 }),
    confirm: Type.Boolean({ description: 'I have read and agree on behalf of the program' }),
  },
  { additionalProperties: false },
);

export const Signature = Type.Object({
  id: Uuid,
  version: Type.String(),
  signerName: Type.String(),
  signedAt: DateTime,
  validUntil: DateTime,
});

export const ProgramParams = Type.Object({ programId: Uuid });
