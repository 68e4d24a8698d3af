import type { PresetCode, RoleCode } from '@portico/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn, TEST_PASSWORD } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeNetwork, makeOrganization, makeProgram, makeUser, type TestProgram } from '../../test/factories.js';
import { lastMailTo, linkToken } from '../../test/mail.js';
import { getSession, postSignIn, requestReset, userRow } from '../../test/sign-in.js';

type Refusal = [password: (email: string) => string, rule: RegExp];
interface Case {
  preset: PresetCode;
  id: string;
  role: RoleCode;
  refused: Refusal[];
  accepted: string;
  rules: string[];
}
const fixed = (pw: string) => () => pw;
const emailName = (email: string) => `${email.split('@')[0]} Riverstone 42!`;

/** Per preset: passwords refused (with the rule the message must name), one accepted, the rules in words. */
const CASES: Case[] = [
  {
    preset: 'mt-referral-network',
    id: 'MT-1',
    role: 'mt_provider',
    refused: [
      [fixed('Gr8-Tun'), /must be at least 8 characters long \(it has 7\)/],
      [fixed('gr8-tundra'), /must contain an upper-case letter/],
      [fixed('GR8-TUNDRA'), /must contain a lower-case letter/],
      [fixed('Great-Tundra'), /must contain a number/],
      [fixed('Gr8Tundra1'), /must contain a symbol/],
      [fixed('NORWICH26'), /must contain a lower-case letter/],
      [emailName, /must not contain your email name/],
    ],
    accepted: 'Gr8-Tundra',
    rules: [
      'At least 8 characters',
      'An upper-case letter',
      'A lower-case letter',
      'A number',
      'A symbol such as ! # or -',
    ],
  },
  {
    preset: 'council-payments',
    id: 'NCC-1',
    role: 'ncc_read_only',
    refused: [
      [fixed('Norwic26'), /must be at least 9 characters long \(it has 8\)/],
      [fixed('norwich26'), /must contain an upper-case letter/],
      [fixed('Norwich2x'), /must contain at least 2 digits/],
      [fixed('519073846'), /must contain letters/],
      [fixed('Gr8-Tundra'), /must contain at least 2 digits/],
    ],
    accepted: 'NORWICH26',
    rules: ['At least 9 characters', 'An upper-case letter', 'At least 2 digits'],
  },
  {
    preset: 'default',
    id: 'NIST default (MT-1, NCC-1, X-5)',
    role: 'mt_provider',
    refused: [
      [fixed('purpleottermea'), /must be at least 15 characters long \(it has 14\)/],
      [fixed('passwordpassword'), /commonly used or breached/],
      [(email) => `the ${email.split('@')[0]} meadow`, /must not contain your email name/],
      [fixed('Gr8-Tundra'), /must be at least 15 characters long/],
    ],
    accepted: 'purple otter meadow',
    rules: ['At least 15 characters'],
  },
];
const COMMON_RULES = ['Not a commonly used password', 'Not containing your email name'];

