import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { problems } from '../../http/problem.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { csvStream, reportFileName, reportTable, reportTitle, xlsxStream } from './reports.export.js';
import { REPORT_PAGE_ROWS, Report, ReportParams, ReportQuery } from './reports.schema.js';
import { referralReport } from './reports.service.js';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
const FILE = Type.Unsafe<Readable>({ type: 'string', format: 'binary' });

/** MT-15 referral reports for a period: as JSON for the page, or as an audited CSV or Excel download. */
export function reportRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const deps = { db, clock };
  // MT-3: referral figures stay closed until the user agreement is signed, like the referrals.
  const preHandler = requireActor({ db, clock }, { agreement: true });

  app.get(
    '/api/reports/referrals/:kind',
    {
      preHandler,
      schema: {
        tags: ['reports'],
        summary: 'A referral report for a period: delays, outcomes, from agency, to agency (MT-15)',
        description:
          'Referrals sent in the period (UTC days, both included, at most 366), counted in the database. ' +
          'A program sees the referrals it received (or sent, for from-agency); a network administrator sees ' +
          'every program of the network. JSON answers a page of the rows (limit, offset; rowCount and referrals ' +
          'count the whole report). format=csv or xlsx answers an attachment with every row, and ' +
          'the download is audited (report.export).',
        params: ReportParams,
        querystring: ReportQuery,
        response: {
          200: {
            description: 'The report, or with format=csv|xlsx its file as an attachment',
            content: {
              'application/json': { schema: Report },
              'text/csv': { schema: FILE },
              [CONTENT_TYPES.xlsx]: { schema: FILE },
            },
          },
          ...problems(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const { kind } = req.params;
      const { from, to, format = 'json', limit = REPORT_PAGE_ROWS, offset = 0 } = req.query;
      if (format === 'json') return referralReport(deps, req.actor, kind, { from, to }, { page: { limit, offset } });
      const report = await referralReport(deps, req.actor, kind, { from, to }, { exportFormat: format });
      const table = reportTable(report);
      const file = format === 'csv' ? csvStream(table) : xlsxStream(table, reportTitle(report));
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${reportFileName(report, format)}"`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
}
