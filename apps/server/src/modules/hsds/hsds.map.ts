import { createHash } from 'node:crypto';
import type { HsdsObject } from './hsds.tabular.js';

/**
 * HSDS 3.0 ⇄ Portico, pure. An import keeps every HSDS field Portico does not model in hsds_extra,
 * nested arrays included; an export gives them back unless the Portico field they feed was edited
 * since (then the array is rebuilt from the Portico field). So import → export → import changes nothing.
 */

/** A stable uuid from a text (as migration 0009's md5(...)::uuid). */
export function uuidFrom(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A text as published (not trimmed, so an export gives it back), or null when blank. */
const str = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  const s = String(v);
  return s.trim() === '' ? null : s;
};
/** A trimmed text for derived values (counties, languages, addresses), or null when blank. */
const tidy = (v: unknown): string | null => str(v)?.trim() ?? null;
const objs = (v: unknown): HsdsObject[] =>
  Array.isArray(v) ? v.filter((x): x is HsdsObject => typeof x === 'object' && x !== null) : [];
const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];

/** "active" ⇔ open; every other status (inactive, defunct, temporarily closed, anything) is closed. */
export const referralStatusOf = (status: unknown): 'open' | 'closed' => {
  const s = tidy(status)?.toLowerCase();
  return !s || s === 'active' || s === 'open' ? 'open' : 'closed';
};

/** The first phone number, without the quotes some publishers wrap it in. */
export const phoneOf = (phones: unknown) => {
  const n = str(objs(phones)[0]?.number);
  return n ? n.replace(/^"+|"+$/g, '').trim() || null : null;
};
export const languagesOf = (languages: unknown) => uniq(objs(languages).map((l) => tidy(l.code) ?? tidy(l.name)));
/** Service areas → counties served: the area's name, else its extent or description (be liberal). */
export const countiesOf = (areas: unknown) =>
  uniq(objs(areas).map((a) => tidy(a.name) ?? tidy(a.extent) ?? tidy(a.description)));

const DAY: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };
const hhmm = (t: unknown) => tidy(t)?.slice(0, 5) ?? null;
/** Schedules → one readable line each: "Thu, Fri 10:00–18:00. The service is available …". */
export function hoursOf(schedules: unknown): string | null {
  const lines = objs(schedules).map((s) => {
    const days = tidy(s.byday)
      ?.split(',')
      .map((d) => DAY[d.trim().toUpperCase().slice(-2)] ?? d.trim())
      .join(', ');
    const open = hhmm(s.opens_at);
    const close = hhmm(s.closes_at);
    const when = [days, open && close ? `${open}–${close}` : open ? `from ${open}` : null].filter(Boolean).join(' ');
    const description = str(s.description);
    return [when || null, description].filter(Boolean).join('. ');
  });
  return lines.filter(Boolean).join('\n') || null;
}

interface Address {
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  region: string | null;
  state_province: string | null;
  postal_code: string | null;
  country: string | null;
}
const pickAddress = (addresses: unknown): Address | null => {
  const list = objs(addresses);
  const a = list.find((x) => x.address_type === 'physical') ?? list[0];
  if (!a) return null;
  return {
    address_1: tidy(a.address_1),
    address_2: tidy(a.address_2),
    city: tidy(a.city),
    region: tidy(a.region),
    state_province: tidy(a.state_province),
    postal_code: tidy(a.postal_code),
    country: tidy(a.country),
  };
};
const locationAddress = (locations: HsdsObject[]) => {
  for (const l of locations) {
    const a = pickAddress(l.addresses);
    if (a) return a;
  }
  return null;
};
const salLocations = (sals: unknown) =>
  objs(sals)
    .map((s) => s.location)
    .filter((l): l is HsdsObject => typeof l === 'object' && l !== null);

export function programAddressOf(sals: unknown) {
  const a = locationAddress(salLocations(sals));
  return {
    addressLine1: a?.address_1 ?? null,
    addressLine2: a?.address_2 ?? null,
    city: a?.city ?? null,
    state: a?.state_province ?? null,
    postalCode: a?.postal_code ?? null,
  };
}
export const regionsOf = (sals: unknown) =>
  uniq(salLocations(sals).flatMap((l) => objs(l.addresses).map((a) => tidy(a.region))));

export function organizationAddressOf(locations: unknown) {
  const a = locationAddress(objs(locations));
  return {
    addressLine1: a?.address_1 ?? null,
    addressLine2: a?.address_2 ?? null,
    town: a?.city ?? null,
    county: a?.region ?? a?.state_province ?? null,
    postcode: a?.postal_code ?? null,
    country: a?.country ?? null,
  };
}

/** Taxonomy terms a service is tagged with (its attributes' terms). */
export function termsOf(service: HsdsObject): HsdsObject[] {
  return objs(service.attributes).flatMap((a) => {
    if (a.taxonomy_term && typeof a.taxonomy_term === 'object') return [a.taxonomy_term as HsdsObject];
    return tidy(a.taxonomy_term_id) ? [{ id: tidy(a.taxonomy_term_id) }] : [];
  });
}
const isTermAttribute = (a: HsdsObject) => !!a.taxonomy_term || !!tidy(a.taxonomy_term_id);

/** Sorted-key JSON: jsonb reorders keys, so equality is checked on this. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as HsdsObject)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as HsdsObject)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

const without = (o: HsdsObject, keys: string[]) => {
  const out: HsdsObject = {};
  for (const [k, v] of Object.entries(o)) if (!keys.includes(k) && v !== undefined && v !== null) out[k] = v;
  return out;
};

const ORG_OWNED = ['id', 'name', 'description', 'email', 'website', 'url', 'services'];
const SERVICE_OWNED = [
  'id',
  'name',
  'description',
  'email',
  'url',
  'eligibility_description',
  'organization',
  'organization_id',
];

export type OrganizationFields = ReturnType<typeof organizationFromHsds>;
/** HSDS organization → the Portico organization's columns. */
export function organizationFromHsds(o: HsdsObject) {
  return {
    hsdsId: String(o.id),
    name: str(o.name) ?? String(o.id),
    description: str(o.description),
    website: str(o.website) ?? str(o.url),
    email: str(o.email),
    phone: phoneOf(o.phones),
    ...organizationAddressOf(o.locations),
    hsdsExtra: without(o, ORG_OWNED),
  };
}

export type ProgramFields = ReturnType<typeof programFromHsds>;
/** HSDS service → the Portico program's columns (serviceTermIds are resolved by the import). */
export function programFromHsds(s: HsdsObject) {
  const extra = without(s, SERVICE_OWNED);
  const kept = objs(s.attributes).filter((a) => !isTermAttribute(a));
  if (kept.length) extra.attributes = kept;
  else delete extra.attributes;
  return {
    hsdsId: String(s.id),
    name: str(s.name) ?? String(s.id),
    description: str(s.description),
    email: str(s.email),
    website: str(s.url),
    phone: phoneOf(s.phones),
    referralStatus: referralStatusOf(s.status),
    eligibility: str(s.eligibility_description),
    languages: languagesOf(s.languages),
    counties: countiesOf(s.service_areas),
    regions: regionsOf(s.service_at_locations),
    hours: hoursOf(s.schedules),
    ...programAddressOf(s.service_at_locations),
    hsdsExtra: extra,
  };
}
