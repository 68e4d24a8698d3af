import { INSURANCE, INSURANCE_CODES } from '@portico/shared';
import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.js';
import { DateTime, Nullable } from '../../http/schema.js';

/** At most this many rows in one export (the same ranking as the search, all pages). */
export const EXPORT_CAP = 10_000;

const place = { minLength: 1, maxLength: 100 };
const insuranceList = INSURANCE_CODES.map((c) => `\`${c}\` (${INSURANCE[c]})`).join(', ');
const insuranceOf = (description: string) =>
  Type.Union(
    INSURANCE_CODES.map((code) => Type.Literal(code)),
    { description },
  );
/** One insurance code of packages/shared INSURANCE (program fields and the filter). */
export const InsuranceCode = insuranceOf(`Insurance type: ${insuranceList}`);

/** The five filters of MT-9 / MT-15 "agencies report"; any combination, all optional. */
export const directoryFilters = {
  region: Type.Optional(Type.String({ ...place, description: 'A region the program serves (exact value)' })),
  county: Type.Optional(
    Type.String({
      ...place,
      description:
        'A county served: in the program’s counties, or the program serves by telemedicine and accepts this county ' +
        '(an empty telemedicine county list accepts every county)',
    }),
  ),
  service: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        'A taxonomy term code (e.g. `food.food-pantry`) or id; a top-level term matches programs offering any term under it',
    }),
  ),
  insurance: Type.Optional(
    insuranceOf(
      `An insurance type accepted: ${insuranceList}. A program accepting \`none_required\` matches every insurance filter.`,
    ),
  ),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Organization or program name, typo-tolerant (e.g. "fod bank" finds "Food Bank")',
    }),
  ),
};

export const DirectoryQuery = Type.Object({ ...directoryFilters, ...PageQuery }, { additionalProperties: false });
export const ExportQuery = Type.Object(
  {
    ...directoryFilters,
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { description: 'CSV (RFC 4180) or Excel' }),
  },
  { additionalProperties: false },
);

const Term = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
export const TaxonomyTree = Type.Object({
  items: Type.Array(Type.Object({ ...Term.properties, children: Type.Array(Term) })),
});

export const Facets = Type.Object({
  regions: Type.Array(Type.String()),
  counties: Type.Array(Type.String()),
});

export const DirectoryEntry = Type.Object({
  id: Type.String(),
  name: Type.String(),
  organization: Type.Object({ id: Type.String(), name: Type.String() }),
  description: Nullable(Type.String()),
  services: Type.Array(Term),
  counties: Type.Array(Type.String()),
  regions: Type.Array(Type.String()),
  telemedicine: Type.Boolean(),
  telemedicineCounties: Type.Array(Type.String(), {
    description: 'Counties accepted by telemedicine; empty with telemedicine = every county',
  }),
  matchedByTelemedicine: Type.Boolean({
    description: 'The county filter matched through telemedicine, not the counties served in person',
  }),
  insurance: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  eligibility: Nullable(Type.String()),
  hours: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
  addressLine1: Nullable(Type.String()),
  addressLine2: Nullable(Type.String()),
  city: Nullable(Type.String()),
  state: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  referralStatus: Type.String(),
  agreementValidUntil: Nullable(DateTime),
});

export const DirectoryProgram = Type.Object({
  ...DirectoryEntry.properties,
  receivesReferrals: Type.Boolean(),
  referralRefusal: Nullable(Type.String({ description: 'Why the program cannot receive a referral now' })),
});
