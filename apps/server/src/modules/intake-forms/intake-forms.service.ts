import { checkIntakeAnswers, checkIntakeDefinition, type IntakeAnswers, type IntakeField } from '@portico/shared';
import type { Static } from 'typebox';
import type { Db, Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.js';
import type { Actor } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { intakeFormPolicy as policy } from './intake-forms.policy.js';
import * as repo from './intake-forms.repo.js';
import type { IntakeFormPut } from './intake-forms.schema.js';

const none = (programId: string) => ({
  id: null,
  programId,
  version: 0,
  fields: [] as IntakeField[],
  createdAt: null,
  createdByName: null,
});

async function programOrNotFound(tx: Tx, actor: Actor, programId: string) {
  const program = await repo.programOf(tx, actor.networkId, programId);
  if (!program) throw notFound('Program');
  return program;
}

/** MT-11: the form a new referral to this program starts with (version 0 and no fields when it has none). */
export function currentForm(db: Db, actor: Actor, programId: string) {
  return withTenant(db, actor, async (tx) => {
    await programOrNotFound(tx, actor, programId);
    return (await repo.currentForm(tx, programId)) ?? none(programId);
  });
}

/** One saved version, e.g. the one a referral was started with. */
export function formVersion(db: Db, actor: Actor, id: string) {
  return withTenant(db, actor, async (tx) => {
    const form = await repo.formById(tx, id);
    if (!form) throw notFound('Intake form');
    return form;
  });
}

export function formVersions(db: Db, actor: Actor, programId: string) {
  return withTenant(db, actor, async (tx) => {
    await programOrNotFound(tx, actor, programId);
    const rows = await repo.versionsOf(tx, programId);
    return { items: rows.map(({ fields, ...r }) => ({ ...r, fieldCount: fields.length })) };
  });
}

/** Trimmed, with the empty parts left out, so that "the same form saved again" is recognised. */
function normalized(fields: readonly (IntakeField | Static<typeof IntakeFormPut>['fields'][number])[]): IntakeField[] {
  return fields.map((f) => {
    const help = f.help?.trim();
    const choice = f.type === 'single_choice' || f.type === 'multiple_choice';
    return {
      key: f.key,
      label: f.label.trim(),
      type: f.type,
      required: f.required,
      ...(help ? { help } : {}),
      ...(choice || f.options?.length ? { options: (f.options ?? []).map((o) => o.trim()) } : {}),
    };
  });
}

const fieldErrors = (problems: { key: string; message: string }[], prefix: string) =>
  problems.map((p) => ({ field: `${prefix}.${p.key}`, message: p.message }));

/**
 * MT-11: saving a changed definition makes the next version; referrals already started keep theirs.
 * Saving the same definition again changes nothing. Two saves at once: one wins, the other gets 409.
 */
export async function saveForm(db: Db, actor: Actor, programId: string, input: Static<typeof IntakeFormPut>) {
  const fields = normalized(input.fields);
  const problems = checkIntakeDefinition(fields);
  if (problems.length) {
    throw new AppError(
      'validation',
      `body.${problems[0]!.key}: ${problems[0]!.message}`,
      fieldErrors(problems, 'body'),
    );
  }
  try {
    return await withTenant(db, actor, async (tx) => {
      const program = await programOrNotFound(tx, actor, programId);
      // Another organization's program is not this actor's to address at all (X-1: as if it did not exist).
      if (!policy.address(actor, program)) throw notFound('Program');
      if (!policy.edit(actor, program)) throw forbidden("Only the program's administrators define its intake form.");
      const current = await repo.currentForm(tx, programId);
      // jsonb keeps its own key order: compare both in ours.
      if (JSON.stringify(normalized(current?.fields ?? [])) === JSON.stringify(fields))
        return current ?? none(programId);
      const version = (current?.version ?? 0) + 1;
      const id = await repo.insertVersion(tx, {
        networkId: actor.networkId,
        organizationId: program.organizationId,
        programId,
        version,
        fields,
        createdBy: actor.userId,
      });
      await recordAudit(tx, auditContextOf(actor), {
        action: 'intake_form.saved',
        entityType: 'program',
        entityId: programId,
        details: { version, fields: fields.length },
      });
      return (await repo.formById(tx, id))!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('Someone saved this form at the same moment: reload it and try again.');
    throw err;
  }
}

/** The intake form a draft to this program records: its newest version, if any. */
export async function formForNewReferral(tx: Tx, programId: string) {
  return (await repo.currentForm(tx, programId)) ?? null;
}

export async function fieldsOfVersion(tx: Tx, formId: string | null): Promise<IntakeField[]> {
  if (!formId) return [];
  return (await repo.formById(tx, formId))?.fields ?? [];
}

/**
 * Answers against the version a referral was started with: a draft may leave required fields empty,
 * sending may not (MT-11). 400 names each field, e.g. `body.intake.household_size`.
 */
export function assertIntakeAnswers(
  fields: readonly IntakeField[],
  answers: IntakeAnswers,
  complete: boolean,
  prefix = 'body.intake',
) {
  const problems = checkIntakeAnswers(fields, answers, { complete });
  if (!problems.length) return;
  const first = problems[0]!;
  const lead = complete ? 'Complete the intake form before sending' : 'The intake answers do not fit the form';
  throw new AppError('validation', `${lead}: ${first.message}.`, fieldErrors(problems, prefix));
}
