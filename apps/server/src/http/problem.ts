import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, ERROR_STATUS, ERROR_TITLES, type ErrorCode, type FieldError } from './errors.js';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

/** Response schemas for the error statuses a route can answer. */
export function problems(...statuses: number[]): Record<number, unknown> {
  return Object.fromEntries(statuses.map((s) => [s, Type.Ref('Problem')]));
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldOf(context: string | undefined, e: AjvError): string {
  const parts = e.instancePath.split('/').filter(Boolean);
  if (e.keyword === 'required' && typeof e.params.missingProperty === 'string') parts.push(e.params.missingProperty);
  if (e.keyword === 'additionalProperties' && typeof e.params.additionalProperty === 'string') {
    parts.push(e.params.additionalProperty);
  }
  // Fastify calls the query string 'querystring'; our field names say 'query' (as in query.cursor).
  const where = context === 'querystring' ? 'query' : (context ?? 'body');
  return [where, ...parts].join('.');
}

function messageOf(e: AjvError): string {
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'additionalProperties') return 'is not an accepted field';
  return e.message ?? 'is invalid';
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  detail: string,
  errors?: FieldError[],
  status: number = ERROR_STATUS[code],
  extensions: Record<string, unknown> = {},
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://portico.dev/problems/${code.replace('_', '-')}`,
      title: ERROR_TITLES[code],
      status,
      detail,
      code,
      requestId: String(request.id),
      ...(errors?.length ? { errors } : {}),
      ...extensions,
    });
}

/**
 * Maps every error to problem+json in one place; a 500 never carries the internal message.
 * With `spa`, unknown non-API GETs get the web app's index.html (it routes on the client).
 */
export function registerProblemHandling(app: FastifyInstance, { spa }: { spa: boolean }): void {
  app.addSchema(ProblemSchema);
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return send(reply, request, error.code, error.message, error.fields, error.status, error.extensions);
    }
    const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fe.validation) {
      const errors = fe.validation.map((e) => ({ field: fieldOf(fe.validationContext, e), message: messageOf(e) }));
      return send(reply, request, 'validation', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
    }
    if (fe.statusCode === 429) return send(reply, request, 'rate_limited', 'Too many requests; try again shortly.');
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code: ErrorCode = fe.statusCode === 404 ? 'not_found' : 'validation';
      return send(reply, request, code, fe.message, undefined, fe.statusCode);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 'internal', `An unexpected error occurred; quote request id ${request.id}.`);
  });
  app.setNotFoundHandler((request, reply) => {
    if (spa && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return send(reply, request, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}.`);
  });
}
