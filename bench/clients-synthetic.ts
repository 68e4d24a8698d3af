// MT-7: synthetic client records for the duplicate-check benchmark. Households share a last name, address and
// phone (the hard negatives a naive matcher merges), a few have twins, and duplicates carry the errors intake
// staff really make. Everything comes from a seeded generator, so runs are repeatable.
import type { PersonFields } from '../apps/server/src/modules/clients/clients.match.js';
import { metaphone, normalizeName } from '../apps/server/src/modules/clients/clients.match.js';
import { canonicalNames, NICKNAME_PAIRS } from '../apps/server/src/modules/clients/clients.nicknames.js';

export type Rng = () => number;

/** mulberry32: small, fast and good enough for test data. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (lines: string[]) => lines.join(' ').split(' ');

export const FIRST_NAMES = words([
  'James Robert John Michael David William Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark',
  'Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary',
  'Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond',
  'Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy',
  'Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe',
  'Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason',
  'Philip Louis Liam Oliver Lucas Caleb Owen Hunter Wyatt Colton Theodore Frederick Clifford Calvin Mitchell',
  'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley',
  'Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia',
  'Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel',
  'Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina',
  'Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn',
  'Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana',
  'Natalie Brittany Charlotte Marie Kayla Alexis Lori Ava Mia Harper Ella Scarlett Aria Chloe Penelope Layla Riley',
  'Zoey Nora Lily Eleanor Hazel Violet Aurora Savannah Audrey Brooklyn Bella Claire Skylar Lucy Paisley Everly',
  'Caroline Josephine Florence Allison Gabriella Sadie Tessa Dakota Shawna Colleen Wanda Loretta Bonnie Peggy',
]);

export const LAST_NAMES = words([
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson',
  'Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker',
  'Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell',
  'Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy',
  'Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson',
  'Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross',
  'Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher',
  'Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole',
  'Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison',
  'Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford',
  'Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner',
  'Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols',
  'Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters',
  'Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray',
  'Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence Sandoval',
  'Guerrero George Chapman Rios Estrada Ortega Watkins Greene Nunez Wheeler Valdez Harper Burke Larson Santiago',
  'Maldonado Morrison Franklin Carlson Austin Dominguez Carr Lawson Jacobs OBrien Lynch Singh Vega Bishop',
  'Montgomery Oliver Jensen Harvey Williamson Gilbert Dean Sims Espinoza Howell Li Wong Reid Hanson Le McCoy',
  'Garrett Burton Fuller Wang Weber Welch Rojas Lucas Marquez Fields Park Yang Little Banks Padilla Day Walsh',
  'Bowman Schultz Luna Fowler Mejia Davidson Acosta Brewer May Holland Juarez Newman Pearson Curtis Cortez',
  'Douglas Schneider Joseph Barrett Navarro Figueroa Keller Avila Wade Molina Stanley Hopkins Campos Barnett',
  'Bates Chambers Caldwell Beck Lambert Miranda Byrd Craig Ayala Lowe Frazier Powers Neal Leonard Gregory Carrillo',
  'Sutton Fleming Rhodes Shelton Schwartz Norris Jennings Watts Duran Walters Cohen McDaniel Moran Parks Steele',
  'Vaughn Becker Holt Deleon Barker Terry Hale Leon Hail Benson Haynes Horton Miles Lyons Pham Graves Bush',
  'Thornton Wolfe Warner Cabrera McKinney Mann Zimmerman Dawson Lara Fletcher Page McCarthy Love Robles Cervantes',
  'Runningcrane Twobulls Littlebear Oldcoyote Bighorn Yellowtail Whitehorse Stiffarm Lefthand Redstar',
]);

const STREETS = words([
  'Main Park Oak Pine Maple Cedar Elm Washington Lake Hill Sunset Railroad Broadway Montana Prospect Last Chance',
  'Rimrock Grand Custer Central Division Lincoln Jackson Harrison Spruce Aspen Willow Birch Meadow Ridge River',
]);
const SUFFIXES: [string, string][] = [
  ['Street', 'St'],
  ['Avenue', 'Ave'],
  ['Road', 'Rd'],
  ['Drive', 'Dr'],
  ['Lane', 'Ln'],
  ['Court', 'Ct'],
  ['Boulevard', 'Blvd'],
];

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function randomDate(rng: Rng, fromYear: number, toYear: number): string {
  const year = int(rng, fromYear, toYear);
  const month = int(rng, 1, 12);
  const day = int(rng, 1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${pad(month)}-${pad(day)}`;
}

export const randomPhone = (rng: Rng) => `+1406555${pad(int(rng, 0, 9999), 4)}`;

/** A street address, written long ("Street") or short ("St") the way different intake staff write it. */
export function randomAddress(rng: Rng): { addressLine: string; postalCode: string } {
  const [long, short] = pick(rng, SUFFIXES);
  const unit = rng() < 0.15 ? ` Apt ${int(rng, 1, 30)}` : '';
  return {
    addressLine: `${int(rng, 1, 9999)} ${rng() < 0.2 ? `${pick(rng, ['N', 'S', 'E', 'W'])} ` : ''}${pick(rng, STREETS)} ${rng() < 0.5 ? long : short}${unit}`,
    postalCode: String(int(rng, 59001, 59937)),
  };
}

