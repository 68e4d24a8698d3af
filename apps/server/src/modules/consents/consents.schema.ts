import { AUTHORIZER_KINDS, CONSENT_METHODS, CONSENT_STATUSES, INFO_TYPES, SENSITIVE_INFO_TYPES } from '@portico/shared';
import { Type } from 'typebox';
import { Code, CodeOut, DateTime, Nullable, OptionalText, RequiredText, Uuid } from '../../http/schema.js';

/** MT-9: a new release of information for one client; the acting program is always added. */
export const ConsentCreate = Type.Object(
  {
    clientId: Uuid,
    programIds: Type.Array(Uuid, {
      maxItems: 200,
      uniqueItems: true,
      description: 'Receiving programs; the acting program is added',
    }),
    infoTypes: Type.Array(Code(INFO_TYPES), { minItems: 1, uniqueItems: true }),
    sensitiveTypes: Type.Optional(
      Type.Array(Code(SENSITIVE_INFO_TYPES), {
        uniqueItems: true,
        description: 'Each sensitive category ticked explicitly',
      }),
    ),
    authorizerKind: Code(AUTHORIZER_KINDS),
    authorizerName: RequiredText(200),
    authorizerRelationship: OptionalText(100),
  },
  { additionalProperties: false },
);

export const ConsentProgram = Type.Object({
  id: Uuid,
  name: Type.String(),
  organizationName: Type.String(),
});

export const ConsentSms = Type.Object({
  /** The number, masked but for its last 4 digits. */
  phone: Type.String(),
  state: CodeOut(['awaiting_reply', 'code_sent', 'verified', 'locked']),
  codeExpiresAt: Nullable(DateTime),
  attemptsLeft: Type.Integer(),
  codesSent: Type.Integer(),
});

export const ConsentDocument = Type.Object({
  fileName: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: DateTime,
});

export const Consent = Type.Object({
  id: Uuid,
  clientId: Uuid,
  status: CodeOut(CONSENT_STATUSES),
  /** Signed and valid now: the named programs see the client and may receive a referral (MT-9). */
  valid: Type.Boolean(),
  /** False while something is missing, e.g. a paper signature without its upload. */
  complete: Type.Boolean(),
  createdByProgramId: Uuid,
  programs: Type.Array(ConsentProgram),
  infoTypes: Type.Array(Type.String()),
  sensitiveTypes: Type.Array(Type.String()),
  authorizerKind: Type.String(),
  authorizerName: Type.String(),
  authorizerRelationship: Nullable(Type.String()),
  method: Nullable(CodeOut(CONSENT_METHODS)),
  signerName: Nullable(Type.String()),
  signedAt: Nullable(DateTime),
  expiresAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
  revokeReason: Nullable(Type.String()),
  sms: Nullable(ConsentSms),
  document: Nullable(ConsentDocument),
  /** The acting program may sign, upload and revoke (it is on the consent and may write consents). */
  canManage: Type.Boolean(),
  createdAt: DateTime,
});

export const ConsentList = Type.Object({ items: Type.Array(Consent) });

export const ClientIdParams = Type.Object({ clientId: Uuid });

/** E-sign (MT-10): the authorizer types their full name and ticks the confirmation. */
export const ESign = Type.Object(
  {
    signerName: RequiredText(200),
    confirm: Type.Boolean({ description: 'The signer read the release and agrees' }),
  },
  { additionalProperties: false },
);

/** Paper (MT-10): the authorizer signed the printed form; the scan follows as an upload. */
export const PaperSign = Type.Object(
  {
    signerName: RequiredText(200),
    signedOn: Type.String({ format: 'date', description: 'YYYY-MM-DD, the date on the form' }),
  },
  { additionalProperties: false },
);

export const SmsStart = Type.Object(
  {
    phone: Type.Optional(Type.String({ maxLength: 30, description: "Mobile number; the client's phone if absent" })),
  },
  { additionalProperties: false },
);

export const SmsCode = Type.Object(
  { code: Type.String({ pattern: '^\\s*[0-9]{6}\\s*$', description: 'The 6-digit code the client received' }) },
  { additionalProperties: false },
);

export const Revoke = Type.Object({ reason: RequiredText(500) }, { additionalProperties: false });

/** MT-10 / MT-15 report 1: a blank form for chosen programs, or for every program of a region. */
export const BlankFormQuery = Type.Object(
  {
    programId: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
    region: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Every program serving this region' }),
    ),
  },
  { additionalProperties: false },
);
