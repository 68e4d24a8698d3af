import type { FastifyRequest } from 'fastify';
import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import * as feed from './hsds.feed.js';
import {
  ApiMeta,
  ExportQuery,
  FeedIdParams,
  HsdsAny,
  HsdsPage,
  ImportBody,
  ImportList,
  ImportRun,
  NetworkParams,
  OrganizationOneQuery,
  OrganizationQuery,
  ServiceQuery,
  TaxonomyQuery,
  TermQuery,
} from './hsds.schema.js';
import * as service from './hsds.service.js';

export function hsdsRoutes(app: App, { database: { db }, clock, background }: AppDeps) {
  const preHandler = requireActor({ db, clock });
  const tags = ['directory'];

  app.post(
    '/api/directory/imports',
    {
      preHandler,
      // A tabular package or a large feed arrives as text in one body.
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import Open Referral HSDS 3.0 (JSON, or the tabular package) into the directory (network administrator)',
        body: ImportBody,
        response: { 202: ImportRun, ...problems(400, 401, 403, 413) },
      },
    },
    async (req, reply) => reply.status(202).send(await service.startImport(db, background, req.actor, req.body.files)),
  );
  app.get(
    '/api/directory/imports',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Past HSDS imports, newest first',
        response: { 200: ImportList, ...problems(401, 403) },
      },
    },
    (req) => service.listImports(db, req.actor),
  );
  app.get(
    '/api/directory/imports/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'One import: progress, counts and the report of bad records',
        params: IdParams,
        response: { 200: ImportRun, ...problems(401, 403, 404) },
      },
    },
    (req) => service.getImport(db, req.actor, req.params.id),
  );
  app.get(
    '/api/directory/export',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The directory in HSDS 3.0: JSON array of nested services, or the tabular package (.zip)',
        querystring: ExportQuery,
        response: { ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const day = new Date().toISOString().slice(0, 10);
      if (req.query.format === 'csv') {
        const zip = await service.exportDirectory(db, req.actor, 'csv');
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="hsds-${day}.zip"`)
          .send(Buffer.from(zip));
      }
      const json = await service.exportDirectory(db, req.actor, 'json');
      return reply
        .type('application/json')
        .header('content-disposition', `attachment; filename="hsds-${day}.json"`)
        .send(JSON.stringify(json));
    },
  );

  // ---- the read-only HSDS 3.0 API: no session needed for a public directory ----
  const hsdsTags = ['hsds'];
  const open = { security: [] as never[] };
  const read = problems(400, 404);
  /** A private network's feed is read by its signed-in members only; anyone else gets 404. */
  const member = async (req: FastifyRequest) => {
    if (!req.cookies?.portico_session) return null;
    try {
      await preHandler(req);
      return req.actor.networkId;
    } catch {
      return null;
    }
  };
  const network = async (req: FastifyRequest) =>
    (await feed.feedNetwork(db, (req.params as { network: string }).network, () => member(req))).id;

  app.get(
    '/api/hsds/:network/',
    {
      schema: {
        ...open,
        tags: hsdsTags,
        summary: 'HSDS API meta information',
        params: NetworkParams,
        response: { 200: ApiMeta, ...read },
      },
    },
    async (req) => {
      await network(req);
      return {
        version: '3.0',
        profile: 'https://docs.openreferral.org/en/latest/hsds/',
        openapi_url: 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json',
      };
    },
  );
  app.get(
    '/api/hsds/:network/services',
    {
      schema: {
        ...open,
        tags: hsdsTags,
        summary: 'Paginated list of services',
        params: NetworkParams,
        querystring: ServiceQuery,
        response: { 200: HsdsPage, ...read },
      },
    },
    async (req) => feed.listServices(db, await network(req), req.query),
  );
  app.get(
    '/api/hsds/:network/services/:id',
    {
      schema: {
        ...open,
        tags: hsdsTags,
        summary: 'A fully nested service',
        params: FeedIdParams,
        response: { 200: HsdsAny, ...read },
      },
    },
    async (req) => feed.getService(db, await network(req), req.params.id),
  );
  app.get(
    '/api/hsds/:network/organizations',
    {
      schema: {
        ...open,
        tags: hsdsTags,
        summary: 'Paginated list of organizations',
        params: NetworkParams,
        querystring: OrganizationQuery,
        response: { 200: HsdsPage, ...read },
      },
    },
    async (req) => feed.listOrganizations(db, await network(req), req.query),
  );
  app.get(
    '/api/hsds/:network/organizations/:id',
    {
      schema: {
        ...open,
        tags: hsdsTags,
        summary: 'A fully nested organization with its services',
        params: FeedIdParams,
        querystring: OrganizationOneQuery,
        response: { 200: HsdsAny, ...read },
      },
    },
    async (req) => feed.getOrganization(db, await network(req), req.params.id, req.query.full_service === true),
  );
  app.get(
    '/api/hsds/:network/taxonomies',
    {
      schema: {
        ...open,
        tags: hsdsTags,
        summary: 'Paginated list of taxonomies',
        params: NetworkParams,
        querystring: TaxonomyQuery,
        response: { 200: HsdsPage, ...read },
      },
    },
    async (req) => feed.listTaxonomies(db, await network(req), req.query),
  );
  app.get(
    '/api/hsds/:network/taxonomies/:id',
    {
      schema: {
        ...open,
        tags: hsdsTags,
        summary: 'A taxonomy',
        params: FeedIdParams,
        response: { 200: HsdsAny, ...read },
      },
    },
    async (req) => feed.getTaxonomy(db, await network(req), req.params.id),
  );
  app.get(
    '/api/hsds/:network/taxonomy_terms',
    {
      schema: {
        ...open,
        tags: hsdsTags,
        summary: 'Paginated list of taxonomy terms',
        params: NetworkParams,
        querystring: TermQuery,
        response: { 200: HsdsPage, ...read },
      },
    },
    async (req) => feed.listTerms(db, await network(req), req.query),
  );
  app.get(
    '/api/hsds/:network/taxonomy_terms/:id',
    {
      schema: {
        ...open,
        tags: hsdsTags,
        summary: 'A taxonomy term',
        params: FeedIdParams,
        response: { 200: HsdsAny, ...read },
      },
    },
    async (req) => feed.getTerm(db, await network(req), req.params.id),
  );
  app.get(
    '/api/hsds/:network/service_at_locations',
    {
      schema: {
        ...open,
        tags: hsdsTags,
        summary: 'Paginated list of service_at_location',
        params: NetworkParams,
        querystring: ServiceQuery,
        response: { 200: HsdsPage, ...read },
      },
    },
    async (req) => feed.listServiceAtLocations(db, await network(req), req.query),
  );
  app.get(
    '/api/hsds/:network/service_at_locations/:id',
    {
      schema: {
        ...open,
        tags: hsdsTags,
        summary: 'A service_at_location with its service nested',
        params: FeedIdParams,
        response: { 200: HsdsAny, ...read },
      },
    },
    async (req) => feed.getServiceAtLocation(db, await network(req), req.params.id),
  );
}
