import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { consentedClient } from '../../test/consented.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
type Pair = Awaited<ReturnType<typeof makeTenantPair>>;

const HOUSING_FORM = [
  {
    key: 'household_size',
    label: 'Household size',
    type: 'number',
    required: true,
    help: 'Everyone living with the client',
  },
  {
    key: 'housing_now',
    label: 'Housing now',
    type: 'single_choice',
    required: true,
    options: ['Own', 'Rent', 'Homeless'],
  },
  {
    key: 'needs',
    label: 'Needs',
    type: 'multiple_choice',
    required: false,
    options: ['Rent help', 'Deposit', 'Utilities'],
  },
  { key: 'move_by', label: 'Must move by', type: 'date', required: false },
  { key: 'veteran', label: 'Veteran', type: 'yes_no', required: true },
  { key: 'notes', label: 'Situation', type: 'long_text', required: false },
];

describe(`program intake forms on ${testDriver} (MT-11)`, () => {
  let app: App;
  let db: Database['db'];
  let t: Pair;
  const c = {} as Record<'a' | 'b' | 'net' | 'provB', string>;

  beforeAll(async () => {
    db = (await testDatabase()).db;
    app = await buildTestApp();
    t = await makeTenantPair(db, 'default');
    const provB = await makeUser(db, [[t.b, ['mt_provider']]]);
    c.a = await signIn(app, t.adminA.email);
    c.b = await signIn(app, t.adminB.email);
    c.net = await signIn(app, t.networkAdmin.email);
    c.provB = await signIn(app, provB.email);
  });
  afterAll(() => app.close());

  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const expectStatus = async (res: Promise<LightMyRequestResponse>, status: number) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json();
  };
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const formUrl = (programId = t.b.id) => `/api/programs/${programId}/intake-form`;
  const save = (fields: object[], cookie = c.b, programId = t.b.id) =>
    call(cookie, 'PUT', formUrl(programId), { fields });

  const consented = async () => (await consentedClient(app, db, c.a, t.a, [t.b.id])).client;
  const startDraft = async (intake?: object) => {
    const client = await consented();
    return expectStatus(call(c.a, 'POST', '/api/referrals', { clientId: client.id, toProgramId: t.b.id, intake }), 201);
  };
  const send = (id: string) => call(c.a, 'POST', `/api/referrals/${id}/send`, { insuranceConfirmed: true });

  it('MT-11: a program without a form asks for nothing beyond Personal info (version 0)', async () => {
    const form = await expectStatus(call(c.a, 'GET', formUrl(t.a.id)), 200);
    expect(form).toMatchObject({ id: null, version: 0, fields: [] });
  });

  it('MT-11: the program administrator saves a form of every field type; saving again unchanged keeps the version', async () => {
    const v1 = await expectStatus(save(HOUSING_FORM), 200);
    expect(v1.version).toBe(1);
    expect(v1.fields.map((f: { type: string }) => f.type)).toEqual([
      'number',
      'single_choice',
      'multiple_choice',
      'date',
      'yes_no',
      'long_text',
    ]);
    expect(v1.fields[0].help).toBe('Everyone living with the client');
    expect((await expectStatus(save(HOUSING_FORM), 200)).version).toBe(1);
    // Another program of the network reads it: its senders fill it.
    expect((await expectStatus(call(c.a, 'GET', formUrl()), 200)).version).toBe(1);
    const saved = (await auditOf(db, t.network.id)).filter(
      (e) => e.action === 'intake_form.saved' && e.entityId === t.b.id,
    );
    expect(saved.length).toBe(1);
  });

  it('MT-11: only the program’s administrators or the network administrator define the form', async () => {
    // another organization's program is not there to edit; a provider of the program may not.
    await expectStatus(save(HOUSING_FORM, c.a), 404);
    await expectStatus(save(HOUSING_FORM, c.provB), 403);
    const before = await expectStatus(call(c.b, 'GET', formUrl()), 200);
    const byNetwork = await expectStatus(
      save([...HOUSING_FORM, { key: 'pets', label: 'Pets', type: 'text', required: false }], c.net),
      200,
    );
    expect(byNetwork.version).toBe(before.version + 1);
    await expectStatus(save(HOUSING_FORM), 200);
  });

  it('MT-11: a wrong definition is refused with the field named, and nothing is saved', async () => {
    const before = await expectStatus(call(c.b, 'GET', formUrl()), 200);
    const dupKey = await expectStatus(save([HOUSING_FORM[0]!, { ...HOUSING_FORM[3]!, key: 'household_size' }]), 400);
    expect(fieldsOf(dupKey)).toEqual(['body.fields.1.key']);
    const oneChoice = await expectStatus(
      save([{ key: 'x', label: 'X', type: 'single_choice', required: false, options: ['Only'] }]),
      400,
    );
    expect(fieldsOf(oneChoice)).toEqual(['body.fields.0.options']);
    const badType = await expectStatus(save([{ key: 'x', label: 'X', type: 'signature', required: false }]), 400);
    expect(badType.detail).toContain('type');
    expect((await expectStatus(call(c.b, 'GET', formUrl()), 200)).version).toBe(before.version);
  });

  it('MT-11: a draft keeps the version it was started with; answers are checked against it, required ones at send', async () => {
    const started = await startDraft({ household_size: 3 });
    const v = await expectStatus(call(c.b, 'GET', formUrl()), 200);
    expect(started.intakeFormId).toBe(v.id);

    // The receiver adds a required field later: this draft is still judged by its own version.
    await expectStatus(
      save([...HOUSING_FORM, { key: 'income', label: 'Monthly income', type: 'number', required: true }]),
      200,
    );
    const version = await expectStatus(call(c.a, 'GET', `/api/intake-forms/${started.intakeFormId}`), 200);
    expect(version.fields.map((f: { key: string }) => f.key)).not.toContain('income');

    const incomplete = await expectStatus(send(started.id), 400);
    expect(fieldsOf(incomplete).sort()).toEqual(['intake.housing_now', 'intake.veteran']);

    const wrong = await expectStatus(
      call(c.a, 'PATCH', `/api/referrals/${started.id}`, {
        intake: { household_size: 'three', housing_now: 'Castle', move_by: '2026-02-30', income: 100 },
      }),
      400,
    );
    expect(fieldsOf(wrong).sort()).toEqual([
      'body.intake.household_size',
      'body.intake.housing_now',
      'body.intake.income',
      'body.intake.move_by',
    ]);
    await expectStatus(
      call(c.a, 'PATCH', `/api/referrals/${started.id}`, {
        intake: { household_size: 3, housing_now: 'Rent', needs: ['Deposit'], veteran: false },
      }),
      200,
    );
    const sent = await expectStatus(send(started.id), 200);
    expect(sent.state).toBe('sent');
    expect(sent.intake).toMatchObject({ housing_now: 'Rent', veteran: false });

    // A draft started now gets the newest version, with the income question.
    const later = await startDraft();
    expect(later.intakeFormId).not.toBe(started.intakeFormId);
  });

  it('MT-11: a draft may be saved incomplete, but what it holds must fit (400 on create, nothing saved)', async () => {
    const client = await consented();
    const bad = await expectStatus(
      call(c.a, 'POST', '/api/referrals', { clientId: client.id, toProgramId: t.b.id, intake: { veteran: 'maybe' } }),
      400,
    );
    expect(fieldsOf(bad)).toEqual(['body.intake.veteran']);
    const list = await expectStatus(call(c.a, 'GET', `/api/clients/${client.id}/referrals`), 200);
    expect(list.items).toEqual([]);
  });

  it('MT-11: two administrators saving at once: one new version each time, never two with one number', async () => {
    const before = (await expectStatus(call(c.b, 'GET', formUrl()), 200)).version as number;
    const results = await Promise.all(
      [1, 2, 3].map((n) => save([{ key: `q${n}`, label: `Question ${n}`, type: 'text', required: false }])),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.every((s) => s === 200 || s === 409)).toBe(true);
    const versions = await expectStatus(call(c.b, 'GET', `${formUrl()}/versions`), 200);
    const numbers = versions.items.map((v: { version: number }) => v.version);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers[0]).toBe(before + codes.filter((s) => s === 200).length);
  });

  it('X-1: another network’s program and form version are not found', async () => {
    const other = await makeTenantPair(db, 'default');
    const otherCookie = await signIn(app, other.adminA.email);
    await expectStatus(call(otherCookie, 'GET', formUrl()), 404);
    await expectStatus(save(HOUSING_FORM, otherCookie), 404);
    const form = await expectStatus(call(c.b, 'GET', formUrl()), 200);
    await expectStatus(call(otherCookie, 'GET', `/api/intake-forms/${form.id}`), 404);
  });
});
