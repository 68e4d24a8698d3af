import type { PasswordRules, SecurityPolicy } from '@portico/shared';

/** A number input while it is edited: empty until something is typed. */
export type NumberDraft = number | '';

type Draft<T> = {
  [K in keyof T]: T[K] extends number ? NumberDraft : T[K] extends number | null ? NumberDraft | null : T[K];
};

/** The sign-in rules as the form holds them: any number may be empty while it is typed. */
export type SecurityDraft = Draft<Omit<SecurityPolicy, 'password'>> & { password: Draft<PasswordRules> };

/** NumberInput answers a number, or a string while the value is empty or incomplete. */
export const numberDraft = (value: number | string): NumberDraft => (typeof value === 'number' ? value : '');

/** The fields of the rules as the server names them in a 400 (body. left out): 'security.password.minLength'. */
export function securityFields(draft: SecurityDraft): string[] {
  return [
    ...Object.keys(draft.password).map((k) => `security.password.${k}`),
    ...Object.keys(draft)
      .filter((k) => k !== 'password')
      .map((k) => `security.${k}`),
  ];
}

/** What the browser can tell before sending: every number is filled in (the server checks the ranges). */
export function draftProblems(draft: SecurityDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [k, v] of Object.entries(draft.password))
    if (v === '') problems[`security.password.${k}`] = 'Enter a number.';
  for (const [k, v] of Object.entries(draft)) if (v === '') problems[`security.${k}`] = 'Enter a number.';
  return problems;
}

/** The rules to send, once `draftProblems` found nothing. */
export function securityOf(draft: SecurityDraft): SecurityPolicy | null {
  return Object.keys(draftProblems(draft)).length === 0 ? (draft as SecurityPolicy) : null;
}
