import { checkIntakeAnswers, type IntakeAnswers, type IntakeField } from '@portico/shared';
import { fieldErrorsOf } from '../../lib/api';

/** What the inputs hold; a number field holds '' until a number is typed. */
export type IntakeValues = Record<string, string | number | boolean | string[] | null | undefined>;

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The answers to send: blanks left out, so a draft may stay incomplete (MT-11). */
export function answersOf(fields: readonly IntakeField[], values: IntakeValues): IntakeAnswers {
  const out: IntakeAnswers = {};
  for (const f of fields) {
    const v = values[f.key];
    if (blank(v)) continue;
    out[f.key] = typeof v === 'string' && f.type !== 'date' ? v.trim() || undefined : v;
    if (out[f.key] === undefined) delete out[f.key];
  }
  return out;
}

/** The problems before sending, checked here with the server's own rule so they show at once. */
export function missingBeforeSend(fields: readonly IntakeField[], values: IntakeValues): Record<string, string> {
  return Object.fromEntries(
    checkIntakeAnswers(fields, answersOf(fields, values), { complete: true }).map((p) => [p.key, `${p.message}.`]),
  );
}

/** The server's field errors for intake answers ('intake.household_size'), by field key. */
export function intakeErrorsOf(error: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrorsOf(error)).flatMap(([k, v]) => (k.startsWith('intake.') ? [[k.slice(7), v]] : [])),
  );
}

/** One answer as words, for reading a referral. */
export function answerText(field: IntakeField, value: unknown): string {
  if (blank(value)) return 'Not answered';
  if (field.type === 'yes_no') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
