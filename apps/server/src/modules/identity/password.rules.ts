import type { PasswordRules, SecondFactor } from '@portico/shared';
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;
/** 49,233 commonly used and breached passwords (zxcvbn-ts common list, MIT licence). */
export function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/**
 * Why a password does not meet the network's rules: one sentence per failed rule, empty when it passes.
 * NIST SP 800-63B-4: length counts characters, not bytes; no rule about composition unless the preset asks.
 */
export function passwordProblems(
  password: string,
  rules: PasswordRules,
  context: { email: string; secondFactor: SecondFactor },
): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  const min = context.secondFactor === 'none' ? rules.minLength : rules.minLengthWithSecondFactor;
  if (length < min) problems.push(`must be at least ${min} characters long (it has ${length})`);
  if (length > 256) problems.push('must be at most 256 characters long');
  if (rules.requireUpper && !/\p{Lu}/u.test(password)) problems.push('must contain an upper-case letter');
  if (rules.requireLower && !/\p{Ll}/u.test(password)) problems.push('must contain a lower-case letter');
  if (rules.requireLetter && !/\p{L}/u.test(password)) problems.push('must contain letters');
  if (rules.requireSymbol && !/[^\p{L}\p{N}\s]/u.test(password))
    problems.push('must contain a symbol such as ! # or -');
  const digits = (password.match(/\p{Nd}/gu) ?? []).length;
  if (digits < rules.minDigits) {
    problems.push(rules.minDigits === 1 ? 'must contain a number' : `must contain at least ${rules.minDigits} digits`);
  }
  if (rules.rejectCommon && commonPasswords().has(password.toLowerCase())) {
    problems.push('is in a list of commonly used or breached passwords; choose another');
  }
  const name = context.email.split('@')[0]?.toLowerCase() ?? '';
  if (rules.rejectEmailName && name.length >= 3 && password.toLowerCase().includes(name)) {
    problems.push('must not contain your email name');
  }
  return problems;
}

/** The rules in words, for the pages that ask for a new password. */
export function describeRules(rules: PasswordRules, secondFactor: SecondFactor): string[] {
  const min = secondFactor === 'none' ? rules.minLength : rules.minLengthWithSecondFactor;
  return [
    `At least ${min} characters`,
    ...(rules.requireUpper ? ['An upper-case letter'] : []),
    ...(rules.requireLower ? ['A lower-case letter'] : []),
    ...(rules.requireLetter && !rules.requireUpper && !rules.requireLower ? ['Letters'] : []),
    ...(rules.minDigits > 0 ? [rules.minDigits === 1 ? 'A number' : `At least ${rules.minDigits} digits`] : []),
    ...(rules.requireSymbol ? ['A symbol such as ! # or -'] : []),
    ...(rules.rejectCommon ? ['Not a commonly used password'] : []),
    ...(rules.rejectEmailName ? ['Not containing your email name'] : []),
  ];
}
