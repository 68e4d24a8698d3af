import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair } from '../../test/factories.js';

// What the pages need to explain the rules: the factor owed, the rules in words, and whether an
// administrator may send a temporary password (MT-1, NCC-1).
describe(`sign-in facts for the pages on ${testDriver}`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  it('NCC-1: a council user is told the passcode is the second factor, and temporary passwords are allowed', async () => {
    const t = await makeTenantPair((await testDatabase()).db, 'council-payments');
    const cookie = await signIn(app, t.adminA.email);
    expect((await get('/api/session', cookie)).json().secondFactor).toBe('passcode');
    expect((await get('/api/network', cookie)).json().allowTemporaryPassword).toBe(true);
    expect((await get('/api/session/password-rules', cookie)).json().rules).toEqual(
      expect.arrayContaining(['At least 9 characters', 'An upper-case letter', 'At least 2 digits']),
    );
  });

  it('MT-1: the MT rules in words; a default network has no second factor and no temporary passwords', async () => {
    const mt = await makeTenantPair((await testDatabase()).db, 'mt-referral-network');
    const rules = (await get('/api/session/password-rules', await signIn(app, mt.adminA.email))).json().rules;
    expect(rules).toEqual(
      expect.arrayContaining(['At least 8 characters', 'An upper-case letter', 'A lower-case letter', 'A number']),
    );
    const plain = await makeTenantPair((await testDatabase()).db, 'default');
    const cookie = await signIn(app, plain.adminA.email);
    expect((await get('/api/session', cookie)).json().secondFactor).toBeNull();
    expect((await get('/api/network', cookie)).json().allowTemporaryPassword).toBe(false);
  });
});
