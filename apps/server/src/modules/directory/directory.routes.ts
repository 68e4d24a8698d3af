import { Type } from 'typebox';
import { Page } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { exportFileName, toCsv, toXlsx } from './directory.export.js';
import {
  DirectoryEntry,
  DirectoryProgram,
  DirectoryQuery,
  EXPORT_CAP,
  ExportQuery,
  Facets,
  TaxonomyTree,
} from './directory.schema.js';
import * as service from './directory.service.js';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function directoryRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const deps = { db, clock };
  const preHandler = requireActor(deps);
  const tags = ['directory'];
  const read = problems(400, 401, 403, 404);

  app.get(
    '/api/directory/taxonomy',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Service taxonomy of the network: Open Eligibility and its own terms, two levels',
        response: { 200: TaxonomyTree, ...read },
      },
    },
    (req) => service.taxonomy(db, req.actor),
  );
  app.get(
    '/api/directory/facets',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Regions and counties of the listed programs, for the search filters',
        response: { 200: Facets, ...read },
      },
    },
    (req) => service.facets(deps, req.actor),
  );
  app.get(
    '/api/directory/programs',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Search the directory (MT-9, MT-15): region, county, service, insurance, name; ranked, paged',
        description:
          'Programs of every organization of the network. Ranked by name similarity (with q), open referral ' +
          'status before closed, then name. Where the network requires agency agreements (MT-4), programs ' +
          'without a valid one are not listed.',
        querystring: DirectoryQuery,
        response: { 200: Page(DirectoryEntry), ...read },
      },
    },
    (req) => service.search(deps, req.actor, req.query),
  );
  app.get(
    '/api/directory/programs/export',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The same search as a CSV or Excel file (every page, audited)',
        description: `All rows of the search in its order, at most ${EXPORT_CAP}; the header x-export-truncated says when more matched.`,
        querystring: ExportQuery,
        response: {
          200: Type.Unsafe({ type: 'string', format: 'binary', description: 'text/csv or .xlsx attachment' }),
          ...read,
        },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const { entries, truncated } = await service.exportEntries(deps, req.actor, req.query);
      const file = format === 'csv' ? toCsv(entries) : await toXlsx(entries, 'Directory');
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${exportFileName(filters, format, clock.now())}"`)
        .header('x-export-truncated', String(truncated))
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
  app.get(
    '/api/directory/programs/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'One directory entry, with whether it can receive a referral now and why not',
        params: IdParams,
        response: { 200: DirectoryProgram, ...read },
      },
    },
    (req) => service.getEntry(deps, req.actor, req.params.id),
  );
}
