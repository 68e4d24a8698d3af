import { fieldErrorsOf } from '../lib/api';
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
  return message.charAt(0).toUpperCase() + message.slice(1);
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
