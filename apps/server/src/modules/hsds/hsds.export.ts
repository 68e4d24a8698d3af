import { strToU8, zipSync } from 'fflate';
import type { Db, Tx } from '../../db/client.js';
import {
  canonical,
  countiesOf,
  hoursOf,
  languagesOf,
  organizationAddressOf,
  phoneOf,
  programAddressOf,
  referralStatusOf,
  regionsOf,
  uuidFrom,
} from './hsds.map.js';
import * as repo from './hsds.repo.js';
import { dataPackage, flatten, type HsdsObject, toCsv } from './hsds.tabular.js';

const STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'];
const set = (o: HsdsObject, k: string, v: unknown) => {
  if (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) o[k] = v;
};
/** The kept HSDS array when the Portico field it feeds is unchanged, else one rebuilt from the field. */
const keepOr = (kept: unknown, derived: unknown, current: unknown, rebuild: () => unknown) =>
  kept !== undefined && canonical(derived) === canonical(current) ? kept : rebuild();

/** The id an HSDS consumer sees: the publisher's id for imported records, Portico's own otherwise. */
export const feedId = (r: { id: string; hsdsId: string | null }) => r.hsdsId ?? r.id;

/** Portico organization → HSDS organization (fully nested with what the import kept). */
export function toHsdsOrganization(o: repo.OrganizationRow): HsdsObject {
  const extra = (o.hsdsExtra ?? {}) as HsdsObject;
  const out: HsdsObject = { ...extra, id: feedId(o), name: o.name, description: o.description ?? '' };
  set(out, 'email', o.email);
  set(out, 'website', o.website);
  set(
    out,
    'phones',
    keepOr(extra.phones, phoneOf(extra.phones), o.phone, () =>
      o.phone ? [{ id: uuidFrom(`phone:${o.id}`), number: o.phone }] : undefined,
    ),
  );
  const address = {
    addressLine1: o.addressLine1,
    addressLine2: o.addressLine2,
    town: o.town,
    county: o.county,
    postcode: o.postcode,
    country: o.country,
  };
  set(
    out,
    'locations',
    keepOr(extra.locations, organizationAddressOf(extra.locations), address, () =>
      o.addressLine1
        ? [
            {
              id: uuidFrom(`location:${o.id}`),
              location_type: 'physical',
              name: o.name,
              addresses: [
                address1({
                  id: uuidFrom(`address:${o.id}`),
                  address_1: o.addressLine1,
                  address_2: o.addressLine2,
                  city: o.town,
                  region: o.county,
                  state_province: o.county,
                  postal_code: o.postcode,
                  country: o.country,
                }),
              ],
            },
          ]
        : undefined,
    ),
  );
  return out;
}

function address1(a: Record<string, string | null>): HsdsObject {
  const out: HsdsObject = {
    id: a.id,
    address_1: a.address_1 ?? '',
    city: a.city ?? '',
    state_province: a.state_province ?? '',
    postal_code: a.postal_code ?? '',
    country: a.country ?? 'US',
    address_type: 'physical',
  };
  set(out, 'address_2', a.address_2);
  set(out, 'region', a.region);
  return out;
}

export interface ExportTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomyId: string;
  taxonomyName: string;
}

