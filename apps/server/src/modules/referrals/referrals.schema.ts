import {
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  REFERRAL_STATES,
  REFUSAL_REASON_CODE_PATTERN,
  SERVICE_STATUSES,
} from '@portico/shared';
import { Type } from 'typebox';
import { Page, PageQuery } from '../../http/pagination.js';
import { ProblemSchema } from '../../http/problem.js';
import { Code, CodeOut, DateTime, IsoDate, Nullable, OptionalText, RequiredText, Uuid } from '../../http/schema.js';

/** MT-11: a draft to one program named on the client's valid consent. */
export const ReferralCreate = Type.Object(
  {
    clientId: Uuid,
    toProgramId: Uuid,
    reason: OptionalText(2000),
    intake: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
export const ReferralPatch = Type.Object(
  { reason: OptionalText(2000), intake: Type.Optional(Type.Record(Type.String(), Type.Unknown())) },
  { additionalProperties: false },
);
/** Sending asks the sender to confirm that insurance is not a barrier (MT-11). */
export const SendBody = Type.Object(
  { insuranceConfirmed: Type.Boolean({ description: 'Insurance is not a barrier for this referral' }) },
  { additionalProperties: false },
);
export const AssignBody = Type.Object({ userId: Uuid }, { additionalProperties: false });
export const ReassignBody = Type.Object({ userId: Uuid, note: RequiredText(1000) }, { additionalProperties: false });
/** The reason is a code of the network's current list (GET /api/network/referral-settings), checked by the step. */
export const RefuseBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 40, pattern: REFUSAL_REASON_CODE_PATTERN }),
    text: OptionalText(1000),
  },
  { additionalProperties: false },
);
export const StatusBody = Type.Object({ status: Code(SERVICE_STATUSES) }, { additionalProperties: false });
export const NoteBody = Type.Object(
  {
    kind: Type.Optional(Type.Union([Type.Literal('note'), Type.Literal('progress')])),
    happenedOn: IsoDate,
    contactMethod: Type.Optional(Nullable(Code(CONTACT_METHODS))),
    outcome: Type.Optional(Nullable(Code(CONTACT_OUTCOMES))),
    text: RequiredText(4000),
    shared: Type.Optional(Type.Boolean({ description: 'Shared with the other program (default), or internal' })),
  },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    box: Type.Union([Type.Literal('sent'), Type.Literal('received')]),
    /** Without it, open referrals only; "any" is the only filter that shows closed and refused (MT-14). */
    status: Type.Optional(
      Type.Union([...Object.keys(REFERRAL_STATES).map((s) => Type.Literal(s)), Type.Literal('any')]),
    ),
    serviceStatus: Type.Optional(Code(SERVICE_STATUSES)),
    staffId: Type.Optional(Uuid),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Client name' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const Named = Type.Object({ id: Uuid, name: Type.String() });
const ProgramRef = Type.Object({ id: Uuid, name: Type.String(), organizationName: Type.String() });

/** What a list row shows of a referral (MT-14): who, between which programs, where it stands. */
const summaryFields = {
  id: Uuid,
  state: CodeOut(REFERRAL_STATES),
  client: Type.Object({ id: Uuid, firstName: Type.String(), lastName: Type.String() }),
  fromProgram: ProgramRef,
  toProgram: ProgramRef,
  createdBy: Named,
  assignee: Nullable(Named),
  sentAt: Nullable(DateTime),
  acknowledgedAt: Nullable(DateTime),
  refusalReason: Nullable(Type.String()),
  serviceStatus: Nullable(Type.String()),
  closedAt: Nullable(DateTime),
  lastActivityAt: DateTime,
  /** MT-16: not acknowledged by the end of the next business day, or no update for five business days. */
  stale: Type.Boolean(),
  createdAt: DateTime,
};
export const ReferralSummary = Type.Object(summaryFields);

export const Referral = Type.Object({
  ...summaryFields,
  consentId: Uuid,
  reason: Nullable(Type.String()),
  intake: Type.Record(Type.String(), Type.Unknown()),
  /** The receiving program's intake form version this referral answers (GET /api/intake-forms/:id). */
  intakeFormId: Nullable(Uuid),
  insuranceConfirmed: Type.Boolean(),
  assignedAt: Nullable(DateTime),
  refusalText: Nullable(Type.String()),
  serviceStatusAt: Nullable(DateTime),
});
/** The lists answer summaries: the whole referral (intake answers and all) is its detail's. */
export const ReferralPage = Page(ReferralSummary);

export const TimelineEvent = Type.Object({
  id: Uuid,
  kind: Type.String(),
  actor: Nullable(Named),
  data: Type.Record(Type.String(), Type.Unknown()),
  at: DateTime,
});
export const ReferralNote = Type.Object({
  id: Uuid,
  kind: Type.String(),
  happenedOn: Type.String(),
  contactMethod: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  text: Type.String(),
  shared: Type.Boolean(),
  author: Named,
  /** Written by the acting program's organization. */
  ours: Type.Boolean(),
  createdAt: DateTime,
});
export const ReferralDetail = Type.Object({
  ...Referral.properties,
  timeline: Type.Array(TimelineEvent),
  notes: Type.Array(ReferralNote),
  /** What the acting user may do now (the server checks again on every step). */
  can: Type.Object({
    edit: Type.Boolean(),
    send: Type.Boolean(),
    assign: Type.Boolean(),
    refuse: Type.Boolean(),
    reassign: Type.Boolean(),
    updateStatus: Type.Boolean(),
    addNote: Type.Boolean(),
  }),
  /** Who may be assigned (gatekeepers only; ND: coordinators serving the client's region). */
  assignable: Type.Array(Named),
});

/** MT-11: the 409 of a second open referral names the existing one. */
export const OpenReferralProblem = Type.Object({
  ...ProblemSchema.properties,
  existingReferralId: Type.Optional(Nullable(Uuid)),
});
