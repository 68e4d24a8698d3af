import type { IntakeField } from '@portico/shared';

/** One saved version of a program's intake form (see apps/server/src/modules/intake-forms/intake-forms.schema.ts). */
export interface IntakeForm {
  /** Null with version 0: the program asks for nothing beyond Personal info. */
  id: string | null;
  programId: string;
  version: number;
  fields: IntakeField[];
  createdAt: string | null;
  createdByName: string | null;
}