/** Portico program (+ its organization) → HSDS service; `nested` adds the organization object. */
export function toHsdsService(
  p: repo.ProgramRow,
  org: repo.OrganizationRow,
  terms: Map<string, ExportTerm>,
  nested = true,
): HsdsObject {
  const extra = (p.hsdsExtra ?? {}) as HsdsObject;
  const kept = String(extra.status ?? '');
  const status =
    STATUSES.includes(kept) && referralStatusOf(kept) === p.referralStatus
      ? kept
      : p.referralStatus === 'open'
        ? 'active'
        : 'inactive';
  const out: HsdsObject = { ...extra, id: feedId(p), organization_id: feedId(org), name: p.name, status };
  set(out, 'description', p.description);
  set(out, 'url', p.website);
  set(out, 'email', p.email);
  set(out, 'eligibility_description', p.eligibility);
  const rebuild = (kind: string, i: number) => uuidFrom(`${kind}:${p.id}:${i}`);
  set(
    out,
    'phones',
    keepOr(extra.phones, phoneOf(extra.phones), p.phone, () =>
      p.phone ? [{ id: rebuild('phone', 0), number: p.phone }] : undefined,
    ),
  );
  set(
    out,
    'languages',
    keepOr(extra.languages, languagesOf(extra.languages), p.languages, () =>
      p.languages.map((code, i) => ({ id: rebuild('language', i), name: code, code })),
    ),
  );
  set(
    out,
    'service_areas',
    keepOr(extra.service_areas, countiesOf(extra.service_areas), p.counties, () =>
      p.counties.map((name, i) => ({ id: rebuild('service_area', i), name })),
    ),
  );
  set(
    out,
    'schedules',
    keepOr(extra.schedules, hoursOf(extra.schedules), p.hours, () =>
      p.hours ? [{ id: rebuild('schedule', 0), description: p.hours }] : undefined,
    ),
  );
  const address = {
    addressLine1: p.addressLine1,
    addressLine2: p.addressLine2,
    city: p.city,
    state: p.state,
    postalCode: p.postalCode,
  };
  const sals = extra.service_at_locations;
  set(
    out,
    'service_at_locations',
    canonical(programAddressOf(sals)) === canonical(address) &&
      canonical(regionsOf(sals)) === canonical(p.regions) &&
      sals !== undefined
      ? sals
      : p.addressLine1
        ? [
            {
              id: rebuild('service_at_location', 0),
              location: {
                id: rebuild('location', 0),
                location_type: 'physical',
                name: p.name,
                addresses: [
                  address1({
                    id: rebuild('address', 0),
                    address_1: p.addressLine1,
                    address_2: p.addressLine2,
                    city: p.city,
                    region: p.regions[0] ?? null,
                    state_province: p.state,
                    postal_code: p.postalCode,
                    country: org.country,
                  }),
                ],
              },
            },
          ]
        : undefined,
  );
  const termAttributes = p.serviceTermIds.flatMap((id) => {
    const t = terms.get(id);
    if (!t) return [];
    return [
      {
        id: uuidFrom(`attribute:${p.id}:${t.id}`),
        taxonomy_term: {
          id: t.id,
          code: t.code,
          name: t.name,
          description: t.description,
          taxonomy: t.taxonomyName,
          taxonomy_id: t.taxonomyId,
        },
      },
    ];
  });
  set(out, 'attributes', [...((extra.attributes as HsdsObject[] | undefined) ?? []), ...termAttributes]);
  if (nested) out.organization = toHsdsOrganization(org);
  return out;
}

/** The one-to-one fields of an HSDS object (the list endpoints' items). */
export function oneToOne(o: HsdsObject): HsdsObject {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v === null || typeof v !== 'object'));
}

export async function termIndex(db: Db | Tx, networkId: string): Promise<Map<string, ExportTerm>> {
  return new Map(
    (await repo.visibleTerms(db, networkId)).map((t) => [
      t.id,
      {
        id: t.id,
        code: t.code,
        name: t.name,
        description: t.description,
        taxonomyId: t.taxonomyId,
        taxonomyName: t.taxonomyName,
      },
    ]),
  );
}

/**
 * The network's whole directory as HSDS JSON: an array of fully nested services (each with its
 * organization), followed by the organizations that have no service, so nothing is left out.
 */
export async function exportJson(db: Db, networkId: string): Promise<HsdsObject[]> {
  const terms = await termIndex(db, networkId);
  const out: HsdsObject[] = [];
  const withServices = new Set<string>();
  const page = 500;
  for (let offset = 0; ; offset += page) {
    const rows = await repo.pagePrograms(db, networkId, {}, offset, page);
    for (const r of rows) {
      withServices.add(r.organization.id);
      out.push(toHsdsService(r.program, r.organization, terms));
    }
    if (rows.length < page) break;
  }
  for (const o of await repo.allOrganizations(db, networkId))
    if (!withServices.has(o.id)) out.push(toHsdsOrganization(o));
  return out;
}

/** The network's directory as the HSDS tabular package, zipped (datapackage.json + one CSV per table). */
export async function exportZip(db: Db, networkId: string): Promise<Uint8Array> {
  const records = await exportJson(db, networkId);
  const services = records.filter((r) => 'status' in r);
  const organizations = records.filter((r) => !('status' in r));
  const tables = flatten({ organizations, services });
  const files: Record<string, Uint8Array> = {
    'datapackage.json': strToU8(JSON.stringify(dataPackage(tables), null, 2)),
  };
  for (const [name, rows] of tables) files[`${name}.csv`] = strToU8(toCsv(rows));
  return zipSync(files);
}
