import { INTAKE_FIELD_TYPES, INTAKE_LIMITS } from '@portico/shared';
import { Type } from 'typebox';
import { Code, CodeOut, DateTime, Nullable, OptionalText, RequiredText, Uuid } from '../../http/schema.js';

const FieldIn = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'Stable answer key' }),
    label: RequiredText(INTAKE_LIMITS.label),
    type: Code(INTAKE_FIELD_TYPES),
    required: Type.Boolean(),
    help: OptionalText(INTAKE_LIMITS.help),
    options: Type.Optional(
      Type.Array(Type.String({ maxLength: INTAKE_LIMITS.option }), { maxItems: INTAKE_LIMITS.options }),
    ),
  },
  { additionalProperties: false },
);

/** MT-11: the whole definition; saving it makes the next version. */
export const IntakeFormPut = Type.Object(
  { fields: Type.Array(FieldIn, { maxItems: INTAKE_LIMITS.fields }) },
  { additionalProperties: false },
);

const FieldOut = Type.Object({
  key: Type.String(),
  label: Type.String(),
  type: CodeOut(INTAKE_FIELD_TYPES),
  required: Type.Boolean(),
  help: Type.Optional(Nullable(Type.String())),
  options: Type.Optional(Type.Array(Type.String())),
});

export const IntakeForm = Type.Object({
  /** Null with version 0: the program has never asked for more than "Personal info". */
  id: Nullable(Uuid),
  programId: Uuid,
  version: Type.Integer({ minimum: 0 }),
  fields: Type.Array(FieldOut),
  createdAt: Nullable(DateTime),
  createdByName: Nullable(Type.String()),
});

export const IntakeFormVersions = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      version: Type.Integer(),
      fieldCount: Type.Integer(),
      createdAt: DateTime,
      createdByName: Type.String(),
    }),
  ),
});
