import { Type } from 'typebox';
import { DateTime, Nullable, Uuid } from '../../http/schema.js';
import { MAX_PER_PAGE } from './hsds.feed.js';

/** One file of an import: its name and its text (the page reads files in the browser). */
export const ImportBody = Type.Object(
  {
    files: Type.Array(
      Type.Object(
        { name: Type.String({ minLength: 1, maxLength: 300 }), content: Type.String({ maxLength: 20_000_000 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 40 },
    ),
  },
  { additionalProperties: false },
);

export const ImportProblem = Type.Object({ record: Type.String(), field: Type.String(), message: Type.String() });
export const ImportRun = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('succeeded'),
    Type.Literal('failed'),
  ]),
  total: Type.Integer(),
  done: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  errors: Type.Array(ImportProblem),
  createdAt: DateTime,
  finishedAt: Nullable(DateTime),
});
export const ImportList = Type.Object({ items: Type.Array(ImportRun) });

export const ExportQuery = Type.Object({
  format: Type.Union([Type.Literal('json'), Type.Literal('csv')], {
    default: 'json',
    description:
      'json: an array of fully nested HSDS services (then organizations without services); csv: the tabular package as .zip',
  }),
});

/** An HSDS 3.0 object, passed through as built (validated against the HSDS schemas in the tests). */
export const HsdsAny = Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true });
export const HsdsPage = Type.Object({
  total_items: Type.Integer(),
  total_pages: Type.Integer(),
  page_number: Type.Integer(),
  size: Type.Integer(),
  first_page: Type.Boolean(),
  last_page: Type.Boolean(),
  empty: Type.Boolean(),
  contents: Type.Array(HsdsAny),
});

export const NetworkParams = Type.Object({ network: Type.String({ minLength: 1, maxLength: 100 }) });
export const FeedIdParams = Type.Object({
  network: Type.String({ minLength: 1, maxLength: 100 }),
  id: Type.String({ minLength: 1, maxLength: 300 }),
});

const paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, description: 'Page number of paginated result.' })),
  per_page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_PER_PAGE, description: 'Number of results requested in a single page.' }),
  ),
  format: Type.Optional(Type.Literal('json', { description: 'Only json is offered.' })),
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Full text search.' })),
};
export const ServiceQuery = Type.Object({
  ...paging,
  taxonomy_term_id: Type.Optional(Type.String({ maxLength: 300 })),
  taxonomy_id: Type.Optional(Type.String({ maxLength: 300 })),
  organization_id: Type.Optional(Type.String({ maxLength: 300 })),
  modified_after: Type.Optional(Type.String({ maxLength: 40 })),
  full: Type.Optional(Type.Boolean({ description: 'Fully nested services instead of their one-to-one fields.' })),
});
export const OrganizationQuery = Type.Object({
  ...paging,
  full: Type.Optional(Type.Boolean()),
  full_service: Type.Optional(Type.Boolean()),
});
export const OrganizationOneQuery = Type.Object({ full_service: Type.Optional(Type.Boolean()) });
export const TaxonomyQuery = Type.Object(paging);
export const TermQuery = Type.Object({
  ...paging,
  taxonomy_id: Type.Optional(Type.String({ maxLength: 300 })),
  top_only: Type.Optional(Type.Boolean()),
  parent_id: Type.Optional(Type.String({ maxLength: 300 })),
});
export const ApiMeta = Type.Object({ version: Type.String(), profile: Type.String(), openapi_url: Type.String() });
