import { COVERAGE_STATUSES, GENDER_IDENTITIES, MILITARY_SERVICE, RACES } from '@portico/shared';
import { Type } from 'typebox';
import { ProblemSchema } from '../../http/problem.js';
import { Code, DateTime, IsoDate, Nullable, OptionalText, RequiredText } from '../../http/schema.js';

/** MT-8 profile fields (CI-1 coverage fields optional). Phone and address placeholders are recognised. */
const ProfileFields = {
  firstName: RequiredText(100),
  lastName: RequiredText(100),
  birthDate: IsoDate,
  genderIdentity: Type.Optional(Nullable(Code(GENDER_IDENTITIES))),
  race: Type.Optional(Type.Array(Code(RACES), { maxItems: 7, uniqueItems: true })),
  militaryService: Type.Optional(Nullable(Code(MILITARY_SERVICE))),
  phone: Type.Optional(
    Nullable(Type.String({ maxLength: 30, description: 'Any phone format; 999-999-9999 means "no phone"' })),
  ),
  noPhone: Type.Optional(Type.Boolean()),
  addressLine: OptionalText(200),
  city: OptionalText(100),
  state: OptionalText(40),
  county: OptionalText(100),
  postalCode: OptionalText(20),
  noFixedAddress: Type.Optional(Type.Boolean({ description: 'Homeless: no street address (MT-8)' })),
  memberId: OptionalText(40),
  coverageStart: Type.Optional(Nullable(IsoDate)),
  coverageEnd: Type.Optional(Nullable(IsoDate)),
  coverageType: OptionalText(100),
  coverageStatus: Type.Optional(Nullable(Code(COVERAGE_STATUSES))),
  product: OptionalText(100),
};

export const ClientCreate = Type.Object(
  {
    ...ProfileFields,
    confirmNewPerson: Type.Optional(
      Type.Boolean({ description: 'Save even though likely duplicates were found: this is a different person' }),
    ),
  },
  { additionalProperties: false },
);
export const ClientPatch = Type.Partial(Type.Object(ProfileFields), { additionalProperties: false });

export const Client = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  createdByProgramId: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  birthDate: Type.String(),
  genderIdentity: Nullable(Type.String()),
  race: Type.Array(Type.String()),
  militaryService: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  noPhone: Type.Boolean(),
  addressLine: Nullable(Type.String()),
  city: Nullable(Type.String()),
  state: Nullable(Type.String()),
  county: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  noFixedAddress: Type.Boolean(),
  memberId: Nullable(Type.String()),
  coverageStart: Nullable(Type.String()),
  coverageEnd: Nullable(Type.String()),
  coverageType: Nullable(Type.String()),
  coverageStatus: Nullable(Type.String()),
  product: Nullable(Type.String()),
  mergedIntoId: Nullable(Type.String()),
  /** MT-8: which sections of the profile are complete. */
  completeness: Type.Object({ personal: Type.Boolean(), contact: Type.Boolean(), coverage: Type.Boolean() }),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const ClientSearchQuery = Type.Object({
  q: Type.Optional(Type.String({ minLength: 2, maxLength: 200, description: 'Name, typo-tolerant' })),
  memberId: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  firstName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  lastName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  birthDate: Type.Optional(IsoDate),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
});

/** A likely duplicate: the whole client when the program may see it, else only a score and reasons. */
export const DuplicateCandidate = Type.Object({
  score: Type.Number(),
  reasons: Type.Array(Type.String()),
  visible: Type.Boolean(),
  /** Set when visible. */
  client: Nullable(Client),
  /** Set when not visible: an opaque handle to confirm the person by phone or address. */
  candidateToken: Nullable(Type.String()),
});
export const DuplicateProblem = Type.Object({
  ...ProblemSchema.properties,
  candidates: Type.Array(DuplicateCandidate),
});
export const ClientSearchResult = Type.Object({
  items: Type.Array(Type.Object({ score: Type.Number(), client: Client })),
});

/** MT-7: what the client tells the user, to confirm a person known to another program. */
export const ClientConfirm = Type.Object(
  {
    phone: Type.Optional(Type.String({ minLength: 7, maxLength: 30 })),
    addressLine: Type.Optional(Type.String({ maxLength: 200 })),
    postalCode: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);
export const ClientConfirmResult = Type.Object({
  /** Only whether it matches: the stored value is never returned. */
  matches: Type.Boolean(),
  attemptsLeft: Type.Integer(),
});

/** MT-7 merge (network administrator): the duplicate's records move to the survivor, undoable for 30 days. */
export const MergeBody = Type.Object({ mergedId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const ClientMerge = Type.Object({
  id: Type.String(),
  survivorId: Type.String(),
  mergedId: Type.String(),
  moved: Type.Record(Type.String(), Type.Array(Type.String())),
  mergedAt: DateTime,
  undoneAt: Nullable(DateTime),
  undoUntil: DateTime,
  canUndo: Type.Boolean(),
});
export const ClientMergeList = Type.Object({
  items: Type.Array(Type.Object({ ...ClientMerge.properties, survivor: Nullable(Client), merged: Nullable(Client) })),
});
