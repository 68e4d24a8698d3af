// MT-7 duplicate-check quality: `npx tsx bench/duplicates.ts`. A synthetic network of clients, planted
// duplicates (one or two data-entry errors each) and new people, some of whom are look-alikes (a new
// household member, a twin, a namesake). Blocking mirrors clients.duplicates.ts's SQL; the top-scored
// candidate at or above the threshold is the prediction. Pure JS, no database; VERBOSE=1 also prints a few
// missed duplicates and false alarms.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  DUPLICATE_THRESHOLD,
  exactRuleMatch,
  nameKeys,
  type PersonFields,
  scoreMatch,
  transposedBirthDate,
  trigrams,
} from '../apps/server/src/modules/clients/clients.match.js';
import { generatePeople, type Lookalike, makeDuplicate, makeLookalike, makeRng, pick } from './clients-synthetic.js';
import { ms } from './stats.js';

/** pg_trgm's default similarity_threshold, which the SQL's `%` uses. */
const TRIGRAM_THRESHOLD = 0.3;
/** The SQL's LIMIT on blocked rows (clients.duplicates.ts). */
const SQL_BLOCK_LIMIT = 200;

export interface Figures {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface DuplicateEvaluation {
  people: number;
  duplicates: number;
  newPeople: number;
  lookalikes: number;
  scoreMatch: Figures;
  exactRule: Figures;
  blocking: { meanCandidates: number; maxCandidates: number; overSqlLimit: number; truthBlocked: number };
  /** scoreMatch when only the first SQL_BLOCK_LIMIT blocked rows in table order are scored, as the SQL's LIMIT does. */
  scoreMatchWithinSqlLimit: Figures;
  setupMs: number;
  queryMs: number;
  /** A few missed duplicates and false alarms, for whoever tunes the weights. */
  misses: string[];
  falseAlarms: string[];
}

const fullName = (p: PersonFields) => `${p.firstName} ${p.lastName}`;

/** In-memory stand-ins for the indexes the SQL blocks on: birth date, phone, name keys (GIN) and trigrams. */
function buildBlocks(people: PersonFields[]) {
  const add = (map: Map<string, number[]>, key: string | null | undefined, i: number) => {
    if (key) map.set(key, [...(map.get(key) ?? []), i]);
  };
  const [byDate, byPhone, byKey, byTrigram] = [new Map(), new Map(), new Map(), new Map()] as Map<string, number[]>[];
  const trigramCount: number[] = [];
  people.forEach((p, i) => {
    add(byDate!, p.birthDate, i);
    add(byPhone!, p.phone, i);
    for (const k of nameKeys(p.firstName, p.lastName)) add(byKey!, k, i);
    const grams = trigrams(fullName(p));
    trigramCount.push(grams.size);
    for (const g of grams) add(byTrigram!, g, i);
  });
  return (q: PersonFields): Set<number> => {
    const found = new Set<number>();
    const take = (ids: number[] | undefined) => {
      for (const i of ids ?? []) found.add(i);
    };
    take(byDate!.get(q.birthDate));
    take(byDate!.get(transposedBirthDate(q.birthDate) ?? ''));
    if (q.phone) take(byPhone!.get(q.phone));
    for (const k of nameKeys(q.firstName, q.lastName)) take(byKey!.get(k));
    // `full_name % input` over the whole table, exactly: count shared trigrams through an inverted index.
    const grams = trigrams(fullName(q));
    const shared = new Map<number, number>();
    for (const g of grams) for (const i of byTrigram!.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    for (const [i, n] of shared) if (n / (grams.size + trigramCount[i]! - n) >= TRIGRAM_THRESHOLD) found.add(i);
    return found;
  };
}

export interface Query {
  record: PersonFields;
  /** Index of the person this duplicates; null for a new person. */
  truth: number | null;
  note: string;
}

export function makeQueries(people: PersonFields[], duplicates: number, newPeople: number, seed: number): Query[] {
  const rng = makeRng(seed + 1);
  const queries: Query[] = [];
  for (let d = 0; d < duplicates; d++) {
    const truth = Math.floor(rng() * people.length);
    const { record, errors } = makeDuplicate(people[truth]!, rng);
    queries.push({ record, truth, note: errors.join('; ') });
  }
  const households = new Map<string, string[]>();
  for (const p of people) {
    const key = `${p.lastName}|${p.addressLine}`;
    households.set(key, [...(households.get(key) ?? []), p.firstName]);
  }
  // Half the new people are strangers, half look like someone already known.
  const strangers = generatePeople(Math.ceil(newPeople / 2), seed + 2);
  for (const record of strangers) queries.push({ record, truth: null, note: 'new person' });
  const kinds: Lookalike[] = ['family', 'family', 'twin', 'twin', 'namesake'];
  for (let i = strangers.length; i < newPeople; i++) {
    const p = people[Math.floor(rng() * people.length)]!;
    const kind = pick(rng, kinds);
    const record = makeLookalike(p, rng, kind, households.get(`${p.lastName}|${p.addressLine}`) ?? []);
    queries.push({ record, truth: null, note: `${kind} of ${fullName(p)} ${p.birthDate}` });
  }
  return queries;
}

export function figures(tp: number, fp: number, fn: number): Figures {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
  };
}

export const show = (p: PersonFields) =>
  `${fullName(p)} ${p.birthDate} ${p.phone ?? '-'} ${p.addressLine ?? '-'} ${p.postalCode ?? ''}`.trim();

export function evaluateDuplicates({ people = 10_000, duplicates = 2_000, newPeople = 2_000, seed = 20260 } = {}) {
  const setupStart = performance.now();
  const known = generatePeople(people, seed);
  const candidatesOf = buildBlocks(known);
  const queries = makeQueries(known, duplicates, newPeople, seed);
  const setupMs = performance.now() - setupStart;

  const score = { tp: 0, fp: 0, fn: 0 };
  const limited = { tp: 0, fp: 0, fn: 0 };
  const exact = { tp: 0, fp: 0, fn: 0 };
  const blocking = { total: 0, maxCandidates: 0, overSqlLimit: 0, truthBlocked: 0 };
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  const tally = (t: typeof score, predicted: number | null, truth: number | null) => {
    if (predicted !== null && predicted === truth) t.tp++;
    else {
      if (predicted !== null) t.fp++;
      if (truth !== null) t.fn++;
    }
  };
  const queryStart = performance.now();
  for (const q of queries) {
    // Ascending ids stand for table order, which is what an unordered LIMIT returns first.
    const candidates = [...candidatesOf(q.record)].sort((a, b) => a - b);
    blocking.total += candidates.length;
    blocking.maxCandidates = Math.max(blocking.maxCandidates, candidates.length);
    if (candidates.length > SQL_BLOCK_LIMIT) blocking.overSqlLimit++;
    if (q.truth !== null && candidates.includes(q.truth)) blocking.truthBlocked++;
    type Best = { i: number; score: number } | null;
    let best: Best = null;
    let bestLimited: Best = null;
    for (let rank = 0; rank < candidates.length; rank++) {
      const i = candidates[rank]!;
      const s = scoreMatch(q.record, known[i]!).score;
      if (s >= DUPLICATE_THRESHOLD && (!best || s > best.score)) best = { i, score: s };
      if (rank < SQL_BLOCK_LIMIT) bestLimited = best;
    }
    const predicted = best?.i ?? null;
    tally(score, predicted, q.truth);
    tally(limited, bestLimited?.i ?? null, q.truth);
    tally(exact, candidates.find((i) => exactRuleMatch(q.record, known[i]!)) ?? null, q.truth);
    if (q.truth !== null && predicted !== q.truth && misses.length < 10) {
      const s = scoreMatch(q.record, known[q.truth]!);
      misses.push(`${q.note} | ${show(q.record)} ~ ${show(known[q.truth]!)} | ${s.score} ${s.reasons.join(', ')}`);
    }
    if (predicted !== null && predicted !== q.truth && falseAlarms.length < 10) {
      const s = scoreMatch(q.record, known[predicted]!);
      falseAlarms.push(
        `${q.note} | ${show(q.record)} ~ ${show(known[predicted]!)} | ${s.score} ${s.reasons.join(', ')}`,
      );
    }
  }
  return {
    people,
    duplicates,
    newPeople,
    lookalikes: queries.filter((q) => q.truth === null && q.note !== 'new person').length,
    scoreMatch: figures(score.tp, score.fp, score.fn),
    exactRule: figures(exact.tp, exact.fp, exact.fn),
    scoreMatchWithinSqlLimit: figures(limited.tp, limited.fp, limited.fn),
    blocking: {
      meanCandidates: blocking.total / queries.length,
      maxCandidates: blocking.maxCandidates,
      overSqlLimit: blocking.overSqlLimit,
      truthBlocked: duplicates ? blocking.truthBlocked / duplicates : 1,
    },
    setupMs,
    queryMs: performance.now() - queryStart,
    misses,
    falseAlarms,
  } satisfies DuplicateEvaluation;
}

/** Prints the figures (for `npm run bench` too). */
export function duplicatesBench(options?: Parameters<typeof evaluateDuplicates>[0]) {
  const r = evaluateDuplicates(options);
  const row = (name: string, f: Figures) =>
    `${name.padEnd(24)} ${f.precision.toFixed(3).padStart(9)} ${f.recall.toFixed(3).padStart(7)} ${String(f.truePositives).padStart(6)} ${String(f.falsePositives).padStart(5)} ${String(f.falseNegatives).padStart(5)}`;
  console.log(
    `\nMT-7 duplicate check: ${r.people} people, ${r.duplicates} planted duplicates, ${r.newPeople} new people (${r.lookalikes} look-alikes: household members, twins, namesakes)`,
  );
  console.log(`${'matcher'.padEnd(24)} precision  recall     TP    FP    FN`);
  console.log(row(`scoreMatch (≥ ${DUPLICATE_THRESHOLD})`, r.scoreMatch));
  console.log(row('exactRuleMatch (guide)', r.exactRule));
  console.log(row(`scoreMatch, LIMIT ${SQL_BLOCK_LIMIT}`, r.scoreMatchWithinSqlLimit));
  const b = r.blocking;
  console.log(
    `blocking: ${b.meanCandidates.toFixed(1)} candidates per query on average, at most ${b.maxCandidates}; ${b.overSqlLimit} queries over the SQL's LIMIT ${SQL_BLOCK_LIMIT}; the true record blocked for ${(100 * b.truthBlocked).toFixed(1)}% of duplicates`,
  );
  const queries = r.duplicates + r.newPeople;
  console.log(
    `runtime: generate and index ${ms(r.setupMs)}; ${queries} queries in ${ms(r.queryMs)} (${ms(r.queryMs / queries)} each)`,
  );
  if (process.env.VERBOSE) for (const line of [...r.misses, ...r.falseAlarms]) console.log(`  ${line}`);
  return r;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) duplicatesBench();
