import { SECURITY_PRESETS } from '@portico/shared';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../http/types.js';
import { ManualClock } from '../../platform/clock/clock.js';
import { buildTestApp, signIn, TEST_PASSWORD } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';

// The authenticator-app second factor (TOTP) with 10 single-use recovery codes, chosen by a
// network administrator in the network policy.
describe(`authenticator app second factor on ${testDriver}`, () => {
  let app: App;
  const clock = new ManualClock(new Date('2026-11-25T10:00:00Z'));
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  const epoch = () => Math.floor(clock.now().getTime() / 1000);

  beforeAll(async () => {
    app = await buildTestApp({ clock });
    t = await makeTenantPair((await testDatabase()).db, 'default');
    const admin = await signIn(app, t.networkAdmin.email);
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/network/policy',
      headers: { cookie: admin },
      payload: { security: { ...SECURITY_PRESETS.default, secondFactor: 'totp' } },
    });
    expect(res.statusCode).toBe(200);
  });
  afterAll(() => app.close());

  async function passwordStep(email: string) {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password: TEST_PASSWORD } });
    const cookie = `portico_session=${res.cookies.find((c) => c.name === 'portico_session')?.value}`;
    return { stage: res.json().stage as string | null, cookie };
  }
  const post = (url: string, cookie: string, payload?: object, method: 'POST' | 'PUT' = 'POST') =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('enrols with a QR code and a first code, then asks for the code or a single-use recovery code', async () => {
    const user = await makeUser((await testDatabase()).db, [[t.a, ['mt_provider']]]);
    let { stage, cookie } = await passwordStep(user.email);
    expect(stage).toBe('second_factor_enrolment');
    expect((await app.inject({ method: 'GET', url: '/api/network', headers: { cookie } })).statusCode).toBe(403);

    const setup = (await post('/api/session/totp/setup', cookie)).json();
    expect(setup.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(setup.otpauthUri).toContain('otpauth://totp/');
    const wrong = await post('/api/session/totp', cookie, { code: '000000' }, 'PUT');
    expect(wrong.json().errors[0].field).toBe('body.code');
    const confirmed = await post(
      '/api/session/totp',
      cookie,
      { code: await generate({ secret: setup.secret, epoch: epoch() }) },
      'PUT',
    );
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().stage).toBeNull();
    const codes: string[] = confirmed.json().recoveryCodes;
    expect(new Set(codes).size).toBe(10);

    ({ stage, cookie } = await passwordStep(user.email));
    expect(stage).toBe('second_factor');
    expect((await post('/api/session/totp', cookie, { code: '123456' })).statusCode).toBe(400);
    clock.advance(60_000);
    const ok = await post('/api/session/totp', cookie, {
      code: await generate({ secret: setup.secret, epoch: epoch() }),
    });
    expect(ok.json().stage).toBeNull();
    expect((await app.inject({ method: 'GET', url: '/api/network', headers: { cookie } })).statusCode).toBe(200);

    // RFC 6238 §5.2: a code is good once, even within its 30 seconds.
    const used = await generate({ secret: setup.secret, epoch: epoch() });
    ({ cookie } = await passwordStep(user.email));
    const replay = await post('/api/session/totp', cookie, { code: used });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().errors[0].field).toBe('body.code');

    ({ cookie } = await passwordStep(user.email));
    expect((await post('/api/session/totp', cookie, { code: codes[0]!.toLowerCase() })).json().stage).toBeNull();
    ({ cookie } = await passwordStep(user.email));
    expect((await post('/api/session/totp', cookie, { code: codes[0]! })).statusCode).toBe(400);
  });

  it('only a network administrator edits the policy, and bad values name the field', async () => {
    // Under the TOTP policy the administrator too must enrol before reaching anything else.
    const admin = await passwordStep(t.networkAdmin.email);
    expect(admin.stage).toBe('second_factor_enrolment');
    const held = await app.inject({ method: 'GET', url: '/api/network/policy', headers: { cookie: admin.cookie } });
    expect(held.statusCode).toBe(403);

    const other = await makeTenantPair((await testDatabase()).db, 'default');
    const otherAdmin = await signIn(app, other.networkAdmin.email);
    const bad = await app.inject({
      method: 'PATCH',
      url: '/api/network/policy',
      headers: { cookie: otherAdmin },
      payload: {
        security: { ...SECURITY_PRESETS.default, password: { ...SECURITY_PRESETS.default.password, minLength: 4 } },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.security.password.minLength');
    const provider = await makeUser((await testDatabase()).db, [[other.a, ['mt_gatekeeper']]]);
    const notAdmin = await app.inject({
      method: 'PATCH',
      url: '/api/network/policy',
      headers: { cookie: await signIn(app, provider.email) },
      payload: { userAgreement: { version: 'x', text: 'y' } },
    });
    expect(notAdmin.statusCode).toBe(403);
  });
});
