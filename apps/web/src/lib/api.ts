/** A failed API call, carrying the problem+json the server sent (RFC 9457). */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  /** Field errors keyed by field name without the location: 'body.email' → 'email'. */
  readonly fieldErrors: Record<string, string>;
  /** Every message per field, for fields the server checks against several rules (a new password). */
  readonly fieldMessages: Record<string, string[]>;
  /** The whole problem body, for extension members such as a duplicate check's candidates. */
  readonly problem: Record<string, unknown>;

  constructor(
    status: number,
    detail: string,
    code?: string,
    requestId?: string,
    fieldMessages: Record<string, string[]> = {},
    problem: Record<string, unknown> = {},
  ) {
    super(detail);
    this.problem = problem;
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.code = code;
    this.requestId = requestId;
    this.fieldMessages = fieldMessages;
    this.fieldErrors = Object.fromEntries(
      Object.entries(fieldMessages).flatMap(([k, v]) => (v[0] ? [[k, v[0]] as const] : [])),
    );
  }
}

interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
}

/** 'body.memberships.0.roles' → 'memberships.0.roles'; the form knows it is the body. */
function fieldName(field: string): string {
  return field.replace(/^(body|query|params)\./, '');
}

/** A failed response as an ApiError (also for callers that send something other than JSON). */
export async function toApiError(res: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    problem = (await res.json()) as Problem;
  } catch {
    // Not JSON (a proxy error page, say): fall back to the status text.
  }
  const fieldMessages: Record<string, string[]> = {};
  for (const e of problem.errors ?? []) {
    const name = fieldName(e.field);
    fieldMessages[name] = [...(fieldMessages[name] ?? []), e.message];
  }
  const detail = problem.detail ?? problem.title ?? `The server answered ${res.status} ${res.statusText}.`;
  return new ApiError(
    res.status,
    detail,
    problem.code,
    problem.requestId,
    fieldMessages,
    problem as Record<string, unknown>,
  );
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds '/api/x?a=1' leaving out empty values, so optional filters can be passed as they are. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'Portico could not be reached. Check your connection and try again.');
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  // 202 Accepted may come without a body.
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body);
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body);
export const patch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** The server says this when no program is chosen yet, or the chosen one has ended. */
export function needsProgramChoice(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && /choose (the|another) program/i.test(error.detail);
}

/** The server says this while a sign-in step is owed: "Change your password before you continue." */
export function needsStage(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && /before you continue\.?$/i.test(error.detail);
}

/** MT-3: the routes of clients, consents and referrals stay closed until the user agreement is signed. */
export function needsAgreement(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && /sign the user agreement/i.test(error.detail);
}

export function errorDetail(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors : {};
}

/** All the server's messages for one field (none when the error is not about it). */
export function fieldMessagesOf(error: unknown, field: string): string[] {
  return error instanceof ApiError ? (error.fieldMessages[field] ?? []) : [];
}
