import type { ReactNode } from 'react';
import { fieldErrorsOf, fieldMessagesOf } from '../lib/api';
import { ErrorAlert } from './ErrorAlert';

/** Validator wording → words for people; unknown messages pass through with a capital letter. */
function friendly(message: string): string {
  if (message === 'is required' || /fewer than 1 characters/.test(message)) return 'This is required.';
  if (/fewer than 1 items/.test(message)) return 'Choose at least one.';
  if (/format "email"/.test(message)) return 'Enter an email address such as name@example.org.';
  if (/format "uri"|\^https\?/.test(message)) return 'Enter a web address starting with http:// or https://.';
  if (/format "date"/.test(message)) return 'Enter a date.';
  if (/\[0-9\+\(\)/.test(message)) return 'Use 7 to 25 digits, spaces and + ( ) - . only.';
  if (/\[0-9A-Za-z -\]/.test(message)) return 'Use 3 to 12 letters, digits, spaces or hyphens.';
  const more = /more than (\d+) characters/.exec(message);
  if (more) return `Use at most ${more[1]} characters.`;
  const least = /^must be >= (\d+)/.exec(message);
  if (least) return `Use ${least[1]} or more.`;
  const most = /^must be <= (\d+)/.exec(message);
  if (most) return `Use ${most[1]} or less.`;
  if (/^must be integer/.test(message)) return 'Enter a whole number.';
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * A rule the server names ("must contain an upper-case letter", "is not right") as a sentence about
 * its subject: "The password must contain an upper-case letter."
 */
export function fieldSentence(subject: string, message: string): string {
  if (message === 'is required' || /fewer than 1 characters/.test(message)) return 'This is required.';
  if (/^(must|is|are|has|does)\b/.test(message) && !/must NOT|must match|must be [<>]=|must be integer/.test(message)) {
    return `${subject} ${message}.`;
  }
  return friendly(message);
}

/**
 * Every server message for a field, one line each, for an input's `error` (a new password can fail
 * several rules at once). Undefined when there are none, so the input is not marked invalid.
 */
export function fieldMessages(error: unknown, field: string, subject: string): ReactNode {
  const messages = fieldMessagesOf(error, field).map((m) => fieldSentence(subject, m));
  if (messages.length <= 1) return messages[0];
  return messages.map((m) => (
    <span key={m} style={{ display: 'block' }}>
      {m}
    </span>
  ));
}

/** Server field errors for a form: `err('email')` is the message for body.email, or undefined. */
export function fieldErrorGetter(error: unknown): (field: string) => string | undefined {
  const errors = fieldErrorsOf(error);
  return (field) => {
    const message = errors[field];
    return message ? friendly(message) : undefined;
  };
}

/**
 * The alert above a form. When every field error is shown under its field, a short pointer is
 * enough; otherwise the server's detail says what is wrong.
 */
export function FormError({ error, fields }: { error: unknown; fields: readonly string[] }) {
  if (!error) return null;
  const names = Object.keys(fieldErrorsOf(error));
  if (names.length > 0 && names.every((n) => fields.includes(n))) {
    return <ErrorAlert error={new Error('Check the fields marked below.')} title="Some details need attention" />;
  }
  return <ErrorAlert error={error} title="Could not save" />;
}
