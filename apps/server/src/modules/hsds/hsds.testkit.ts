import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { App } from '../../http/types.js';
import type { HsdsFile } from './hsds.parse.js';

/** Test support for the HSDS tests: the Open Referral fixtures, the HSDS schemas in ajv, import-and-wait. */
const dir = new URL('./fixtures/', import.meta.url);

export const fixture = (path: string): HsdsFile => ({
  name: path.split('/').pop()!,
  content: readFileSync(new URL(path, dir), 'utf8'),
});
export const fixtureJson = (path: string) => JSON.parse(fixture(path).content) as Record<string, unknown>;
/** The csv/ tabular package: datapackage.json and its CSVs. */
export const tabularPackage = (): HsdsFile[] =>
  readdirSync(new URL('csv/', dir))
    .sort()
    .map((f) => fixture(`csv/${f}`));

let ajv: Ajv | undefined;
/** A validator for one HSDS schema file; `$ref`s between the files resolve here, by file name. */
export function hsdsSchema(file: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const f of readdirSync(new URL('schema/', dir)))
      if (f !== 'openapi.json')
        ajv.addSchema({
          ...JSON.parse(readFileSync(new URL(`schema/${f}`, dir), 'utf8')),
          $id: `https://hsds.test/${f}`,
        });
  }
  return ajv.getSchema(`https://hsds.test/${file}`)!;
}
/** Asserts with ajv's message so a failing test names the field. */
export function expectValid(file: string, value: unknown) {
  const validate = hsdsSchema(file);
  if (!validate(value))
    throw new Error(`${file}: ${ajv!.errorsText(validate.errors)}\n${JSON.stringify(value).slice(0, 400)}`);
}

/** POST the files, wait for the background import, and return the finished import row. */
export async function importAndWait(app: App, cookie: string, files: HsdsFile[]) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/directory/imports',
    headers: { cookie },
    payload: { files },
  });
  if (res.statusCode !== 202) throw new Error(`import answered ${res.statusCode} ${res.body}`);
  await app.background.drain();
  const row = await app.inject({ method: 'GET', url: `/api/directory/imports/${res.json().id}`, headers: { cookie } });
  return row.json() as {
    id: string;
    status: string;
    total: number;
    done: number;
    created: number;
    updated: number;
    unchanged: number;
    errors: { record: string; field: string; message: string }[];
  };
}
