import type { PresetCode } from '@portico/shared';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { changeRequests } from '../modules/change-requests/change-requests.table.js';
import { programs } from '../modules/organizations/organizations.table.js';
import { registrations } from '../modules/registrations/registrations.table.js';

type Ids = Map<string, { id: string; organizationId?: string }>;

/**
 * NCC-5 and CS-1 demo rows: the council network gets a pending service-details request and an accepted
 * (historical) organisation-details one; the health plan gets one application waiting for review.
 */
export async function seedOrganizationAdministration(
  tx: Tx,
  preset: PresetCode,
  networkId: string,
  programIds: Map<string, { id: string; organizationId: string }>,
  userIds: Ids,
) {
  if (preset === 'council-payments') {
    const service = programIds.get('ncc-broadland')!;
    const requester = userIds.get('administration@ncc.demo.test')!.id;
    const team = userIds.get('admin@ncc.demo.test')!.id;
    const [current] = await tx.select({ hours: programs.hours }).from(programs).where(eq(programs.id, service.id));
    await tx.insert(changeRequests).values([
      {
        networkId,
        organizationId: service.organizationId,
        programId: service.id,
        kind: 'service_details',
        targetId: service.id,
        proposed: { hours: 'Visiting 10:00–20:00 every day', eligibility: 'Adults 65+ assessed by the council' },
        current: { hours: current?.hours ?? null, eligibility: null },
        requestedBy: requester,
      },
      {
        networkId,
        organizationId: service.organizationId,
        kind: 'organization_details',
        targetId: service.organizationId,
        proposed: { town: 'Norwich', county: 'Norfolk', postcode: 'NR6 5DR' },
        current: { town: null, county: null, postcode: null },
        status: 'accepted',
        requestedBy: requester,
        requestedAt: sql`now() - interval '21 days'`,
        decidedBy: team,
        decidedAt: sql`now() - interval '20 days'`,
      },
    ]);
    // The accepted request applied, as accepting does.
    await tx.execute(
      sql`UPDATE organizations SET town = 'Norwich', county = 'Norfolk', postcode = 'NR6 5DR' WHERE id = ${service.organizationId}`,
    );
  }
  if (preset === 'health-plan') {
    await tx.insert(registrations).values({
      networkId,
      legalName: 'Puget Family Clinic LLC',
      taxId: '912345678',
      providerId: 'WA0098765',
      zip: '98501-1234',
      programName: 'Family Medicine',
      contactName: 'Jordan Lee',
      contactEmail: 'jordan.lee@pugetfamily.demo.test',
      contactPhone: '360-555-0177',
    });
  }
}