describe(`password rules through the API on ${testDriver} (MT-1, NCC-1, NIST default)`, () => {
  let app: App;
  let database: Database;
  const programs = {} as Record<PresetCode, TestProgram>;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    for (const c of CASES) {
      const network = await makeNetwork(database.db, c.preset);
      programs[c.preset] = await makeProgram(database.db, await makeOrganization(database.db, network.id));
    }
  });
  afterAll(() => app.close());

  const change = (cookie: string, currentPassword: string, newPassword: string) =>
    app.inject({
      method: 'PUT',
      url: '/api/session/password',
      headers: { cookie },
      payload: { currentPassword, newPassword },
    });
  const resetToken = async (email: string) => {
    const res = await requestReset(app, email);
    expect(res.statusCode).toBe(202);
    return linkToken((await lastMailTo(database.db, email)).body);
  };

  for (const c of CASES)
    it(`${c.id}: PUT /api/session/password refuses each broken rule with 400 naming body.newPassword (${c.preset})`, async () => {
      const user = await makeUser(database.db, [[programs[c.preset], [c.role]]]);
      const cookie = await signIn(app, user.email);
      const before = (await userRow(database.db, user.id)).passwordHash;
      for (const [make, rule] of c.refused) {
        const res = await change(cookie, TEST_PASSWORD, make(user.email));
        expect(res.statusCode, `${c.id} ${make(user.email)}`).toBe(400);
        const body = res.json();
        expect(body.code).toBe('validation');
        expect(body.detail).toMatch(rule);
        expect(body.errors.length).toBeGreaterThan(0);
        for (const e of body.errors) expect(e.field).toBe('body.newPassword');
        expect(body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(rule);
      }
      expect((await userRow(database.db, user.id)).passwordHash).toBe(before);
    });

  for (const c of CASES)
    it(`${c.id}: a password that meets the rules is accepted; the old one stops working (${c.preset})`, async () => {
      const user = await makeUser(database.db, [[programs[c.preset], [c.role]]]);
      const cookie = await signIn(app, user.email);
      const res = await change(cookie, TEST_PASSWORD, c.accepted);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ stage: null });
      expect((await getSession(app, cookie)).statusCode).toBe(200);
      expect((await postSignIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await postSignIn(app, user.email, c.accepted)).statusCode).toBe(200);
    });

  for (const c of CASES)
    it(`${c.id}: POST /api/password (link) refuses with 400 naming body.password, and the link stays usable (${c.preset})`, async () => {
      const user = await makeUser(database.db, [[programs[c.preset], [c.role]]]);
      const token = await resetToken(user.email);
      const info = await app.inject({ method: 'GET', url: `/api/password/token?token=${token}` });
      expect(info.statusCode).toBe(200);
      expect(info.json()).toEqual({ email: user.email, kind: 'reset', rules: [...c.rules, ...COMMON_RULES] });
      for (const [make, rule] of c.refused) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/password',
          payload: { token, password: make(user.email) },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(
          expect.arrayContaining(['body.password']),
        );
        expect(res.json().detail).toMatch(rule);
      }
      const ok = await app.inject({ method: 'POST', url: '/api/password', payload: { token, password: c.accepted } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ email: user.email });
      expect((await postSignIn(app, user.email, c.accepted)).statusCode).toBe(200);
    });

  it('X-5: a wrong current password answers 400 naming body.currentPassword; reusing it, body.newPassword', async () => {
    const user = await makeUser(database.db, [[programs['mt-referral-network'], ['mt_provider']]]);
    const cookie = await signIn(app, user.email);
    const wrong = await change(cookie, 'Not-my-password-1', 'Gr8-Tundra');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'body.currentPassword', message: 'is not your current password' }]);
    const same = await change(cookie, TEST_PASSWORD, TEST_PASSWORD);
    expect(same.statusCode).toBe(400);
    expect(same.json().errors).toEqual([
      { field: 'body.newPassword', message: 'must differ from the current password' },
    ]);
    const missing = await app.inject({
      method: 'PUT',
      url: '/api/session/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('body.newPassword');
  });

  it('MT-1: changing the password ends the user’s other sessions and keeps this one', async () => {
    const user = await makeUser(database.db, [[programs['mt-referral-network'], ['mt_provider']]]);
    const elsewhere = await signIn(app, user.email);
    const here = await signIn(app, user.email);
    expect((await change(here, TEST_PASSWORD, 'Gr8-Tundra')).statusCode).toBe(200);
    expect((await getSession(app, elsewhere)).statusCode).toBe(401);
    expect((await getSession(app, here)).statusCode).toBe(200);
  });

  it('MT-1 + NCC-1: a user in an MT and an NCC network must meet both rule sets', async () => {
    const user = await makeUser(database.db, [
      [programs['mt-referral-network'], ['mt_provider']],
      [programs['council-payments'], ['ncc_read_only']],
    ]);
    const cookie = await signIn(app, user.email);
    const nccOnly = await change(cookie, TEST_PASSWORD, 'NORWICH26');
    expect(nccOnly.statusCode).toBe(400);
    expect(nccOnly.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'must contain a lower-case letter',
      'must contain a symbol such as ! # or -',
    ]);
    const mtOnly = await change(cookie, TEST_PASSWORD, 'Gr8-Tundra');
    expect(mtOnly.statusCode).toBe(400);
    expect(mtOnly.json().errors).toEqual([{ field: 'body.newPassword', message: 'must contain at least 2 digits' }]);
    const both = await change(cookie, TEST_PASSWORD, 'Gr8-Tundra9');
    expect(both.statusCode).toBe(200);
    // The NCC network's second factor applies too: the next sign-in asks for the passcode.
    const next = await postSignIn(app, user.email, 'Gr8-Tundra9');
    expect(next.statusCode).toBe(200);
    expect(next.json().stage).toBe('second_factor');
  });
});
