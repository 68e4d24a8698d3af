import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { ExportQuery, ImportBody, ImportList, ImportRun } from './hsds.schema.js';
import * as service from './hsds.service.js';
import { hsdsFeedRoutes } from './hsds-feed.routes.js';

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

  hsdsFeedRoutes(app, db, preHandler);
}