/** Names a careful reader would still tell apart: not nicknames of each other, not one typo or sound apart. */
export function distinctGivenNames(a: string, b: string): boolean {
  const [x, y] = [normalizeName(a), normalizeName(b)];
  if (canonicalNames(x).some((c) => canonicalNames(y).includes(c))) return false;
  if (metaphone(x) === metaphone(y) || x.startsWith(y) || y.startsWith(x)) return false;
  let same = 0;
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] === y[i]) same++;
  return Math.abs(x.length - y.length) + Math.min(x.length, y.length) - same > 1 && !sameLettersSwapped(x, y);
}

const sameLettersSwapped = (x: string, y: string) =>
  x.length === y.length && [...x].sort().join() === [...y].sort().join();

export function givenNameUnlike(rng: Rng, others: string[]): string {
  for (;;) {
    const name = pick(rng, FIRST_NAMES);
    if (others.every((o) => distinctGivenNames(name, o))) return name;
  }
}

/**
 * n people in households: one to five members sharing last name, address and (usually) phone; children born
 * 1995–2015, adults 1930–1995; about one household with children in thirty has twins.
 */
export function generatePeople(n: number, seed: number): PersonFields[] {
  const rng = makeRng(seed);
  const people: PersonFields[] = [];
  while (people.length < n) {
    const lastName = pick(rng, LAST_NAMES);
    const { addressLine, postalCode } = randomAddress(rng);
    const phone = rng() < 0.85 ? randomPhone(rng) : null;
    const size = Math.min(n - people.length, pick(rng, [1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5]));
    const names: string[] = [];
    let previousChild: string | null = null;
    for (let i = 0; i < size; i++) {
      const firstName = givenNameUnlike(rng, names);
      names.push(firstName);
      const child = i >= 2 || (i === 1 && rng() < 0.3);
      const twin: boolean = child && previousChild !== null && rng() < 0.08;
      const birthDate: string = twin ? previousChild! : randomDate(rng, child ? 1995 : 1930, child ? 2015 : 1995);
      if (child) previousChild = birthDate;
      people.push({ firstName, lastName, birthDate, phone, addressLine, postalCode });
    }
  }
  return people;
}

const NICKNAMES_OF = new Map<string, string[]>();
for (const [nick, canonical] of NICKNAME_PAIRS)
  NICKNAMES_OF.set(canonical, [...(NICKNAMES_OF.get(canonical) ?? []), nick]);
const SPELLED: Record<string, string> = {
  St: 'Street',
  Street: 'St',
  Ave: 'Avenue',
  Avenue: 'Ave',
  Rd: 'Road',
  Road: 'Rd',
};
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const KEYS = 'qwertyuiopasdfghjklzxcvbnm';
/** One keystroke wrong: a substituted, dropped, doubled or swapped letter (never the first letter). */
export function typo(rng: Rng, name: string): string {
  for (;;) {
    const i = int(rng, 1, name.length - 1);
    const kind = int(rng, 0, 3);
    let out = name;
    if (kind === 0) out = name.slice(0, i) + pick(rng, [...KEYS]) + name.slice(i + 1);
    if (kind === 1 && name.length > 3) out = name.slice(0, i) + name.slice(i + 1);
    if (kind === 2) out = name.slice(0, i) + name[i] + name.slice(i);
    if (kind === 3 && i < name.length - 1) out = name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    if (out.toLowerCase() !== name.toLowerCase()) return out;
  }
}

/** One digit of the date mistyped, still a valid date. */
function dobDigitTypo(rng: Rng, birthDate: string): string | null {
  for (let attempt = 0; attempt < 30; attempt++) {
    const digits = birthDate.replace(/-/g, '');
    const i = pick(rng, [2, 3, 3, 5, 6, 7, 7]);
    const next = digits.slice(0, i) + String(int(rng, 0, 9)) + digits.slice(i + 1);
    const date = `${next.slice(0, 4)}-${next.slice(4, 6)}-${next.slice(6)}`;
    const parsed = new Date(`${date}T00:00:00Z`);
    const valid = !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) && date <= '2025-12-31';
    if (date !== birthDate && valid) return date;
  }
  return null;
}

