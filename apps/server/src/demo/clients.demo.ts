import { nameKeys } from '../modules/clients/clients.match.js';
import type { clients } from '../modules/clients/clients.table.js';
import { DEMO_FIRST_NAMES, DEMO_LAST_NAMES } from './demo.data.js';

type DemoClientFields = Omit<typeof clients.$inferInsert, 'networkId' | 'organizationId' | 'createdByProgramId'>;

const STREETS = ['Main Street', 'Last Chance Gulch', 'Broadway', 'Park Avenue', 'Front Street', 'Lake Drive'];
const GENDERS = ['woman', 'man', 'non_binary', 'woman', 'man', 'declined'] as const;
const RACE = [['white'], ['american_indian_alaska_native'], ['black'], ['asian'], ['white', 'other'], ['declined']];

/**
 * The i-th demo client, with a full MT-8 profile. Every fifth has no phone and every seventh no fixed
 * address, stored as flags (the guide's placeholders). `change` alters it into a planted near-duplicate.
 */
export function demoClient(i: number, counties: string[], change: Partial<DemoClientFields> = {}): DemoClientFields {
  const noPhone = i % 5 === 4;
  const noFixedAddress = i % 7 === 6;
  const fields: DemoClientFields = {
    firstName: DEMO_FIRST_NAMES[i % DEMO_FIRST_NAMES.length]!,
    lastName: DEMO_LAST_NAMES[(i * 5) % DEMO_LAST_NAMES.length]!,
    birthDate: `19${50 + ((i * 7) % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    genderIdentity: GENDERS[i % GENDERS.length]!,
    race: RACE[i % RACE.length]!,
    militaryService: i % 6 === 2 ? 'veteran' : 'never',
    phone: noPhone ? null : `+1406555${String(1000 + i).slice(-4)}`,
    noPhone,
    addressLine: noFixedAddress ? null : `${100 + i * 13} ${STREETS[i % STREETS.length]}`,
    noFixedAddress,
    city: 'Helena',
    state: 'MT',
    county: counties[i % counties.length]!,
    postalCode: `596${String(i % 100).padStart(2, '0')}`,
    ...change,
  };
  return { ...fields, nameKeys: nameKeys(fields.firstName, fields.lastName) };
}

/** Planted near-duplicates of demo clients, created by another program (MT-7 finds them). */
export const DEMO_NEAR_DUPLICATES: { of: number; change: Partial<DemoClientFields> }[] = [
  // Client 2 (Taylor Schmidt, born 1964-03-12): entered again with the day and month of birth swapped.
  { of: 2, change: { birthDate: '1964-12-03', phone: null, noPhone: true } },
  // Client 10 (Logan Olsen): the surname spelt Olson, a new phone.
  { of: 10, change: { lastName: 'Olson', phone: '+14065559876' } },
];
