import { type HsdsObject, nest, parseCsv, type Tables } from './hsds.tabular.js';

/** One file as sent: its name and its text. */
export interface HsdsFile {
  name: string;
  content: string;
}

export type RecordKind = 'organization' | 'service' | 'taxonomy' | 'taxonomy_term';

/** One record of an import, with where it came from (for the report). */
export interface HsdsRecord {
  kind: RecordKind;
  /** Position among the records of its kind in the file(s), for `service[3]`. */
  index: number;
  data: HsdsObject;
}

export interface ParseProblem {
  record: string;
  field: string;
  message: string;
}

export interface ParsedImport {
  records: HsdsRecord[];
  problems: ParseProblem[];
}

const isObject = (v: unknown): v is HsdsObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What kind of HSDS object this is, told by its fields (publishers rarely label them).
 * A service_at_location that nests its service counts as that service.
 */
export function kindOf(o: HsdsObject): RecordKind | 'service_at_location' | null {
  if ('status' in o || 'service_at_locations' in o || 'organization' in o || 'eligibility_description' in o)
    return 'service';
  if ('location' in o || 'service_id' in o || 'location_id' in o) return 'service_at_location';
  if ('organization_identifiers' in o || 'website' in o || 'tax_status' in o || 'year_incorporated' in o)
    return 'organization';
  if ('services' in o || 'locations' in o || 'legal_status' in o) return 'organization';
  if ('code' in o || 'taxonomy_id' in o || 'taxonomy_detail' in o || 'term_uri' in o || 'parent_id' in o)
    return 'taxonomy_term';
  if ('version' in o || 'uri' in o) return 'taxonomy';
  if ('organization_id' in o || 'url' in o || 'email' in o) return 'service';
  return null;
}

/** The tabular package: files named like HSDS tables (services.csv …), datapackage.json naming their paths. */
export function isTabular(files: HsdsFile[]): boolean {
  return files.some((f) => baseName(f.name) === 'datapackage.json' || f.name.toLowerCase().endsWith('.csv'));
}

const baseName = (name: string) => name.split(/[\\/]/).pop()!.toLowerCase();

/** Reads the files of one import into records; unreadable input becomes problems, never an exception. */
export function parseFiles(files: HsdsFile[]): ParsedImport {
  const problems: ParseProblem[] = [];
  const objects: HsdsObject[] = [];
  if (isTabular(files)) {
    const tables = readPackage(files, problems);
    const nested = nest(tables);
    // In a package the table says the kind.
    const records: HsdsRecord[] = [
      ...nested.organizations.map((data, index) => ({ kind: 'organization' as const, index, data })),
      ...nested.services.map((data, index) => ({ kind: 'service' as const, index, data })),
      ...nested.taxonomies.map((data, index) => ({ kind: 'taxonomy' as const, index, data })),
      ...nested.taxonomyTerms.map((data, index) => ({ kind: 'taxonomy_term' as const, index, data })),
    ];
    return { records, problems };
  }
  for (const f of files) {
    let json: unknown;
    try {
      json = JSON.parse(f.content.replace(/^\uFEFF/, ''));
    } catch (err) {
      problems.push({ record: f.name, field: '', message: `is not JSON (${(err as Error).message})` });
      continue;
    }
    if (Array.isArray(json)) objects.push(...(json as HsdsObject[]));
    else if (isObject(json) && Array.isArray(json.contents)) objects.push(...(json.contents as HsdsObject[]));
    else if (isObject(json)) objects.push(json);
    else problems.push({ record: f.name, field: '', message: 'holds neither an HSDS object, an array nor a page' });
  }
  return { records: classify(objects, problems), problems };
}

function readPackage(files: HsdsFile[], problems: ParseProblem[]): Tables {
  const byName = new Map(files.map((f) => [baseName(f.name), f]));
  const tables: Tables = new Map();
  const descriptor = byName.get('datapackage.json');
  let resources: { name: string; path: string }[] = [];
  if (descriptor) {
    try {
      const pkg = JSON.parse(descriptor.content) as { resources?: { name?: string; path?: string }[] };
      resources = (pkg.resources ?? [])
        .filter((r) => typeof r.path === 'string')
        .map((r) => ({ name: r.name ?? baseName(r.path!).replace(/\.csv$/, ''), path: r.path! }));
    } catch {
      // A broken descriptor does not stop the CSVs from being read by their names (be liberal).
    }
  }
  const named = new Set(resources.map((r) => baseName(r.path)));
  for (const f of files)
    if (f.name.toLowerCase().endsWith('.csv') && !named.has(baseName(f.name)))
      resources.push({ name: baseName(f.name).replace(/\.csv$/, ''), path: f.name });
  for (const r of resources) {
    const file = byName.get(baseName(r.path));
    if (!file) {
      problems.push({ record: 'datapackage.json', field: r.path, message: 'names a file that was not sent' });
      continue;
    }
    // Table names are HSDS's (service_at_location, organizations …); accept the singular or plural.
    tables.set(tableName(r.name), parseCsv(file.content));
  }
  return tables;
}

const TABLES = [
  'organizations',
  'services',
  'programs',
  'locations',
  'addresses',
  'phones',
  'contacts',
  'schedules',
  'service_areas',
  'languages',
  'funding',
  'cost_options',
  'required_documents',
  'organization_identifiers',
  'accessibility',
  'attributes',
  'metadata',
  'taxonomies',
  'taxonomy_terms',
  'service_at_location',
];
function tableName(name: string): string {
  const n = name.toLowerCase().replace(/\.csv$/, '');
  return TABLES.find((t) => t === n || t === `${n}s` || `${t}s` === n || t === n.replace(/ies$/, 'y')) ?? n;
}

function classify(objects: unknown[], problems: ParseProblem[]): HsdsRecord[] {
  const records: HsdsRecord[] = [];
  const counters: Record<string, number> = {};
  const add = (kind: RecordKind, data: HsdsObject) => {
    const index = counters[kind] ?? 0;
    counters[kind] = index + 1;
    records.push({ kind, index, data });
  };
  objects.forEach((o, i) => {
    if (!isObject(o)) {
      problems.push({ record: `record[${i}]`, field: '', message: 'is not an object' });
      return;
    }
    const kind = kindOf(o);
    if (kind === 'service_at_location') {
      // A service_at_location file: its nested service is what Portico imports.
      if (isObject(o.service)) add('service', o.service);
      else problems.push({ record: `service_at_location[${i}]`, field: 'service', message: 'is required' });
    } else if (kind === 'organization' && Array.isArray(o.services)) {
      // An organization that nests its services: each becomes a service record of it.
      const { services, ...org } = o;
      add('organization', org);
      for (const svc of services) if (isObject(svc)) add('service', { organization_id: org.id, ...svc });
    } else if (kind) add(kind, o);
    else
      problems.push({ record: `record[${i}]`, field: '', message: 'is not an HSDS service, organization or taxonomy' });
  });
  return records;
}
