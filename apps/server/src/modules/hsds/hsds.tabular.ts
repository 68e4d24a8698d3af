/**
 * The HSDS 3.0 tabular package (datapackage.json + one CSV per table) ⇄ nested HSDS objects.
 * Pure: nest() turns tables related by foreign keys into the nested JSON shape; flatten() is its inverse.
 */

export type HsdsObject = Record<string, unknown>;
export type Tables = Map<string, HsdsObject[]>;

/** Child table → where its rows nest: foreign key column, parent table, property on the parent. */
const LINKS: { table: string; fk: string; parent: string; prop: string; one?: boolean }[] = [
  { table: 'programs', fk: 'organization_id', parent: 'organizations', prop: 'programs' },
  {
    table: 'organization_identifiers',
    fk: 'organization_id',
    parent: 'organizations',
    prop: 'organization_identifiers',
  },
  { table: 'funding', fk: 'organization_id', parent: 'organizations', prop: 'funding' },
  { table: 'funding', fk: 'service_id', parent: 'services', prop: 'funding' },
  { table: 'locations', fk: 'organization_id', parent: 'organizations', prop: 'locations' },
  { table: 'addresses', fk: 'location_id', parent: 'locations', prop: 'addresses' },
  { table: 'accessibility', fk: 'location_id', parent: 'locations', prop: 'accessibility' },
  { table: 'languages', fk: 'service_id', parent: 'services', prop: 'languages' },
  { table: 'languages', fk: 'location_id', parent: 'locations', prop: 'languages' },
  { table: 'languages', fk: 'phone_id', parent: 'phones', prop: 'languages' },
  { table: 'phones', fk: 'organization_id', parent: 'organizations', prop: 'phones' },
  { table: 'phones', fk: 'service_id', parent: 'services', prop: 'phones' },
  { table: 'phones', fk: 'location_id', parent: 'locations', prop: 'phones' },
  { table: 'phones', fk: 'contact_id', parent: 'contacts', prop: 'phones' },
  { table: 'phones', fk: 'service_at_location_id', parent: 'service_at_location', prop: 'phones' },
  { table: 'contacts', fk: 'organization_id', parent: 'organizations', prop: 'contacts' },
  { table: 'contacts', fk: 'service_id', parent: 'services', prop: 'contacts' },
  { table: 'contacts', fk: 'service_at_location_id', parent: 'service_at_location', prop: 'contacts' },
  { table: 'contacts', fk: 'location_id', parent: 'locations', prop: 'contacts' },
  { table: 'schedules', fk: 'service_id', parent: 'services', prop: 'schedules' },
  { table: 'schedules', fk: 'location_id', parent: 'locations', prop: 'schedules' },
  { table: 'schedules', fk: 'service_at_location_id', parent: 'service_at_location', prop: 'schedules' },
  { table: 'service_areas', fk: 'service_id', parent: 'services', prop: 'service_areas' },
  { table: 'cost_options', fk: 'service_id', parent: 'services', prop: 'cost_options' },
  { table: 'required_documents', fk: 'service_id', parent: 'services', prop: 'required_documents' },
  { table: 'service_at_location', fk: 'service_id', parent: 'services', prop: 'service_at_locations' },
  { table: 'taxonomies', fk: 'taxonomy_id', parent: 'taxonomy_terms', prop: 'taxonomy_detail', one: true },
];

/** Columns that point at a parent whose object nests here as a single property (x_id → x). */
const ONE_TO_ONE: { table: string; fk: string; from: string; prop: string }[] = [
  { table: 'service_at_location', fk: 'location_id', from: 'locations', prop: 'location' },
  { table: 'services', fk: 'program_id', from: 'programs', prop: 'program' },
  { table: 'attributes', fk: 'taxonomy_term_id', from: 'taxonomy_terms', prop: 'taxonomy_term' },
  { table: 'taxonomy_terms', fk: 'taxonomy_id', from: 'taxonomies', prop: 'taxonomy_detail' },
];

