/**
 * MT-11: a receiving program's own intake sections, beyond "Personal info". A program administrator
 * defines the fields; each saved definition is a new version, and a referral is checked against the
 * version it was started with. Shared by the server (the rule) and the web (the same messages inline).
 */
export const INTAKE_FIELD_TYPES = {
  text: 'Short text',
  long_text: 'Long text',
  number: 'Number',
  date: 'Date',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  yes_no: 'Yes / no',
} as const;
export type IntakeFieldType = keyof typeof INTAKE_FIELD_TYPES;

export interface IntakeField {
  /** Stable key of the answer in a referral's intake (lowercase letters, digits, underscores). */
  key: string;
  label: string;
  type: IntakeFieldType;
  required: boolean;
  help?: string | null;
  /** The choices of a single or multiple choice field. */
  options?: string[];
}

export type IntakeAnswers = Record<string, unknown>;

export interface IntakeProblem {
  /** The field's key, or the definition's index path when the definition itself is wrong. */
  key: string;
  message: string;
}

export const INTAKE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const INTAKE_LIMITS = { fields: 40, label: 200, help: 500, options: 30, option: 120, text: 200, longText: 4000 };

const hasChoices = (t: IntakeFieldType) => t === 'single_choice' || t === 'multiple_choice';

/** A definition a program administrator may save: unique keys, choices where the type needs them. */
export function checkIntakeDefinition(fields: readonly IntakeField[]): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  const seen = new Set<string>();
  if (fields.length > INTAKE_LIMITS.fields)
    problems.push({ key: 'fields', message: `at most ${INTAKE_LIMITS.fields} fields` });
  fields.forEach((f, i) => {
    const at = (what: string) => `fields.${i}.${what}`;
    if (!INTAKE_KEY.test(f.key))
      problems.push({ key: at('key'), message: 'use lowercase letters, digits and _ (starting with a letter)' });
    else if (seen.has(f.key)) problems.push({ key: at('key'), message: `"${f.key}" is used by another field` });
    seen.add(f.key);
    if (!f.label.trim()) problems.push({ key: at('label'), message: 'a field needs a label' });
    const options = f.options ?? [];
    if (hasChoices(f.type)) {
      const cleaned = options.map((o) => o.trim());
      if (cleaned.length < 2)
        problems.push({ key: at('options'), message: 'a choice field needs at least two choices' });
      if (cleaned.some((o) => !o)) problems.push({ key: at('options'), message: 'a choice cannot be empty' });
      if (new Set(cleaned).size !== cleaned.length)
        problems.push({ key: at('options'), message: 'each choice must be different' });
    } else if (options.length) {
      problems.push({ key: at('options'), message: `a ${INTAKE_FIELD_TYPES[f.type]} field has no choices` });
    }
  });
  return problems;
}

const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.length === 0);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (v: string) => ISO_DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** Why one answer does not fit its field, or null; a blank answer fits unless `complete` asks for required ones. */
function answerProblem(f: IntakeField, v: unknown, complete: boolean): string | null {
  if (isBlank(v)) return complete && f.required ? 'is required' : null;
  const options = f.options ?? [];
  switch (f.type) {
    case 'text':
    case 'long_text': {
      const max = f.type === 'text' ? INTAKE_LIMITS.text : INTAKE_LIMITS.longText;
      if (typeof v !== 'string') return 'must be text';
      return v.length > max ? `must be at most ${max} characters` : null;
    }
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number';
    case 'date':
      return typeof v === 'string' && isRealDate(v) ? null : 'must be a date (YYYY-MM-DD)';
    case 'yes_no':
      return typeof v === 'boolean' ? null : 'must be yes or no';
    case 'single_choice':
      return typeof v === 'string' && options.includes(v) ? null : `must be one of: ${options.join(', ')}`;
    case 'multiple_choice':
      return Array.isArray(v) &&
        v.every((x) => typeof x === 'string' && options.includes(x)) &&
        new Set(v).size === v.length
        ? null
        : `must be some of: ${options.join(', ')}`;
  }
}

/**
 * Answers against a definition version. A draft may be incomplete (`complete: false`: only what is given must
 * fit); sending needs every required field (`complete: true`). Answers to keys the version lacks are refused.
 */
export function checkIntakeAnswers(
  fields: readonly IntakeField[],
  answers: IntakeAnswers,
  { complete }: { complete: boolean },
): IntakeProblem[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const problems: IntakeProblem[] = [];
  for (const key of Object.keys(answers))
    if (!byKey.has(key)) problems.push({ key, message: `"${key}" is not a question of this intake form` });
  for (const f of fields) {
    const message = answerProblem(f, answers[f.key], complete);
    if (message) problems.push({ key: f.key, message: `${f.label} ${message}` });
  }
  return problems;
}
