import type { FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { Db } from '../../db/client.js';
import { problems } from '../../http/problem.js';
import type { App } from '../../http/types.js';
import * as feed from './hsds.feed.js';
import {
  ApiMeta,
  FeedIdParams,
  HsdsAny,
  HsdsPage,
  NetworkParams,
  OrganizationOneQuery,
  OrganizationQuery,
  ServiceQuery,
  TaxonomyQuery,
  TermQuery,
} from './hsds.schema.js';

const tags = ['hsds'];
const read = problems(400, 404);

/**
 * The read-only HSDS 3.0 API (paths, parameters and pages of the HSDS OpenAPI document): no session
 * needed for a public directory; a private network's feed is read by its signed-in members only.
 */
export function hsdsFeedRoutes(app: App, db: Db, requireSession: (req: FastifyRequest) => Promise<void>) {
  const member = async (req: FastifyRequest) => {
    if (!req.cookies?.portico_session) return null;
    try {
      await requireSession(req);
      return req.actor.networkId;
    } catch {
      return null;
    }
  };
  const network = async (req: FastifyRequest) =>
    (await feed.feedNetwork(db, (req.params as { network: string }).network, () => member(req))).id;

  /** One feed route: the network is resolved (or 404) before the answer is read. */
  function route<Q extends TSchema>(
    path: string,
    summary: string,
    kind: 'page' | 'one',
    querystring: Q | undefined,
    answer: (networkId: string, req: FastifyRequest & { query: Static<Q> }) => Promise<Record<string, unknown>>,
  ) {
    app.get(
      `/api/hsds/:network${path}`,
      {
        schema: {
          security: [],
          tags,
          summary,
          params: kind === 'page' ? NetworkParams : FeedIdParams,
          ...(querystring ? { querystring } : {}),
          response: { 200: kind === 'page' ? HsdsPage : HsdsAny, ...read },
        },
      },
      async (req) => answer(await network(req), req as FastifyRequest & { query: Static<Q> }),
    );
  }
  const id = (req: FastifyRequest) => (req.params as { id: string }).id;

  app.get(
    '/api/hsds/:network/',
    {
      schema: {
        security: [],
        tags,
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
  route('/services', 'Paginated list of services', 'page', ServiceQuery, (n, req) =>
    feed.listServices(db, n, req.query),
  );
  route('/services/:id', 'A fully nested service', 'one', undefined, (n, req) => feed.getService(db, n, id(req)));
  route('/organizations', 'Paginated list of organizations', 'page', OrganizationQuery, (n, req) =>
    feed.listOrganizations(db, n, req.query),
  );
  route('/organizations/:id', 'A fully nested organization with its services', 'one', OrganizationOneQuery, (n, req) =>
    feed.getOrganization(db, n, id(req), req.query.full_service === true),
  );
  route('/taxonomies', 'Paginated list of taxonomies', 'page', TaxonomyQuery, (n, req) =>
    feed.listTaxonomies(db, n, req.query),
  );
  route('/taxonomies/:id', 'A taxonomy', 'one', undefined, (n, req) => feed.getTaxonomy(db, n, id(req)));
  route('/taxonomy_terms', 'Paginated list of taxonomy terms', 'page', TermQuery, (n, req) =>
    feed.listTerms(db, n, req.query),
  );
  route('/taxonomy_terms/:id', 'A taxonomy term', 'one', undefined, (n, req) => feed.getTerm(db, n, id(req)));
  route('/service_at_locations', 'Paginated list of service_at_location', 'page', ServiceQuery, (n, req) =>
    feed.listServiceAtLocations(db, n, req.query),
  );
  route('/service_at_locations/:id', 'A service_at_location with its service nested', 'one', undefined, (n, req) =>
    feed.getServiceAtLocation(db, n, id(req)),
  );
}
