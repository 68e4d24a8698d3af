import type { Db } from '../db/client.js';
import type { App } from '../http/types.js';
import type { clients } from '../modules/clients/clients.table.js';
import { makeClient, type TestProgram } from './factories.js';

/**
 * MT-9: a new client of `program` with a consent naming it and `programIds`, e-signed by the client,
 * all through the API as `cookie` (a member of `program`): what a referral test starts from.
 */
export async function consentedClient(
  app: App,
  db: Db,
  cookie: string,
  program: TestProgram,
  programIds: string[],
  fields: Partial<typeof clients.$inferInsert> = {},
) {
  const client = await makeClient(db, program, fields);
  const name = `${client.firstName} ${client.lastName}`;
  const call = async (url: string, payload: object, status: number) => {
    const res = await app.inject({ method: 'POST', url, headers: { cookie }, payload });
    if (res.statusCode !== status) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const consent = await call(
    '/api/consents',
    { clientId: client.id, programIds, infoTypes: ['needs'], authorizerKind: 'client', authorizerName: name },
    201,
  );
  await call(`/api/consents/${consent.id}/esign`, { signerName: name, confirm: true }, 200);
  return { client, consentId: consent.id };
}
