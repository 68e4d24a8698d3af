import { createHash } from 'node:crypto';
import { CONSENT_VALID_DAYS } from '@portico/shared';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { DAY } from '../../platform/clock/clock.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeClient, makeOrganization, makeProgram, makeTenantPair } from '../../test/factories.js';
import { auditOf, isoDay } from '../../test/helpers.js';
import { MAX_CONSENT_UPLOAD_BYTES } from './consents.pdf.js';

type Method = 'GET' | 'POST' | 'DELETE';

/** A one-page PDF such as a scanner makes, distinguishable by its text. */
async function scan(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.drawText(text, { x: 72, y: 700, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

/** A real 1×1 PNG (pdf-lib embeds it below, which proves it is one). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every line a PDF shows: pdf-lib draws each as a hex string `<…> Tj` in a Flate content stream. */
async function textOf(bytes: Buffer): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
  const shown: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const ops = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      for (const m of ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
        shown.push(Buffer.from(m[1] ?? '', 'hex').toString('latin1'));
    }
  }
  return shown.join('\n');
}

// MT-10 paper: the authorizer signs the printed form; the consent counts only once its scan is uploaded.
describe(`consent signed on paper on ${testDriver} (MT-10)`, () => {
  let app: App;
  let db: Db;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let a: string;
  let b: string;

  beforeAll(async () => {
    db = (await testDatabase()).db;
    app = await buildTestApp();
    t = await makeTenantPair(db, 'default');
    a = await signIn(app, t.adminA.email);
    b = await signIn(app, t.adminB.email);
  });
  afterAll(() => app.close());

  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const upload = (id: string, bytes: Buffer, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'PUT',
      url: `/api/consents/${id}/document`,
      headers: { cookie: a, 'content-type': 'application/pdf', ...headers },
      payload: bytes,
    });
  const fields = (res: { json(): { errors: { field: string }[] } }) => res.json().errors.map((e) => e.field);
  const sees = async (cookie: string, clientId: string) =>
    (await call(cookie, 'GET', `/api/clients/${clientId}`)).statusCode === 200;

  /** A consent naming program B, started by program A. */
  async function pending() {
    const client = await makeClient(db, t.a, { firstName: 'Aiyana' });
    const res = await call(a, 'POST', '/api/consents', {
      clientId: client.id,
      programIds: [t.b.id],
      infoTypes: ['demographics', 'housing'],
      sensitiveTypes: ['mental_health'],
      authorizerKind: 'client',
      authorizerName: `${client.firstName} ${client.lastName}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { client, id: res.json().id as string, signer: `${client.firstName} ${client.lastName}` };
  }

  /** A consent marked signed on paper today, waiting for its scan. */
  async function onPaper() {
    const c = await pending();
    const res = await call(a, 'POST', `/api/consents/${c.id}/paper`, { signerName: c.signer, signedOn: isoDay() });
    expect(res.statusCode, res.body).toBe(200);
    return c;
  }

  it('MT-10: signed on paper, the consent awaits its upload: incomplete, not valid, and the other program still cannot see the client', async () => {
    const c = await pending();
    const stranger = await call(a, 'POST', `/api/consents/${c.id}/paper`, {
      signerName: 'Someone Else',
      signedOn: isoDay(),
    });
    expect(stranger.statusCode).toBe(400);
    expect(fields(stranger)).toEqual(['body.signerName']);
    for (const signedOn of [isoDay(1), isoDay(-3), '2025-02-30', 'yesterday']) {
      const res = await call(a, 'POST', `/api/consents/${c.id}/paper`, { signerName: c.signer, signedOn });
      expect(res.statusCode, signedOn).toBe(400);
      expect(fields(res), signedOn).toEqual(['body.signedOn']);
    }
    expect((await call(a, 'GET', `/api/consents/${c.id}`)).json().status).toBe('pending');

    const res = await call(a, 'POST', `/api/consents/${c.id}/paper`, { signerName: c.signer, signedOn: isoDay() });
    expect(res.statusCode, res.body).toBe(200);
    const signedAt = new Date(`${isoDay()}T12:00:00Z`);
    expect(res.json()).toMatchObject({
      status: 'awaiting_upload',
      complete: false,
      valid: false,
      method: 'paper',
      signerName: c.signer,
      document: null,
      signedAt: signedAt.toISOString(),
      expiresAt: new Date(signedAt.getTime() + CONSENT_VALID_DAYS * DAY).toISOString(),
    });
    expect(await sees(b, c.client.id)).toBe(false);
  });

  it('MT-10: uploading the scanned PDF signs it: complete, valid for a year from the date on the form, with name, size and SHA-256; the other program now sees the client', async () => {
    const c = await onPaper();
    const bytes = await scan(`Signed by ${c.signer}`);
    const res = await upload(c.id, bytes, { 'x-file-name': encodeURIComponent('Aiyana – signed form.pdf') });
    expect(res.statusCode, res.body).toBe(200);
    const signedAt = new Date(`${isoDay()}T12:00:00Z`);
    expect(res.json()).toMatchObject({
      status: 'signed',
      complete: true,
      valid: true,
      expiresAt: new Date(signedAt.getTime() + CONSENT_VALID_DAYS * DAY).toISOString(),
      document: { fileName: 'Aiyana – signed form.pdf', sizeBytes: bytes.length, sha256: sha256(bytes) },
    });
    expect(await sees(b, c.client.id)).toBe(true);
    const read = await call(b, 'GET', `/api/consents/${c.id}/document`);
    expect(read.statusCode, read.body).toBe(200);
    expect(Buffer.compare(read.rawPayload, bytes)).toBe(0);
    // A header carries only Latin-1: the real name travels percent-encoded beside an ASCII fallback.
    expect(read.headers['content-disposition']).toBe(
      `inline; filename="Aiyana  signed form.pdf"; filename*=UTF-8''${encodeURIComponent('Aiyana – signed form.pdf')}`,
    );
    const audit = (await auditOf(db, t.network.id)).filter((e) => e.entityId === c.id).map((e) => e.action);
    expect(audit).toEqual(['consent.create', 'consent.sign', 'consent.document.upload', 'consent.document.view']);
  });

  it('MT-10: only a real PDF up to 10 MB is taken: a PNG named .pdf is 400, too large is 413, another type is 415; nothing is stored', async () => {
    const c = await onPaper();
    await (await PDFDocument.create()).embedPng(PNG);
    const png = await upload(c.id, PNG, { 'x-file-name': 'scan.pdf' });
    expect(png.statusCode).toBe(400);
    expect(fields(png)).toEqual(['body']);

    const huge = Buffer.alloc(MAX_CONSENT_UPLOAD_BYTES + 1, 0x20);
    (await scan('big')).copy(huge);
    expect((await upload(c.id, huge)).statusCode).toBe(413);
    expect((await upload(c.id, PNG, { 'content-type': 'image/png' })).statusCode).toBe(415);

    const after = (await call(a, 'GET', `/api/consents/${c.id}`)).json();
    expect(after).toMatchObject({ status: 'awaiting_upload', complete: false, document: null });
    expect((await call(a, 'GET', `/api/consents/${c.id}/document`)).statusCode).toBe(404);
    expect(await sees(b, c.client.id)).toBe(false);
  });

  it('MT-10: both programs read the same bytes, each view audited; a replacement keeps it signed; deleting returns it to awaiting upload', async () => {
    const c = await onPaper();
    const first = await scan('first scan');
    expect((await upload(c.id, first)).statusCode).toBe(200);
    for (const cookie of [a, b]) {
      const res = await call(cookie, 'GET', `/api/consents/${c.id}/document`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^inline; filename="signed-consent\.pdf"$/);
      expect(Buffer.compare(res.rawPayload, first)).toBe(0);
    }
    const audit = async () => (await auditOf(db, t.network.id)).filter((e) => e.entityId === c.id);
    const views = (await audit()).filter((e) => e.action === 'consent.document.view');
    expect(views.map((e) => e.actorUserId)).toEqual([t.adminA.id, t.adminB.id]);
    expect(views[0]?.details).toMatchObject({ sha256: sha256(first) });

    const second = await scan('second, clearer scan');
    const replaced = await upload(c.id, second, { 'x-file-name': 'clearer.pdf' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({
      status: 'signed',
      complete: true,
      document: { fileName: 'clearer.pdf', sha256: sha256(second), sizeBytes: second.length },
    });
    const read = await call(b, 'GET', `/api/consents/${c.id}/document`);
    expect(Buffer.compare(read.rawPayload, second)).toBe(0);
    expect((await audit()).find((e) => e.action === 'consent.document.replace')?.details).toMatchObject({
      sha256: sha256(second),
    });

    const deleted = await call(a, 'DELETE', `/api/consents/${c.id}/document`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toMatchObject({ status: 'awaiting_upload', complete: false, valid: false, document: null });
    expect(await sees(b, c.client.id)).toBe(false);
    expect((await call(a, 'GET', `/api/consents/${c.id}/document`)).statusCode).toBe(404);
    expect((await audit()).map((e) => e.action).slice(-1)).toEqual(['consent.document.delete']);
    // Only the creating program manages the upload.
    expect((await upload(c.id, second, { cookie: b })).statusCode).toBe(403);
  });

  it('MT-10: the printable form of a consent is a PDF naming the client and its programs, for the program collecting the signature', async () => {
    const c = await pending();
    const res = await call(a, 'GET', `/api/consents/${c.id}/form.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await textOf(res.rawPayload);
    for (const shown of [t.a.name, t.b.name, c.signer, 'Mental health']) expect(text).toContain(shown);
    // It names the client, whom program B may not see before the consent is signed.
    expect((await call(b, 'GET', `/api/consents/${c.id}/form.pdf`)).statusCode).toBe(403);
  });

  it('MT-10 / MT-15: a blank form for chosen programs, or for every program of a region; neither is 400', async () => {
    const chosen = await call(a, 'GET', `/api/consents/blank-form.pdf?programId=${t.a.id}&programId=${t.b.id}`);
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.headers['content-type']).toBe('application/pdf');
    const text = await textOf(chosen.rawPayload);
    expect(text).toContain(t.a.name);
    expect(text).toContain(t.b.name);

    const region = `Region ${Date.now()}`;
    const inRegion = [
      await makeProgram(db, await makeOrganization(db, t.network.id), { regions: ['North', region] }),
      await makeProgram(db, await makeOrganization(db, t.network.id), { regions: [region] }),
      await makeProgram(db, { id: t.a.organizationId, networkId: t.network.id }, { regions: [region] }),
    ];
    const elsewhere = await makeProgram(db, await makeOrganization(db, t.network.id), { regions: ['South'] });
    const other = await makeTenantPair(db, 'default');
    const otherNetwork = await makeProgram(db, await makeOrganization(db, other.network.id), { regions: [region] });
    const res = await call(a, 'GET', `/api/consents/blank-form.pdf?region=${encodeURIComponent(region)}`);
    expect(res.statusCode, res.body).toBe(200);
    const regional = await textOf(res.rawPayload);
    for (const p of inRegion) expect(regional).toContain(p.name);
    expect(regional).toContain(`(${inRegion.length})`);
    expect(regional).not.toContain(elsewhere.name);
    expect(regional).not.toContain(otherNetwork.name);

    const neither = await call(a, 'GET', '/api/consents/blank-form.pdf');
    expect(neither.statusCode).toBe(400);
    expect(fields(neither)).toEqual(['query.programId']);
  });
});