type ErrorKind = 'typo' | 'swap' | 'nickname' | 'transpose' | 'dobDigit' | 'phone' | 'address' | 'noPhone';
// In the order they are applied: a nickname is of the given name, before any swap moves it.
const KINDS: ErrorKind[] = ['nickname', 'typo', 'swap', 'transpose', 'dobDigit', 'phone', 'address', 'noPhone'];
const CLASH: Partial<Record<ErrorKind, ErrorKind>> = { transpose: 'dobDigit', phone: 'noPhone' };

/** Apply one error to r, or answer null when it does not apply to this person. */
function applyError(rng: Rng, r: PersonFields, kind: ErrorKind): string | null {
  if (kind === 'typo') {
    const field = rng() < 0.5 ? 'firstName' : 'lastName';
    r[field] = typo(rng, r[field]);
    return `typo in ${field}: ${r[field]}`;
  }
  if (kind === 'swap') {
    [r.firstName, r.lastName] = [r.lastName, r.firstName];
    return 'first and last name swapped';
  }
  if (kind === 'nickname') {
    const name = normalizeName(r.firstName);
    const options = NICKNAMES_OF.get(name) ?? canonicalNames(name).slice(1);
    if (!options.length) return null;
    r.firstName = title(pick(rng, options));
    return `nickname: ${r.firstName}`;
  }
  if (kind === 'transpose' || kind === 'dobDigit') {
    const [y, m, d] = r.birthDate.split('-');
    const date =
      kind === 'transpose' ? (Number(d) <= 12 && m !== d ? `${y}-${d}-${m}` : null) : dobDigitTypo(rng, r.birthDate);
    if (!date) return null;
    r.birthDate = date;
    return `${kind === 'transpose' ? 'day and month swapped' : 'date digit mistyped'}: ${date}`;
  }
  if (!r.phone && (kind === 'phone' || kind === 'noPhone')) return null;
  if (kind === 'phone') r.phone = randomPhone(rng);
  if (kind === 'noPhone') r.phone = null;
  if (kind === 'address') Object.assign(r, rng() < 0.6 ? randomAddress(rng) : { addressLine: null, postalCode: null });
  return kind === 'address' ? `address now ${r.addressLine ?? 'missing'}` : `phone now ${r.phone ?? 'missing'}`;
}

/** The same person entered again with one or two realistic errors (at most one in the date of birth). */
export function makeDuplicate(p: PersonFields, rng: Rng): { record: PersonFields; errors: string[] } {
  const record = { ...p };
  const errors: string[] = [];
  const used = new Set<ErrorKind>();
  const wanted = rng() < 0.5 ? 1 : 2;
  while (used.size < wanted) {
    const kind = pick(rng, KINDS);
    if ([...used].some((u) => u === kind || CLASH[u] === kind || CLASH[kind] === u)) continue;
    // Try it on a copy: an error that does not apply to this person (no nickname, no phone) is not used.
    if (applyError(rng, { ...p }, kind)) used.add(kind);
  }
  for (const kind of KINDS) if (used.has(kind)) errors.push(applyError(rng, record, kind)!);
  // Formatting that is not an error: capitals, "Street" for "St".
  if (rng() < 0.1) record.lastName = record.lastName.toUpperCase();
  if (record.addressLine && rng() < 0.3) {
    record.addressLine = record.addressLine.replace(/\b(St|Street|Ave|Avenue|Rd|Road)$/, (s) => SPELLED[s]!);
  }
  return { record, errors };
}

export type Lookalike = 'family' | 'twin' | 'namesake';

/**
 * A new person who resembles p but is someone else: a new household member (same last name, address and
 * phone, different given name and birth date), p's twin, or a namesake elsewhere. `avoid` holds the given
 * names already used in p's household.
 */
export function makeLookalike(p: PersonFields, rng: Rng, kind: Lookalike, avoid: string[]): PersonFields {
  if (kind === 'namesake') {
    return { ...p, ...randomAddress(rng), birthDate: randomDate(rng, 1930, 2015), phone: randomPhone(rng) };
  }
  const firstName = givenNameUnlike(rng, [p.firstName, ...avoid]);
  const birthDate = kind === 'twin' ? p.birthDate : randomDate(rng, 1930, 2015);
  return { ...p, firstName, birthDate };
}
