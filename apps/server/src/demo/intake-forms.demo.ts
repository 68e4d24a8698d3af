import type { IntakeAnswers, IntakeField } from '@portico/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { intakeForms } from '../modules/intake-forms/intake-forms.table.js';
import { programs } from '../modules/organizations/organizations.table.js';

/** MT-11 demo: what a receiving program asks beyond Personal info (one of every field type). */
const DEMO_FIELDS: IntakeField[] = [
  {
    key: 'best_time',
    label: 'Best time to reach the client',
    type: 'single_choice',
    required: true,
    options: ['Morning', 'Afternoon', 'Evening'],
  },
  {
    key: 'household_size',
    label: 'People in the household',
    type: 'number',
    required: true,
    help: 'Everyone who lives with the client, the client included.',
  },
  { key: 'interpreter', label: 'Needs an interpreter', type: 'yes_no', required: true },
  {
    key: 'needs',
    label: 'What the client asks for',
    type: 'multiple_choice',
    required: false,
    options: ['Food', 'Housing', 'Transport', 'Benefits advice'],
  },
  { key: 'available_from', label: 'Available from', type: 'date', required: false },
  { key: 'language', label: 'Preferred language', type: 'text', required: false },
  { key: 'notes', label: 'Anything else the program should know', type: 'long_text', required: false },
];

/** Every other program of the network (by name) asks its own questions, so demo users meet both kinds. */
export async function seedDemoIntakeForms(tx: Tx, networkId: string, createdBy: (programId: string) => string) {
  const rows = await tx
    .select({ id: programs.id, organizationId: programs.organizationId })
    .from(programs)
    .where(eq(programs.networkId, networkId))
    .orderBy(asc(programs.name));
  const chosen = rows.filter((_, i) => i % 2 === 0);
  if (!chosen.length) return;
  await tx.insert(intakeForms).values(
    chosen.map((p) => ({
      networkId,
      organizationId: p.organizationId,
      programId: p.id,
      version: 1,
      fields: DEMO_FIELDS,
      createdBy: createdBy(p.id),
    })),
  );
}

/** The newest form of a program, for a demo referral to record. */
export async function demoFormOf(tx: Tx, networkId: string, programId: string) {
  const [row] = await tx
    .select({ id: intakeForms.id, fields: intakeForms.fields })
    .from(intakeForms)
    .where(and(eq(intakeForms.networkId, networkId), eq(intakeForms.programId, programId)));
  return row ?? null;
}

/** Answers that fit the demo form: complete for a sent referral, partial for a draft. */
export function demoAnswers(fields: readonly IntakeField[], n: number, complete: boolean): IntakeAnswers {
  if (!fields.length) return {};
  const all: IntakeAnswers = {
    best_time: ['Morning', 'Afternoon', 'Evening'][n % 3],
    household_size: 1 + (n % 5),
    interpreter: n % 4 === 0,
    needs: n % 2 ? ['Food', 'Benefits advice'] : ['Housing'],
    language: n % 4 === 0 ? 'Spanish' : 'English',
  };
  return complete ? all : { household_size: all.household_size };
}
