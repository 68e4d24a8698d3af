import { CONSENT_VALID_DAYS, INFO_TYPES, SENSITIVE_INFO_TYPES } from '@portico/shared';
import { decodePDFRawStream, PDFArray, PDFDocument, type PDFPage, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { assertPdf, type BlankFormInput, blankConsentPdf, MAX_CONSENT_UPLOAD_BYTES } from './consents.pdf.js';

const programs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `Program ${String(i + 1).padStart(3, '0')}`,
    organizationName: `Organization ${(i % 17) + 1}`,
    address: `${100 + i} Main Street, Helena MT 59601`,
    phone: i % 3 ? '+1 406 555 0142' : null,
  }));

const form = (over: Partial<BlankFormInput> = {}): BlankFormInput => ({
  networkName: 'Big Sky Care Network',
  client: { firstName: 'William', lastName: 'Running Crane', birthDate: '1971-11-04' },
  programs: programs(3),
  infoTypes: Object.values(INFO_TYPES),
  sensitiveTypes: Object.values(SENSITIVE_INFO_TYPES),
  authorizer: { kind: 'client', name: 'William Running Crane', relationship: null },
  validDays: CONSENT_VALID_DAYS,
  generatedAt: new Date('2025-03-01T12:00:00Z'),
  ...over,
});

// WinAnsi differs from Latin-1 only in 0x80–0x9F (Node's TextDecoder ignores that for 'windows-1252').
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = (bytes: Buffer) =>
  [...bytes].map((b) => (b >= 0x80 && b < 0xa0 ? WIN_ANSI_HIGH[b - 0x80] : String.fromCharCode(b))).join('');

/** The strings a page shows: pdf-lib writes each drawn line as one `<hex> Tj` in a Flate content stream. */
function pageText(page: PDFPage): string[] {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents];
  const shown: string[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const ops = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    for (const m of ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) shown.push(winAnsi(Buffer.from(m[1] ?? '', 'hex')));
  }
  return shown;
}

async function rejection(bytes: Buffer): Promise<AppError> {
  const error = await assertPdf(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe('validation');
  expect(appError.fields.map((f) => f.field)).toEqual(['body']);
  return appError;
}

describe('MT-10: the blank consent form staff print for a paper signature', () => {
  it('MT-10: the generated form is a real PDF that passes assertPdf and loads with pdf-lib', async () => {
    const bytes = await blankConsentPdf(form());
    expect(await assertPdf(bytes)).toEqual({ pages: expect.any(Number) });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('Authorization to release information');
    const text = doc.getPages().flatMap(pageText).join('\n');
    expect(text).toContain('William Running Crane');
    expect(text).toContain('1. Program 001 — Organization 1');
    expect(text).toContain('I specifically authorize release of: Mental health');
    expect(text).toContain('valid for one year from the date signed');
    expect(text).toMatch(/revoke it at any time/);
  });

  it('MT-10: without a client, the form prints blank lines to fill in by hand', async () => {
    const doc = await PDFDocument.load(await blankConsentPdf(form({ client: null, authorizer: null })));
    const text = doc.getPages().flatMap(pageText);
    expect(text).toContain('Client name:');
    expect(text).toContain('Date of birth:');
    expect(text).not.toContain('William Running Crane');
    expect(text).toEqual(expect.arrayContaining(['Parent or guardian', 'Power of attorney']));
  });

  it('MT-10: names WinAnsi cannot encode (Zoë Ñúñez 李) do not crash the form', async () => {
    const client = { firstName: 'Zoë', lastName: 'Ñúñez 李', birthDate: '1990-01-02' };
    const odd = [{ name: 'Ōtautahi Ħelp ✓ 🏠', organizationName: 'Ĳssel Łódź', address: 'Rue\tdu\nLac', phone: null }];
    const bytes = await blankConsentPdf(form({ client, programs: odd }));
    const text = (await PDFDocument.load(bytes)).getPages().flatMap(pageText).join('\n');
    expect(text).toContain('Zoë Ñúñez ?');
    expect(text).toContain('Otautahi ?elp ? ?');
    expect(text).toContain('Rue du Lac');
  });
});

describe('MT-15: a region report prints the consent for all of its programs', () => {
  it('MT-15: 250 programs flow over several pages, each with "Page X of Y"', async () => {
    const list = programs(250);
    const bytes = await blankConsentPdf(form({ programs: list }));
    const doc = await PDFDocument.load(bytes);
    const pages = doc.getPages();
    expect(pages.length).toBeGreaterThan(1);
    expect((await assertPdf(bytes)).pages).toBe(pages.length);
    pages.forEach((page, i) => {
      expect(pageText(page)).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const text = pages.flatMap(pageText).join('\n');
    expect(text).toContain(`1. ${list[0]?.name} — `);
    expect(text).toContain(`250. ${list[249]?.name} — `);
    expect(text).toContain(`(${list.length})`);
  });
});

describe('MT-10: an uploaded signed form must really be a PDF', () => {
  it('MT-10: a PNG renamed .pdf is rejected on its content', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
    ]);
    expect((await rejection(png)).message).toMatch(/not a PDF/);
  });

  it('MT-10: a truncated PDF is rejected', async () => {
    const bytes = await blankConsentPdf(form());
    await rejection(bytes.subarray(0, Math.floor(bytes.length / 2)));
  });

  it('MT-10: a file with a PDF header and trailer but no readable pages is rejected', async () => {
    await rejection(Buffer.from('%PDF-1.7\nthis is not really a document\n%%EOF\n'));
  });

  it('MT-10: a file over 10 MB is rejected before it is parsed', async () => {
    const big = Buffer.alloc(MAX_CONSENT_UPLOAD_BYTES + 1, 0x20);
    big.write('%PDF-1.7\n');
    const error = await rejection(big);
    expect(error.fields[0]?.message).toBe('The file is larger than 10 MB.');
    expect(MAX_CONSENT_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
  });

  it('MT-10: an empty file is rejected', async () => {
    await rejection(Buffer.alloc(0));
  });
});
