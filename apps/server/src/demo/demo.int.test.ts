import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  checkIntakeAnswers,
  checkIntakeDefinition,
  OPEN_REFERRAL_STATES,
  PRESET_CODES,
  type ReferralState,
  type RoleCode,
} from '@portico/shared';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { type Database, openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { changeRequests } from '../modules/change-requests/change-requests.table.js';
import { findDuplicates } from '../modules/clients/clients.duplicates.js';
import { clients } from '../modules/clients/clients.table.js';
import { consentDocuments, consentPrograms, consents } from '../modules/consents/consents.table.js';
import { users } from '../modules/identity/identity.table.js';
import { intakeForms } from '../modules/intake-forms/intake-forms.table.js';
import { memberships } from '../modules/memberships/memberships.table.js';
import { networks } from '../modules/networks/networks.table.js';
import { organizations, programs } from '../modules/organizations/organizations.table.js';
import { isStale } from '../modules/referrals/referrals.rules.js';
import { referralEvents, referralNotes, referrals } from '../modules/referrals/referrals.table.js';
import { registrations } from '../modules/registrations/registrations.table.js';
import { signIn, testDeps } from '../test/app.js';
import { DEMO_NEAR_DUPLICATES, demoClient } from './clients.demo.js';
import { demoSignInRows, seedDemoIfEmpty } from './seed.js';

const PASSWORD = 'x-Demo-pass-1';

// The demo seeds a fresh embedded database of its own: it needs an empty one.
describe('demo data', () => {
  let database: Database;
  let seeded: string;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    seeded = await seedDemoIfEmpty(database.db, PASSWORD);
  });
  afterAll(() => database.close());

  const countOf = async (table: typeof networks | typeof users | typeof clients) =>
    Number((await database.db.select({ n: count() }).from(table))[0]?.n);

  it('creates one network per preset', async () => {
    expect(seeded).toBe('seeded');
    const nets = await database.db.select().from(networks);
    expect(nets.map((n) => n.preset).sort()).toEqual([...PRESET_CODES].sort());
  });

  it('gives each network at least three organizations besides the network office', async () => {
    for (const net of await database.db.select().from(networks)) {
      const orgs = await database.db.select().from(organizations).where(eq(organizations.networkId, net.id));
      expect(orgs.length - 1, net.preset).toBeGreaterThanOrEqual(3);
    }
  });

  it('has a user for every role each preset offers', async () => {
    for (const net of await database.db.select().from(networks)) {
      const rows = await database.db
        .select({ roles: memberships.roles })
        .from(memberships)
        .where(eq(memberships.networkId, net.id));
      const held = new Set<RoleCode>(rows.flatMap((r) => r.roles));
      for (const role of net.policy.roles) expect(held.has(role), `${net.preset}: ${role}`).toBe(true);
    }
  });

  it('MT-7: the planted near-duplicates are found by the duplicate check in every network', async () => {
    for (const net of await database.db.select().from(networks)) {
      for (const dup of DEMO_NEAR_DUPLICATES) {
        const original = demoClient(dup.of, ['any']);
        const found = await findDuplicates(database.db, net.id, { ...original, ...dup.change });
        const names = found.map((c) => `${c.client.firstName} ${c.client.lastName} ${c.client.birthDate}`);
        expect(names, net.preset).toContain(`${original.firstName} ${original.lastName} ${original.birthDate}`);
      }
    }
  });

  it('MT-5: has a user in two programs of different organizations', async () => {
    const rows = await database.db.select().from(memberships);
    const orgsByUser = new Map<string, Set<string>>();
    for (const m of rows) orgsByUser.set(m.userId, (orgsByUser.get(m.userId) ?? new Set()).add(m.organizationId));
    expect([...orgsByUser.values()].some((orgs) => orgs.size >= 2)).toBe(true);
  });

  it('has at least 24 clients, spread over every network', async () => {
    expect(await countOf(clients)).toBeGreaterThanOrEqual(24);
    const perNetwork = await database.db
      .select({ networkId: clients.networkId, n: count() })
      .from(clients)
      .groupBy(clients.networkId);
    expect(perNetwork).toHaveLength(PRESET_CODES.length);
  });

  it('MT-9/MT-10: every network has consents in every state, by every method, naming programs of several organizations', async () => {
    for (const net of await database.db.select().from(networks)) {
      const rows = await database.db.select().from(consents).where(eq(consents.networkId, net.id));
      expect(new Set(rows.map((r) => r.status)), net.preset).toEqual(
        new Set(['signed', 'pending', 'awaiting_upload', 'expired', 'revoked']),
      );
      const signed = rows.filter((r) => r.status === 'signed');
      expect(new Set(signed.map((r) => r.method)), net.preset).toEqual(new Set(['esign', 'sms', 'paper']));
      const named = await database.db.select().from(consentPrograms).where(eq(consentPrograms.networkId, net.id));
      expect(new Set(named.map((p) => p.organizationId)).size, net.preset).toBeGreaterThanOrEqual(3);
      const paper = signed.find((r) => r.method === 'paper')!;
      const [doc] = await database.db.select().from(consentDocuments).where(eq(consentDocuments.consentId, paper.id));
      expect(doc?.content.subarray(0, 5).toString(), net.preset).toBe('%PDF-');
    }
  });

  it('MT-11..MT-16: every network has referrals in every state, with timelines and notes', async () => {
    const now = new Date();
    const db = database.db;
    for (const net of await db.select().from(networks)) {
      const rows = await db.select().from(referrals).where(eq(referrals.networkId, net.id));
      expect(new Set(rows.map((r) => r.state)), net.preset).toEqual(
        new Set(['draft', 'sent', 'assigned', 'refused', 'closed']),
      );
      expect(
        rows.some((r) => r.serviceStatus === 'enrolled'),
        net.preset,
      ).toBe(true);
      expect(rows.find((r) => r.state === 'refused')?.refusalReason, net.preset).toBeTruthy();
      // MT-16: exactly one is stale (sent four business days ago, never acknowledged).
      expect(
        rows.filter((r) => isStale(r, now)).map((r) => r.state),
        net.preset,
      ).toEqual(['sent']);
      // MT-11: one open referral per client and program.
      const open = rows.filter((r) => OPEN_REFERRAL_STATES.includes(r.state as ReferralState));
      expect(new Set(open.map((r) => `${r.clientId}:${r.toProgramId}`)).size, net.preset).toBe(open.length);
      const members = await db.select().from(memberships).where(eq(memberships.networkId, net.id));
      const admins = new Set(members.filter((m) => m.roles.includes('network_admin')).map((m) => m.userId));
      const memberOf = (userId: string | null, programId: string | null) =>
        admins.has(userId ?? '') || members.some((m) => m.userId === userId && m.programId === programId);
      for (const r of rows) {
        const [consent] = await db.select().from(consents).where(eq(consents.id, r.consentId));
        expect(consent?.status, net.preset).toBe('signed');
        expect(consent!.expiresAt!.getTime(), net.preset).toBeGreaterThan(now.getTime());
        const named = await db.select().from(consentPrograms).where(eq(consentPrograms.consentId, r.consentId));
        expect(
          named.map((p) => p.programId),
          net.preset,
        ).toEqual(expect.arrayContaining([r.fromProgramId, r.toProgramId]));
        expect(r.organizationId, net.preset).not.toBe(r.toOrganizationId);
        const events = await db
          .select()
          .from(referralEvents)
          .where(eq(referralEvents.referralId, r.id))
          .orderBy(asc(referralEvents.at));
        const kinds = events.map((e) => e.kind);
        expect(kinds.slice(0, r.state === 'draft' ? 1 : 2), `${net.preset} ${r.state}`).toEqual(
          r.state === 'draft' ? ['created'] : ['created', 'sent'],
        );
        if (r.assignedTo) expect(kinds, net.preset).toContain('assigned');
        if (r.state === 'refused') expect(kinds, net.preset).toContain('refused');
        if (r.state === 'closed') expect(kinds, net.preset).toContain('status');
        for (const e of events) expect(memberOf(e.actorId, e.programId), `${net.preset} ${e.kind}`).toBe(true);
        expect(r.lastActivityAt.getTime(), net.preset).toBeGreaterThanOrEqual(
          Math.max(...events.map((e) => e.at.getTime())),
        );
      }
      const notes = await db.select().from(referralNotes).where(eq(referralNotes.networkId, net.id));
      expect(new Set(notes.map((n) => n.shared)), net.preset).toEqual(new Set([true, false]));
      for (const n of notes) expect([n.contactMethod, n.outcome].every(Boolean), net.preset).toBe(true);
    }
    // Riverside's gatekeeper and provider have each sent work and received some.
    const [riverside] = await db.select().from(networks).where(eq(networks.preset, 'default'));
    const rows = await db.select().from(referrals).where(eq(referrals.networkId, riverside!.id));
    const people = await db
      .select({ id: users.id, email: users.email, programId: memberships.programId })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(
        and(
          eq(memberships.networkId, riverside!.id),
          inArray(users.email, ['gatekeeper@default.demo.test', 'provider@default.demo.test']),
        ),
      );
    for (const u of people) {
      expect(
        rows.some((r) => r.createdBy === u.id),
        `${u.email} sent`,
      ).toBe(true);
      const received = rows.filter((r) => r.state !== 'draft' && r.toProgramId === u.programId);
      expect(received.length, `${u.email} received`).toBeGreaterThan(0);
      if (u.email.startsWith('provider'))
        expect(
          received.some((r) => r.assignedTo === u.id),
          u.email,
        ).toBe(true);
    }
  });

  it('MT-11: every network has programs with and without an intake form; sent referrals answer theirs in full', async () => {
    const db = database.db;
    for (const net of await db.select().from(networks)) {
      const forms = await db.select().from(intakeForms).where(eq(intakeForms.networkId, net.id));
      const programCount = (await db.select().from(programs).where(eq(programs.networkId, net.id))).length;
      expect(forms.length, net.preset).toBeGreaterThan(0);
      expect(forms.length, net.preset).toBeLessThan(programCount);
      for (const f of forms) expect(checkIntakeDefinition(f.fields), net.preset).toEqual([]);
      const rows = await db.select().from(referrals).where(eq(referrals.networkId, net.id));
      for (const r of rows) {
        const form = forms.find((f) => f.programId === r.toProgramId);
        expect(r.intakeFormId, net.preset).toBe(form?.id ?? null);
        const problems = checkIntakeAnswers(form?.fields ?? [], r.intake, { complete: r.state !== 'draft' });
        expect(problems, `${net.preset} ${r.state}`).toEqual([]);
      }
    }
  });

  it('a second call finds the data present and creates nothing', async () => {
    const before = [await countOf(networks), await countOf(users), await countOf(clients)];
    expect(await seedDemoIfEmpty(database.db, PASSWORD)).toBe('present');
    expect([await countOf(networks), await countOf(users), await countOf(clients)]).toEqual(before);
  });

  it('demo users sign in with the demo password', async () => {
    const app = await buildApp(await testDeps({ database }));
    await app.ready();
    try {
      for (const email of [
        'admin@mt.demo.test',
        'multi@mt.demo.test',
        'coordinator@nd.demo.test',
        'readonly@ncc.demo.test',
      ]) {
        const cookie = await signIn(app, email, PASSWORD);
        const res = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
        expect(res.json().user.email).toBe(email);
      }
      // And every demo row names a user who exists.
      const emails = new Set((await database.db.select({ email: users.email }).from(users)).map((u) => u.email));
      for (const [email] of demoSignInRows()) expect(emails.has(email!), email).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('MT-4: the MT network has an agency agreement, most programs signed, one due within 30 days and one unsigned', async () => {
    const [mt] = await database.db.select().from(networks).where(eq(networks.preset, 'mt-referral-network'));
    const progs = await database.db.select().from(programs).where(eq(programs.networkId, mt!.id));
    const left = progs.map((p) =>
      p.agreementValidUntil ? (p.agreementValidUntil.getTime() - Date.now()) / 86_400_000 : null,
    );
    expect(left.filter((d) => d === null)).toHaveLength(1);
    expect(left.filter((d) => d !== null && d > 0 && d <= 30)).toHaveLength(1);
    expect(left.filter((d) => d !== null && d > 30).length).toBeGreaterThanOrEqual(3);
  });

  it('NCC-5 / CS-1: the council has a pending and an accepted change request; the health plan a pending registration', async () => {
    const [ncc] = await database.db.select().from(networks).where(eq(networks.preset, 'council-payments'));
    const requests = await database.db.select().from(changeRequests).where(eq(changeRequests.networkId, ncc!.id));
    expect(requests.map((r) => r.status).sort()).toEqual(['accepted', 'pending']);
    const [hp] = await database.db.select().from(networks).where(eq(networks.preset, 'health-plan'));
    const apps = await database.db.select().from(registrations).where(eq(registrations.networkId, hp!.id));
    expect(apps.map((r) => [r.status, r.taxId, r.zip])).toEqual([['pending', '912345678', '98501-1234']]);
  });

  it("README's Demo sign-ins table equals the demo data", () => {
    const readme = path.resolve(import.meta.dirname, '../../../../README.md');
    expect(existsSync(readme), 'README.md at the repository root').toBe(true);
    const text = readFileSync(readme, 'utf8');
    const at = text.search(/^#+ .*Demo sign-ins/im);
    expect(at, 'a "Demo sign-ins" heading').toBeGreaterThanOrEqual(0);
    const rest = text.slice(at);
    const body = rest.slice(rest.indexOf('\n') + 1);
    const next = body.search(/^#/m);
    const section = next >= 0 ? body.slice(0, next) : body;
    const tableLines = section.split('\n').filter((l) => l.trim().startsWith('|'));
    const rows = tableLines
      .map((l) =>
        l
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => c.trim().replace(/^`|`$/g, '')),
      )
      .filter((cells) => !cells.every((c) => /^:?-+:?$/.test(c)));
    expect(rows.slice(1)).toEqual(demoSignInRows());
  });
});