/** HSDS fields typed number; CSV cells are text, so they are converted back. */
const NUMBERS = new Set([
  'amount',
  'latitude',
  'longitude',
  'year_incorporated',
  'extension',
  'timezone',
  'count',
  'interval',
  'minimum_age',
  'maximum_age',
]);

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; the first row names the columns. */
export function parseCsv(text: string): HsdsObject[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (!header) return [];
  return body.map((cells) => {
    const o: HsdsObject = {};
    header.forEach((name, i) => {
      const key = name.trim();
      const v = cells[i];
      if (!key || v === undefined || v === '') return;
      o[key] = NUMBERS.has(key) && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
    });
    return o;
  });
}

const csvCell = (v: unknown) => {
  if (v === undefined || v === null) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows → CSV text; the columns are every key seen, in first-seen order. */
export function toCsv(rows: HsdsObject[]): string {
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  return `${[cols.join(','), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\r\n')}\r\n`;
}

const idOf = (o: HsdsObject) => (o.id === undefined || o.id === null ? '' : String(o.id));

/** Tables → nested HSDS organizations, services, taxonomies and taxonomy terms. */
export function nest(tables: Tables) {
  const copy = new Map<string, HsdsObject[]>();
  for (const [name, rows] of tables)
    copy.set(
      name,
      rows.map((r) => ({ ...r })),
    );
  const byId = (table: string) => new Map((copy.get(table) ?? []).map((r) => [idOf(r), r]));
  const index = new Map<string, Map<string, HsdsObject>>();
  const lookup = (table: string) => {
    const m = index.get(table) ?? byId(table);
    index.set(table, m);
    return m;
  };
  const consumed = new Map<HsdsObject, Set<string>>();
  const consume = (row: HsdsObject, col: string) => {
    const s = consumed.get(row) ?? new Set<string>();
    consumed.set(row, s);
    s.add(col);
  };
  for (const link of ONE_TO_ONE) {
    const parents = lookup(link.from);
    for (const row of copy.get(link.table) ?? []) {
      const target = parents.get(String(row[link.fk] ?? ''));
      if (!target) continue;
      row[link.prop] = target;
      consume(row, link.fk);
    }
  }
  for (const link of LINKS) {
    if (link.one) continue;
    const parents = lookup(link.parent);
    for (const row of copy.get(link.table) ?? []) {
      const parent = parents.get(String(row[link.fk] ?? ''));
      if (!parent) continue;
      consume(row, link.fk);
      const list = (parent[link.prop] as HsdsObject[] | undefined) ?? [];
      list.push(row);
      parent[link.prop] = list;
    }
  }
  // Attributes and metadata point at any entity by id.
  const everything = new Map<string, HsdsObject>();
  for (const [name, rows] of copy)
    if (name !== 'attributes' && name !== 'metadata') for (const r of rows) everything.set(idOf(r), r);
  for (const [table, fk, prop] of [
    ['attributes', 'link_id', 'attributes'],
    ['metadata', 'resource_id', 'metadata'],
  ] as const) {
    for (const row of copy.get(table) ?? []) {
      const parent = everything.get(String(row[fk] ?? ''));
      if (!parent) continue;
      consume(row, fk);
      parent[prop] = [...((parent[prop] as HsdsObject[] | undefined) ?? []), row];
    }
  }
  // Foreign keys are implied by the nesting, as in the JSON examples; a service keeps organization_id.
  for (const [row, cols] of consumed) for (const c of cols) delete row[c];
  return {
    organizations: copy.get('organizations') ?? [],
    services: copy.get('services') ?? [],
    taxonomies: copy.get('taxonomies') ?? [],
    taxonomyTerms: copy.get('taxonomy_terms') ?? [],
  };
}

/** Property of a nested object → the table its items go to (and the foreign key they get). */
const PROP_TABLE: Record<string, string> = {
  phones: 'phones',
  languages: 'languages',
  schedules: 'schedules',
  service_areas: 'service_areas',
  service_at_locations: 'service_at_location',
  contacts: 'contacts',
  funding: 'funding',
  cost_options: 'cost_options',
  required_documents: 'required_documents',
  programs: 'programs',
  organization_identifiers: 'organization_identifiers',
  locations: 'locations',
  addresses: 'addresses',
  accessibility: 'accessibility',
  attributes: 'attributes',
  metadata: 'metadata',
};
const FK_OF: Record<string, string> = {
  organizations: 'organization_id',
  services: 'service_id',
  locations: 'location_id',
  phones: 'phone_id',
  contacts: 'contact_id',
  service_at_location: 'service_at_location_id',
};

/** Nested HSDS objects → tables (rows with one id appearing in several places are merged). */
export function flatten(input: {
  organizations: HsdsObject[];
  services: HsdsObject[];
  taxonomyTerms?: HsdsObject[];
}): Tables {
  const tables: Tables = new Map();
  const seen = new Map<string, Map<string, HsdsObject>>();
  const put = (table: string, row: HsdsObject) => {
    const ids = seen.get(table) ?? new Map<string, HsdsObject>();
    seen.set(table, ids);
    const existing = ids.get(idOf(row));
    if (existing) {
      for (const [k, v] of Object.entries(row)) if (existing[k] === undefined) existing[k] = v;
      return;
    }
    ids.set(idOf(row), row);
    tables.set(table, [...(tables.get(table) ?? []), row]);
  };
  const walk = (table: string, obj: HsdsObject, parent?: { table: string; id: string }) => {
    const row: HsdsObject = {};
    if (parent) {
      if (table === 'attributes') row.link_id = parent.id;
      else if (table === 'metadata') row.resource_id = parent.id;
      else if (FK_OF[parent.table]) row[FK_OF[parent.table]!] = parent.id;
    }
    const children: [string, HsdsObject][] = [];
    for (const [k, v] of Object.entries(obj)) {
      if (Array.isArray(v) && PROP_TABLE[k]) for (const item of v) children.push([PROP_TABLE[k]!, item as HsdsObject]);
      else if (k === 'organization' && v && typeof v === 'object') {
        row.organization_id ??= (v as HsdsObject).id;
        walk('organizations', v as HsdsObject);
      } else if (k === 'location' && v && typeof v === 'object') {
        row.location_id = (v as HsdsObject).id;
        walk('locations', v as HsdsObject);
      } else if (k === 'program' && v && typeof v === 'object') {
        row.program_id = (v as HsdsObject).id;
        walk('programs', v as HsdsObject);
      } else if (k === 'taxonomy_term' && v && typeof v === 'object') {
        row.taxonomy_term_id = (v as HsdsObject).id;
        walk('taxonomy_terms', v as HsdsObject);
      } else if (k === 'taxonomy_detail' && v && typeof v === 'object') {
        row.taxonomy_id = (v as HsdsObject).id;
        walk('taxonomies', v as HsdsObject);
      } else if (k === 'services' && Array.isArray(v)) continue;
      else if (v !== null && typeof v !== 'object') row[k] = v;
    }
    put(table, row);
    for (const [childTable, child] of children) walk(childTable, child, { table, id: idOf(obj) });
  };
  for (const o of input.organizations) walk('organizations', o);
  for (const s of input.services) walk('services', s);
  for (const t of input.taxonomyTerms ?? []) walk('taxonomy_terms', t);
  return tables;
}

/** The datapackage.json of a package of these tables. */
export function dataPackage(tables: Tables) {
  return {
    name: 'portico-hsds-export',
    profile: 'tabular-data-package',
    resources: [...tables.keys()].map((name) => ({
      name,
      path: `${name}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
    })),
  };
}
