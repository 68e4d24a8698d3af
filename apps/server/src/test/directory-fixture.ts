import { createHash } from 'node:crypto';
import type { PresetCode } from '@portico/shared';
import type { Db } from '../db/client.js';
import type { App } from '../http/types.js';
import { signIn } from './app.js';
import { makeNetwork, makeOrganization, makeProgram, makeUser, type TestProgram } from './factories.js';

/** The id of a shipped Open Eligibility term: md5('open-eligibility:' || code) as a uuid (migration 0009). */
export function termId(code: string): string {
  const h = createHash('md5').update(`open-eligibility:${code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const DAY = 86_400_000;

/**
 * A directory of six programs in three organizations of one network (names are what the tests search):
 * - Helena Food Bank: Emergency Pantry (food pantry, Lewis and Clark, West, none required, open) and
 *   Community Meals (meals + delivery, Jefferson, West, Medicaid, closed);
 * - Big Sky Family Services: Telehealth Counseling (mental health, Gallatin, South, telemedicine to every
 *   county, Medicaid + private), Rural Tele-Psychiatry (mental health, Yellowstone, East, telemedicine to
 *   Lewis and Clark and Cascade, Medicare) and Family Housing Help (find housing, Gallatin + Lewis and
 *   Clark, South + West, Medicaid);
 * - Missoula Housing Partners: Housing Navigation (help pay for housing, Missoula, West, private).
 * With `agreements`, every program gets an agency agreement valid for a year.
 */
export async function makeDirectory(db: Db, preset: PresetCode = 'default', options: { agreements?: boolean } = {}) {
  const network = await makeNetwork(db, preset);
  const validUntil = options.agreements ? new Date(Date.now() + 365 * DAY) : null;
  const foodBank = await makeOrganization(db, network.id, 'Helena Food Bank');
  const family = await makeOrganization(db, network.id, 'Big Sky Family Services');
  const housing = await makeOrganization(db, network.id, 'Missoula Housing Partners');
  const program = (org: { id: string; networkId: string }, fields: Parameters<typeof makeProgram>[2]) =>
    makeProgram(db, org, { agreementValidUntil: validUntil, ...fields });
  const p = {
    pantry: await program(foodBank, {
      name: 'Emergency Pantry',
      serviceTermIds: [termId('food.food-pantry')],
      counties: ['Lewis and Clark'],
      regions: ['West'],
      insurance: ['none_required'],
      languages: ['English'],
      hours: 'Mon–Fri 9:00–17:00',
      city: 'Helena',
    }),
    meals: await program(foodBank, {
      name: 'Community Meals',
      serviceTermIds: [termId('food.meals'), termId('food.food-delivery')],
      counties: ['Jefferson'],
      regions: ['West'],
      insurance: ['medicaid'],
      referralStatus: 'closed',
    }),
    telehealth: await program(family, {
      name: 'Telehealth Counseling',
      serviceTermIds: [termId('health.mental-health-care')],
      counties: ['Gallatin'],
      regions: ['South'],
      telemedicine: true,
      telemedicineCounties: [],
      insurance: ['medicaid', 'private'],
      languages: ['English', 'Spanish'],
    }),
    psychiatry: await program(family, {
      name: 'Rural Tele-Psychiatry',
      serviceTermIds: [termId('health.mental-health-care')],
      counties: ['Yellowstone'],
      regions: ['East'],
      telemedicine: true,
      telemedicineCounties: ['Lewis and Clark', 'Cascade'],
      insurance: ['medicare'],
    }),
    familyHousing: await program(family, {
      name: 'Family Housing Help',
      serviceTermIds: [termId('housing.help-find-housing')],
      counties: ['Gallatin', 'Lewis and Clark'],
      regions: ['South', 'West'],
      insurance: ['medicaid'],
    }),
    navigation: await program(housing, {
      name: 'Housing Navigation',
      serviceTermIds: [termId('housing.help-pay-for-housing')],
      counties: ['Missoula'],
      regions: ['West'],
      insurance: ['private'],
    }),
  } satisfies Record<string, TestProgram>;
  const provider = await makeUser(db, [[p.pantry, ['mt_provider']]]);
  return { network, organizations: { foodBank, family, housing }, programs: p, provider };
}

export type Directory = Awaited<ReturnType<typeof makeDirectory>>;

/** Signs the directory's provider in and returns a GET helper answering status and JSON. */
export async function directoryClient(app: App, email: string) {
  const cookie = await signIn(app, email);
  return {
    cookie,
    get: async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      const json = String(res.headers['content-type']).includes('json');
      return { status: res.statusCode, body: json ? res.json() : undefined, res };
    },
  };
}

/** A query string from filters, leaving out the empty ones. */
export const qs = (filters: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(filters).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
  ).toString();
