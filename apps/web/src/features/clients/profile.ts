import { orNull } from '../../lib/format';
import type { Client, Completeness } from './types';

/** The profile form's values: text as typed, choices as codes ('' for none). */
export interface ProfileValues {
  firstName: string;
  lastName: string;
  birthDate: string;
  genderIdentity: string;
  race: string[];
  militaryService: string;
  phone: string;
  noPhone: boolean;
  addressLine: string;
  city: string;
  state: string;
  county: string;
  postalCode: string;
  noFixedAddress: boolean;
  memberId: string;
  coverageStart: string;
  coverageEnd: string;
  coverageType: string;
  coverageStatus: string;
  product: string;
}

/** Every field the server may name in a 400, so its message shows under the input. */
export const PROFILE_FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'genderIdentity',
  'race',
  'militaryService',
  'phone',
  'noPhone',
  'addressLine',
  'city',
  'state',
  'county',
  'postalCode',
  'noFixedAddress',
  'memberId',
  'coverageStart',
  'coverageEnd',
  'coverageType',
  'coverageStatus',
  'product',
] as const;

export function valuesOf(c?: Partial<Client>): ProfileValues {
  return {
    firstName: c?.firstName ?? '',
    lastName: c?.lastName ?? '',
    birthDate: c?.birthDate ?? '',
    genderIdentity: c?.genderIdentity ?? '',
    race: c?.race ?? [],
    militaryService: c?.militaryService ?? '',
    phone: c?.phone ?? '',
    noPhone: c?.noPhone ?? false,
    addressLine: c?.addressLine ?? '',
    city: c?.city ?? '',
    state: c?.state ?? '',
    county: c?.county ?? '',
    postalCode: c?.postalCode ?? '',
    noFixedAddress: c?.noFixedAddress ?? false,
    memberId: c?.memberId ?? '',
    coverageStart: c?.coverageStart ?? '',
    coverageEnd: c?.coverageEnd ?? '',
    coverageType: c?.coverageType ?? '',
    coverageStatus: c?.coverageStatus ?? '',
    product: c?.product ?? '',
  };
}

/** The API body: empty optional fields become null (which clears them on an edit). */
export function bodyOf(v: ProfileValues) {
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    // An empty date is sent as it is, so the server names the field.
    birthDate: v.birthDate,
    genderIdentity: v.genderIdentity || null,
    race: v.race,
    militaryService: v.militaryService || null,
    phone: v.noPhone ? null : orNull(v.phone),
    noPhone: v.noPhone,
    addressLine: v.noFixedAddress ? null : orNull(v.addressLine),
    city: orNull(v.city),
    state: orNull(v.state),
    county: orNull(v.county),
    postalCode: orNull(v.postalCode),
    noFixedAddress: v.noFixedAddress,
    memberId: orNull(v.memberId),
    coverageStart: v.coverageStart || null,
    coverageEnd: v.coverageEnd || null,
    coverageType: orNull(v.coverageType),
    coverageStatus: v.coverageStatus || null,
    product: orNull(v.product),
  };
}

const filled = (s: string) => s.trim() !== '';

/** MT-8: how many answers each section still lacks, by the same rules as the server's completeness. */
export function missingOf(v: ProfileValues): Record<keyof Completeness, number> {
  const count = (checks: boolean[]) => checks.filter((ok) => !ok).length;
  return {
    personal: count([
      filled(v.firstName),
      filled(v.lastName),
      filled(v.birthDate),
      filled(v.genderIdentity),
      v.race.length > 0,
      filled(v.militaryService),
    ]),
    contact: count([
      v.noFixedAddress || filled(v.addressLine),
      filled(v.city),
      filled(v.county),
      filled(v.postalCode),
      v.noPhone || filled(v.phone),
    ]),
    coverage: count([
      filled(v.memberId),
      filled(v.coverageStart),
      filled(v.coverageType),
      filled(v.coverageStatus),
      filled(v.product),
    ]),
  };
}

/** What was searched becomes the new client's first answers (MT-7: search before creating). */
export function prefillOf(params: URLSearchParams): ProfileValues {
  const [first = '', ...rest] = (params.get('q') ?? '').trim().split(/\s+/);
  return valuesOf({
    firstName: params.get('firstName') ?? first,
    lastName: params.get('lastName') ?? rest.join(' '),
    birthDate: params.get('birthDate') ?? '',
    memberId: params.get('memberId') ?? '',
  });
}
