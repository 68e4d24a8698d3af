// MT-7: the pure core of the duplicate check. Blocking keys for the database, and a score that weighs how
// much each field's agreement (or disagreement) says about two records being one person: log-likelihood
// weights in the Fellegi–Sunter manner, summed and squashed to 0..1.
import { canonicalNames } from './clients.nicknames.js';

export interface PersonFields {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** E.164 */
  phone?: string | null;
  addressLine?: string | null;
  postalCode?: string | null;
}

export interface MatchResult {
  /** 0..1 */
  score: number;
  /** Short sentences for the person deciding, strongest first. */
  reasons: string[];
}

/** Lowercase, accents and punctuation gone (O'Brien → obrien, Smith-Jones → smith jones), spaces collapsed. */
export function normalizeName(s: string): string {
  // NFD only when there is something to decompose: this runs for every candidate of every check.
  return (/[^\x20-\x7e]/.test(s) ? s.normalize('NFD').replace(/\p{M}/gu, '') : s)
    .toLowerCase()
    .replace(/['’`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Simplified Metaphone (Philips, 1990): one consonant skeleton per word, '0' for "th". */
export function metaphone(word: string): string {
  let w = word.toUpperCase().replace(/[^A-Z]/g, '');
  if (/^(AE|GN|KN|PN|WR)/.test(w)) w = w.slice(1);
  if (w.startsWith('X')) w = `S${w.slice(1)}`;
  if (w.startsWith('WH')) w = `W${w.slice(2)}`;
  let out = '';
  for (let i = 0; i < w.length; i++) {
    if (w[i] === w[i - 1] && w[i] !== 'C') continue;
    const sound = metaphoneCode(w, i);
    // "Schmidt" → SKMT, not SKMTT: D and T sound alike.
    if (sound && !out.endsWith(sound)) out += sound;
  }
  return out;
}

function vowel(c: string | undefined): boolean {
  return c !== undefined && 'AEIOU'.includes(c);
}

/** The sound of w[i] in context. */
function metaphoneCode(w: string, i: number): string {
  const c = w[i]!;
  const [prev, next, next2] = [w[i - 1], w[i + 1], w[i + 2]];
  const after = w.slice(i + 1, i + 3);
  if (vowel(c)) return i === 0 ? c : '';
  if (c === 'B') return prev === 'M' && i === w.length - 1 ? '' : 'B';
  if (c === 'C') {
    if (next === 'H') return prev === 'S' || next2 === 'R' ? 'K' : 'X';
    if (after === 'IA') return 'X';
    if ('IEY'.includes(next ?? '_')) return prev === 'S' ? '' : 'S';
    return 'K';
  }
  if (c === 'D') return next === 'G' && 'EIY'.includes(next2 ?? '_') ? 'J' : 'T';
  if (c === 'G') {
    if (next === 'H' && i + 2 < w.length && !vowel(next2)) return '';
    if (next === 'N' && (i + 2 === w.length || w.slice(i + 2) === 'ED')) return '';
    return 'EIY'.includes(next ?? '_') && prev !== 'G' ? 'J' : 'K';
  }
  if (c === 'H') return (vowel(prev) && !vowel(next)) || 'CSPTG'.includes(prev ?? '_') ? '' : 'H';
  if (c === 'K') return prev === 'C' ? '' : 'K';
  if (c === 'P') return next === 'H' ? 'F' : 'P';
  if (c === 'S') return next === 'H' || after === 'IO' || after === 'IA' ? 'X' : 'S';
  if (c === 'T') {
    if (after === 'IO' || after === 'IA') return 'X';
    if (next === 'H') return '0';
    return next === 'C' && next2 === 'H' ? '' : 'T';
  }
  if (c === 'W' || c === 'Y') return vowel(next) ? c : '';
  return LETTER_SOUNDS[c] ?? c;
}

const LETTER_SOUNDS: Record<string, string> = { Q: 'K', V: 'F', X: 'KS', Z: 'S' };

const KEY_LENGTH = 4;

/**
 * Blocking keys for the indexed name_keys column (overlap &&): 'n:' + the phonetic code of every word of
 * both names, and of the canonical forms of each given-name word, so nicknames, spelling variants and
 * swapped first/last names still share a key. Short codes keep late typos ("Thompsen") in the block.
 */
export function nameKeys(firstName: string, lastName: string): string[] {
  const words = [
    ...normalizeName(firstName)
      .split(' ')
      .flatMap((w) => canonicalNames(w)),
    ...normalizeName(lastName).split(' '),
  ];
  const codes = words.map((w) => metaphone(w).slice(0, KEY_LENGTH)).filter((c) => c.length > 0);
  return [...new Set(codes)].map((c) => `n:${c}`);
}

/** The date with day and month swapped (1971-11-04 → 1971-04-11), when that is a different valid date. */
export function transposedBirthDate(birthDate: string): string | null {
  // Both parts must be months; every month has at least 12 days, so the swapped date is then valid.
  const m = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|1[0-2])$/.exec(birthDate);
  return m && m[2] !== m[3] ? `${m[1]}-${m[3]}-${m[2]}` : null;
}

/** pg_trgm's trigram set: each alphanumeric word, lowercased, padded with two spaces before and one after. */
export function trigrams(s: string): Set<string> {
  const grams = new Set<string>();
  for (const word of normalizeName(s).split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** pg_trgm's similarity(): shared trigrams over all distinct trigrams. */
export function trigramSimilarity(a: string, b: string): number {
  const [ta, tb] = [trigrams(a), trigrams(b)];
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const g of ta) if (tb.has(g)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** Optimal string alignment distance, capped: a typo is one insertion, deletion, substitution or swap. */
function editDistance(a: string, b: string, cap = 1): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

interface Agreement {
  weight: number;
  reason?: string;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const title = (s: string) => s.replace(/\b[a-z]/g, (c) => c.toUpperCase());

/**
 * One name field, both sides normalized. A full agreement is strong evidence; a different given name is strong
 * evidence against (it is what tells twins and siblings at one address apart), softened by spelling overlap.
 */
function compareName(x: string, y: string, given: boolean, label: string): Agreement {
  if (!x || !y) return { weight: 0 };
  const [bx, by] = [x.replace(/ /g, ''), y.replace(/ /g, '')];
  if (bx === by) return { weight: 6, reason: `Same ${label}` };
  if (given) {
    const cy = canonicalNames(y);
    const common = canonicalNames(x).find((c) => cy.includes(c));
    if (common === x || common === y) {
      const [nick, full] = common === x ? [y, x] : [x, y];
      return { weight: 5, reason: `${title(nick)} is a nickname of ${title(full)}` };
    }
    if (common) return { weight: 5, reason: `${title(x)} and ${title(y)} are both forms of ${title(common)}` };
  }
  const shortest = Math.min(bx.length, by.length);
  if (shortest >= 3 && editDistance(bx, by) <= 1) {
    return { weight: shortest >= 4 ? 4.5 : 3, reason: `${capital(label)}s differ by one letter` };
  }
  const sx = x.split(' ').map(metaphone).join(' ');
  if (sx && sx === y.split(' ').map(metaphone).join(' ')) return { weight: 3.5, reason: 'Names sound alike' };
  const [wx, wy] = [x.split(' '), y.split(' ')];
  // "Mary Ann" / "Mary", "Smith-Jones" / "Smith"; "Chris" / "Christopher".
  if (wx.every((w) => wy.includes(w)) || wy.every((w) => wx.includes(w))) {
    return { weight: 3.5, reason: `One ${label} contains the other` };
  }
  if (shortest >= 3 && (bx.startsWith(by) || by.startsWith(bx))) {
    return { weight: 3, reason: `One ${label} may be short for the other` };
  }
  return { weight: (given ? -6 : -4) + 3 * trigramSimilarity(x, y) };
}

const SWAPPED = 'First and last names swapped';
const total = (as: Agreement[]) => as.reduce((s, a) => s + a.weight, 0);

function compareNames(input: PersonFields, candidate: PersonFields): Agreement[] {
  const [f, l] = [normalizeName(input.firstName), normalizeName(input.lastName)];
  const [cf, cl] = [normalizeName(candidate.firstName), normalizeName(candidate.lastName)];
  const straight = [compareName(f, cf, true, 'first name'), compareName(l, cl, false, 'last name')];
  // A swap is a data-entry error of its own, so it costs a point against reading the names straight. It is
  // tried only when it could win: the straight reading is imperfect and a crossed pair is identical or both
  // keep their initials (this runs for every blocked candidate).
  if (total(straight) >= 11 || !(l === cf || f === cl || (l[0] === cf[0] && f[0] === cl[0]))) return straight;
  const swapped = [
    { weight: -1, reason: SWAPPED },
    compareName(l, cf, true, 'first name'),
    compareName(f, cl, false, 'last name'),
  ];
  return total(swapped) > total(straight) ? swapped : straight;
}

function compareBirthDates(a: string, b: string): Agreement {
  if (a === b) return { weight: 7, reason: 'Same date of birth' };
  if (transposedBirthDate(a) === b) return { weight: 5, reason: 'Day and month of birth swapped' };
  const [da, db] = [a.replace(/-/g, ''), b.replace(/-/g, '')];
  let differing = 0;
  for (let i = 0; i < da.length; i++) if (da[i] !== db[i]) differing++;
  if (da.length === db.length && differing === 1) return { weight: 4, reason: 'Date of birth differs by one digit' };
  if (a.slice(5) === b.slice(5)) return { weight: 1.5, reason: 'Same day and month of birth, different year' };
  return { weight: -6 };
}

const digits = (s: string | null | undefined) => (s ?? '').replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');

/** Address words and the abbreviation they are compared as. */
const STREET_WORDS = new Map(
  [
    'street:st avenue:ave av:ave road:rd drive:dr lane:ln boulevard:blvd court:ct place:pl circle:cir terrace:ter',
    'highway:hwy parkway:pkwy trail:trl north:n south:s east:e west:w apartment:apt unit:apt',
  ]
    .join(' ')
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** An address line compared on its words, with the usual abbreviations (Street → st, North → n). */
export function normalizeAddress(s: string | null | undefined): string {
  return normalizeName((s ?? '').replace(/#/g, ' apt '))
    .split(' ')
    .filter(Boolean)
    .map((w) => STREET_WORDS.get(w) ?? w)
    .join(' ');
}

/** Contact details: agreement is evidence (households share them too), a difference is weak evidence against. */
function compareContact(input: PersonFields, candidate: PersonFields): Agreement[] {
  const out: Agreement[] = [];
  const [pa, pb] = [digits(input.phone), digits(candidate.phone)];
  if (pa && pb) out.push(pa === pb ? { weight: 3, reason: 'Same phone' } : { weight: -1 });
  const [aa, ab] = [normalizeAddress(input.addressLine), normalizeAddress(candidate.addressLine)];
  const [za, zb] = [digits(input.postalCode).slice(0, 5), digits(candidate.postalCode).slice(0, 5)];
  if (aa && ab && aa === ab) out.push({ weight: 2.5, reason: 'Same address' });
  else if (za && zb && za === zb) out.push({ weight: 0.5, reason: 'Same postal code' });
  else if (aa && ab) out.push({ weight: -0.5 });
  return out;
}

/** The summed weight that scores 0.5, and how steeply the score rises around it. */
const MIDPOINT = 14;
const SPREAD = 2;

/**
 * Score at or above which a candidate is shown as a likely duplicate: a summed weight of about 15. Same names
 * and birth date alone (19) pass; a twin at the same home and phone (about 13) and a namesake born another
 * day do not. Tuned with bench/duplicates.ts.
 */
export const DUPLICATE_THRESHOLD = 0.62;

export function scoreMatch(input: PersonFields, candidate: PersonFields): MatchResult {
  const agreements = [
    ...compareNames(input, candidate),
    compareBirthDates(input.birthDate, candidate.birthDate),
    ...compareContact(input, candidate),
  ];
  const total = agreements.reduce((s, a) => s + a.weight, 0);
  const score = 1 / (1 + Math.exp(-(total - MIDPOINT) / SPREAD));
  const reasons = agreements
    .filter((a) => a.reason && a.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .map((a) => a.reason!);
  if (agreements[0]?.reason === SWAPPED) reasons.unshift(SWAPPED);
  return { score: Math.round(score * 1000) / 1000, reasons: [...new Set(reasons)] };
}

/** The Montana guide's own rule: same first name, last name and date of birth, and same phone or address. */
export function exactRuleMatch(input: PersonFields, candidate: PersonFields): boolean {
  const same = (a: string, b: string) => normalizeName(a).replace(/ /g, '') === normalizeName(b).replace(/ /g, '');
  if (!same(input.firstName, candidate.firstName) || !same(input.lastName, candidate.lastName)) return false;
  if (input.birthDate !== candidate.birthDate) return false;
  const phone = digits(input.phone);
  const address = normalizeAddress(input.addressLine);
  return (
    (phone !== '' && phone === digits(candidate.phone)) ||
    (address !== '' && address === normalizeAddress(candidate.addressLine))
  );
}
