import type { preHandlerHookHandler } from 'fastify';
import { type TObject, type TSchema, Type } from 'typebox';
import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import * as documents from './consents.documents.js';
import { MAX_CONSENT_UPLOAD_BYTES } from './consents.pdf.js';
import {
  BlankFormQuery,
  ClientIdParams,
  Consent,
  ConsentCreate,
  ConsentList,
  ESign,
  PaperSign,
  Revoke,
} from './consents.schema.js';
import * as service from './consents.service.js';

const PdfFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' });

type NoBody = TObject<Record<string, never>>;

/** A step on one consent (`/api/consents/:id/...`) answering the consent; without a body it declares none. */
export function consentStep<B extends TSchema = NoBody>(preHandler: preHandlerHookHandler, summary: string, body?: B) {
  const schema = {
    tags: ['consents'],
    summary,
    params: IdParams,
    response: { 200: Consent, ...problems(400, 401, 403, 404, 409, 502) },
  };
  // Fastify warns about an undefined body schema, so a step without a body has no key for it.
  return { preHandler, schema: (body ? { ...schema, body } : schema) as typeof schema & { body: B } };
}

/** MT-9/MT-10 consents: create, read, e-sign, paper and its upload, revoke, the printable forms. */
export function consentRoutes(app: App, { database: { db }, clock, sms }: AppDeps) {
  const deps = { db, clock, sms };
  // MT-3: consent work stays closed until the user agreement is signed.
  const preHandler = requireActor({ db, clock }, { agreement: true });
  const tags = ['consents'];
  const one = <B extends TSchema = NoBody>(summary: string, body?: B) => consentStep(preHandler, summary, body);
  const pdf = (reply: import('fastify').FastifyReply, name: string, bytes: Buffer, disposition = 'inline') =>
    reply.type('application/pdf').header('content-disposition', contentDisposition(disposition, name)).send(bytes);

  app.get(
    '/api/clients/:clientId/consents',
    {
      preHandler,
      schema: {
        tags,
        summary: "A client's consents that name the acting program, newest first",
        params: ClientIdParams,
        response: { 200: ConsentList, ...problems(401, 403, 404) },
      },
    },
    (req) => service.listForClient(deps, req.actor, req.params.clientId),
  );
  app.post(
    '/api/consents',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Start a consent naming receiving programs (the acting program is always on it), MT-9',
        body: ConsentCreate,
        response: { 201: Consent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createConsent(deps, req.actor, req.body)),
  );
  app.get(
    '/api/consents/blank-form.pdf',
    {
      preHandler,
      schema: {
        tags,
        summary: 'A blank consent form (PDF) for chosen programs or every program of a region (MT-10, MT-15)',
        querystring: BlankFormQuery,
        response: { 200: PdfFile, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => pdf(reply, 'consent-form.pdf', await documents.blankForm(deps, req.actor, req.query)),
  );
  app.get('/api/consents/:id', one('One consent, with its programs and signature state'), (req) =>
    service.getConsent(deps, req.actor, req.params.id),
  );
  app.get(
    '/api/consents/:id/form.pdf',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The form to print and sign for this consent (PDF)',
        params: IdParams,
        response: { 200: PdfFile, ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => pdf(reply, 'consent-form.pdf', await documents.consentForm(deps, req.actor, req.params.id)),
  );
  app.post(
    '/api/consents/:id/esign',
    one('E-sign: the authorizer types their full name and confirms (MT-10)', ESign),
    (req) => service.eSign(deps, req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/consents/:id/paper',
    one('Signed on paper: the consent waits for the scanned form (MT-10)', PaperSign),
    (req) => documents.markOnPaper(deps, req.actor, req.params.id, req.body),
  );
  app.post('/api/consents/:id/revoke', one('Revoke now, with the reason (MT-10)', Revoke), (req) =>
    service.revoke(deps, req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/consents/:id/document',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The uploaded signed form (PDF); each viewing is audited',
        params: IdParams,
        response: { 200: PdfFile, ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const doc = await documents.readDocument(deps, req.actor, req.params.id);
      return pdf(reply, doc.fileName, doc.content);
    },
  );
  app.delete(
    '/api/consents/:id/document',
    one('Delete the uploaded form (the consent is incomplete again), audited'),
    (req) => documents.deleteDocument(deps, req.actor, req.params.id),
  );
  // The upload's body is the PDF itself; the parser lives in this scope only, so every other route stays JSON-only.
  app.register(async (plain) => {
    const scope = plain as unknown as App;
    scope.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: MAX_CONSENT_UPLOAD_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.put(
      '/api/consents/:id/document',
      {
        ...one('Upload (or replace) the scanned signed form: a PDF by content, at most 10 MB, kept with its SHA-256'),
        bodyLimit: MAX_CONSENT_UPLOAD_BYTES,
      },
      (req) => {
        const fileName = fileNameOf(req.headers['x-file-name']);
        return documents.uploadDocument(deps, req.actor, req.params.id, {
          bytes: req.body as unknown as Buffer,
          fileName,
        });
      },
    );
  });
}

/** The name the browser gave the file (URI-encoded in a header), or a plain default. */
function fileNameOf(header: string | string[] | undefined): string {
  if (typeof header !== 'string' || !header.trim()) return 'signed-consent.pdf';
  try {
    return decodeURIComponent(header).trim().slice(0, 200) || 'signed-consent.pdf';
  } catch {
    return header.slice(0, 200);
  }
}

/**
 * A header carries only Latin-1, so a name such as "Aiyana – form.pdf" goes in RFC 6266's filename*
 * (UTF-8, percent-encoded) beside a plain-ASCII fallback; quotes, backslashes and line breaks never pass.
 */
function contentDisposition(disposition: string, name: string): string {
  const clean = name.replace(/[\p{Cc}"\\]/gu, '').trim() || 'signed-consent.pdf';
  const ascii =
    clean
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .trim() || 'signed-consent.pdf';
  if (ascii === clean) return `${disposition}; filename="${ascii}"`;
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
