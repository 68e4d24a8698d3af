import type { IntakeField } from '@portico/shared';
import { useState } from 'react';
import { answersOf, type IntakeValues, intakeErrorsOf, missingBeforeSend } from './answers';

/**
 * MT-11: the intake answers a sender is filling in, for a new referral and for a draft alike: what to
 * send, and the check of required questions before the insurance question is asked.
 */
export function useIntakeDraft(fields: readonly IntakeField[], initial: IntakeValues = {}) {
  const [values, setValues] = useState<IntakeValues>(initial);
  const [missing, setMissing] = useState<Record<string, string>>({});
  return {
    values,
    change: (next: IntakeValues) => {
      setValues(next);
      setMissing({});
    },
    answers: () => answersOf(fields, values),
    /** Marks the unanswered required questions and focuses the first; true when there are none. */
    readyToSend: () => {
      const problems = missingBeforeSend(fields, values);
      setMissing(problems);
      const first = Object.keys(problems)[0];
      if (first) document.getElementById(`intake-${first}`)?.focus();
      return !first;
    },
    hasMissing: Object.keys(missing).length > 0,
    /** The server's messages for the answers, and the missing ones. */
    errors: (error: unknown) => ({ ...intakeErrorsOf(error), ...missing }),
  };
}
