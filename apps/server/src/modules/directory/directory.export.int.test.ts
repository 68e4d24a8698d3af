import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { type Directory, directoryClient, makeDirectory, qs } from '../../test/directory-fixture.js';
import { auditOf } from '../../test/helpers.js';
import { programs } from '../organizations/organizations.table.js';
import { EXPORT_COLUMNS } from './directory.export.js';

type Client = Awaited<ReturnType<typeof directoryClient>>;
const HEADERS = EXPORT_COLUMNS.map(([h]) => h);

/** RFC 4180 reader: quoted fields with "" escapes, CRLF records (the test's independent check of the writer). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

describe(`directory export on ${testDriver} (MT-15 agencies report as CSV and Excel)`, () => {
  let app: App;
  let database: Database;
  let d: Directory;
  let user: Client;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    d = await makeDirectory(database.db);
    user = await directoryClient(app, d.provider.email);
    // Commas, quotes, a line break and a would-be formula: the CSV must carry them intact and inert.
    await database.db
      .update(programs)
      .set({ eligibility: 'Adults, 18+; "walk-ins" welcome\nno ID needed', hours: '=HYPERLINK("x")' })
      .where(eq(programs.id, d.programs.familyHousing.id));
  });
  afterAll(() => app.close());

  const searchNames = async (filters: Record<string, string>) =>
    (
      (await user.get(`/api/directory/programs?${qs({ ...filters, limit: 200 })}`)).body.items as { name: string }[]
    ).map((e) => e.name);

  for (const filters of [{}, { county: 'Lewis and Clark' }, { insurance: 'medicaid', q: 'family' }] as Record<
    string,
    string
  >[]) {
    it(`MT-15: CSV export equals the search ${JSON.stringify(filters)}`, async () => {
      const { status, res } = await user.get(`/api/directory/programs/export?${qs({ ...filters, format: 'csv' })}`);
      expect(status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="directory-\d{4}-\d{2}-\d{2}[a-z0-9-]*\.csv"$/,
      );
      const text = res.body;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1));
      expect(header).toEqual(HEADERS);
      expect(rows.map((r) => r[0])).toEqual(await searchNames(filters));
      for (const r of rows) expect(r).toHaveLength(HEADERS.length);
    });
  }

  it('MT-15: CSV cells keep commas, quotes and line breaks, and a formula is neutralised', async () => {
    const { res } = await user.get('/api/directory/programs/export?format=csv&q=Family%20Housing%20Help');
    const [header, row] = parseCsv(res.body.slice(1));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('Program')).toBe('Family Housing Help');
    expect(cell('Eligibility')).toBe('Adults, 18+; "walk-ins" welcome\nno ID needed');
    expect(cell('Hours')).toBe(`'=HYPERLINK("x")`);
    expect(cell('Insurance accepted')).toBe('Medicaid');
    expect(cell('Services')).toBe('Help Find Housing');
    expect(cell('Counties')).toBe('Gallatin; Lewis and Clark');
  });

  it('MT-15: the Excel export is a real workbook with the header and the rows of the search', async () => {
    const filters = { region: 'West' };
    const { status, res } = await user.get(`/api/directory/programs/export?${qs({ ...filters, format: 'xlsx' })}`);
    expect(status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="directory-\d{4}-\d{2}-\d{2}-west\.xlsx"$/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Directory')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(HEADERS);
    const names = await searchNames(filters);
    expect(sheet.rowCount).toBe(names.length + 1);
    expect(names.map((_, i) => values(i + 2)[0])).toEqual(names);
    const pantry = values(2 + names.indexOf('Emergency Pantry'));
    expect(pantry[HEADERS.indexOf('Insurance accepted')]).toBe('None required / sliding scale');
    expect(pantry[HEADERS.indexOf('Organization')]).toBe('Helena Food Bank');
  });

  it('MT-15: an export is audited with its filters and row count', async () => {
    await user.get('/api/directory/programs/export?format=csv&service=food&county=Jefferson');
    const entries = (await auditOf(database.db, d.network.id)).filter((e) => e.action === 'directory.export');
    expect(entries.at(-1)).toMatchObject({
      actorUserId: d.provider.id,
      details: { format: 'csv', filters: { service: 'food', county: 'Jefferson' }, rows: 1, truncated: false },
    });
  });

  it('MT-15: the export takes the same filters and refuses the same bad ones', async () => {
    const noFormat = await user.get('/api/directory/programs/export');
    expect(noFormat.status).toBe(400);
    expect(noFormat.body.errors.map((e: { field: string }) => e.field)).toContain('query.format');
    const bad = await user.get('/api/directory/programs/export?format=csv&insurance=gold');
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('query.insurance');
  });
});
