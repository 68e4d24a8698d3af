import type { HsdsRecord, ParseProblem, RecordKind } from './hsds.parse.js';
import type { HsdsObject } from './hsds.tabular.js';

/**
 * each record is checked before anything is written, and every problem is named by record and
 * field (`service[3] (id …)`, `phones[0].number`). Liberal where HSDS consumers usually are: any
 * non-empty id (not only UUIDs), numbers where text is expected, unknown fields kept.
 */

const TEXT: Record<RecordKind, string[]> = {
  service: [
    'name',
    'alternate_name',
    'description',
    'url',
    'email',
    'status',
    'eligibility_description',
    'organization_id',
    'application_process',
    'fees_description',
  ],
  organization: ['name', 'alternate_name', 'description', 'email', 'website', 'uri', 'tax_id'],
  taxonomy: ['name', 'description', 'uri', 'version'],
  taxonomy_term: ['name', 'code', 'description', 'parent_id', 'taxonomy', 'taxonomy_id'],
};
const ARRAYS: Record<RecordKind, string[]> = {
  service: [
    'phones',
    'schedules',
    'service_areas',
    'service_at_locations',
    'languages',
    'funding',
    'cost_options',
    'required_documents',
    'contacts',
    'attributes',
    'metadata',
  ],
  organization: ['funding', 'contacts', 'phones', 'locations', 'programs', 'organization_identifiers', 'attributes'],
  taxonomy: ['metadata'],
  taxonomy_term: ['metadata'],
};
const NUMBERS: Record<RecordKind, string[]> = {
  service: ['minimum_age', 'maximum_age'],
  organization: ['year_incorporated'],
  taxonomy: [],
  taxonomy_term: [],
};

const isText = (v: unknown) => typeof v === 'string' || typeof v === 'number';
const isObj = (v: unknown): v is HsdsObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const filled = (v: unknown) => isText(v) && String(v).trim() !== '';

/** The record's name in a report: `service[3] (id ac14…)`. */
export function recordLabel(kind: string, index: number, data: HsdsObject): string {
  return filled(data.id) ? `${kind}[${index}] (id ${String(data.id)})` : `${kind}[${index}]`;
}

/** Problems of one record; none means it may be imported. */
export function validateRecord(r: HsdsRecord, label = recordLabel(r.kind, r.index, r.data)): ParseProblem[] {
  const d = r.data;
  const out: ParseProblem[] = [];
  const bad = (field: string, message: string) => out.push({ record: label, field, message });
  if (d.id === undefined || d.id === null || d.id === '') bad('id', 'is required');
  else if (!filled(d.id)) bad('id', 'must be a non-empty text');
  if (d.name === undefined || d.name === null || String(d.name).trim() === '') bad('name', 'is required');
  for (const f of TEXT[r.kind]) if (d[f] !== undefined && d[f] !== null && !isText(d[f])) bad(f, 'must be a text');
  for (const f of NUMBERS[r.kind])
    if (d[f] !== undefined && d[f] !== null && d[f] !== '' && !Number.isFinite(Number(d[f])))
      bad(f, 'must be a number');
  for (const f of ARRAYS[r.kind]) {
    const v = d[f];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v)) {
      bad(f, 'must be a list');
      continue;
    }
    v.forEach((item, i) => {
      if (!isObj(item)) bad(`${f}[${i}]`, 'must be an object');
      else if (f === 'phones' && !filled(item.number)) bad(`${f}[${i}].number`, 'is required');
    });
  }
  if (r.kind === 'service') {
    if (d.organization !== undefined && d.organization !== null && !isObj(d.organization))
      bad('organization', 'must be an object');
    objs(d.service_at_locations).forEach((sal, i) => {
      if (sal.location !== undefined && sal.location !== null && !isObj(sal.location))
        bad(`service_at_locations[${i}].location`, 'must be an object');
    });
  }
  return out;
}

const objs = (v: unknown): HsdsObject[] => (Array.isArray(v) ? v.filter(isObj) : []);
