/** Stable error codes; each maps to one HTTP status here and nowhere else. */
export const ERROR_STATUS = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  upstream: 502,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Record<ErrorCode, string> = {
  validation: 'The request has invalid fields',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict with the current state',
  locked: 'Account locked',
  rate_limited: 'Too many requests',
  internal: 'Something went wrong on our side',
  upstream: 'A service Portico relies on did not answer',
};

export interface FieldError {
  /** Dotted path of the field, e.g. `body.email` or `query.limit`. */
  field: string;
  message: string;
}

/** An expected failure of a use case: becomes an RFC 9457 problem response. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    /** RFC 9457 extension members (and a more specific type or title), e.g. the candidates of a duplicate. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (why: string) => new AppError('forbidden', why);
export const conflict = (why: string) => new AppError('conflict', why);
export const invalid = (field: string, message: string) =>
  new AppError('validation', `${field}: ${message}`, [{ field, message }]);
