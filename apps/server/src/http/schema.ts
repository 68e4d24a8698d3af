import { type TSchema, Type } from 'typebox';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
/** A timestamp; handlers may return a Date, the serializer writes ISO 8601. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
/** An optional text field of a form: trimmed by the client, empty means "none" (null). */
export const OptionalText = (maxLength = 300) => Type.Optional(Nullable(Type.String({ maxLength })));
/** A required text field: at least one non-space character. */
export const RequiredText = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
/** One of a table of codes (shared with the web app), accepted in a request body. */
export const Code = (codes: Record<string, unknown>) => Type.Union(Object.keys(codes).map((c) => Type.Literal(c)));
/** A code in a response: documented as its enum, typed as a string. */
export const CodeOut = (codes: Record<string, unknown> | string[]) =>
  Type.Unsafe<string>({ type: 'string', enum: Array.isArray(codes) ? codes : Object.keys(codes) });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Phone = Type.String({ pattern: '^[0-9+()\\-. ]{7,25}$', description: 'Digits, spaces and + ( ) - .' });
/** A UK postcode or US ZIP, liberally: letters, digits, spaces and hyphens. */
export const Postcode = Type.String({
  pattern: '^[0-9A-Za-z][0-9A-Za-z -]{1,10}$',
  description: 'UK postcode or US ZIP',
});
