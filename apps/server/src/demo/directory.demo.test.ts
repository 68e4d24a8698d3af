import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_NETWORKS } from './demo.data.js';
import { directoryFieldsOf } from './directory.demo.js';

// The shipped Open Eligibility codes, read from the migration that inserts them.
const migration = readFileSync(path.join(import.meta.dirname, '../db/migrations/0009_directory_rls.sql'), 'utf8');
const shippedIds = new Set([...migration.matchAll(/md5\('open-eligibility:([a-z.-]+)'\)/g)].map((m) => m[1]!));

describe('demo directory listings (MT-9)', () => {
  it('MT-9: every demo program lists services, insurance, languages, hours and eligibility', () => {
    for (const n of DEMO_NETWORKS) {
      for (const p of n.organizations.flatMap((o) => o.programs)) {
        const f = directoryFieldsOf(p.key);
        expect(f.serviceTermIds?.length, p.key).toBeGreaterThan(0);
        expect(f.insurance?.length, p.key).toBeGreaterThan(0);
        expect(f.languages?.length, p.key).toBeGreaterThan(0);
        expect(f.hours, p.key).toBeTruthy();
        expect(f.eligibility, p.key).toBeTruthy();
      }
    }
  });

  it('MT-9: every demo network has a telemedicine program, except the council (home and residential care)', () => {
    for (const n of DEMO_NETWORKS.filter((net) => net.preset !== 'council-payments')) {
      const tele = n.organizations.flatMap((o) => o.programs).filter((p) => directoryFieldsOf(p.key).telemedicine);
      expect(tele.length, n.preset).toBeGreaterThan(0);
    }
  });

  it('MT-9: the services are shipped Open Eligibility codes', async () => {
    const { createHash } = await import('node:crypto');
    const idOf = (code: string) => {
      const h = createHash('md5').update(`open-eligibility:${code}`).digest('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    };
    const known = new Set([...shippedIds].map(idOf));
    expect(known.size).toBeGreaterThan(80);
    for (const n of DEMO_NETWORKS) {
      for (const p of n.organizations.flatMap((o) => o.programs)) {
        for (const id of directoryFieldsOf(p.key).serviceTermIds ?? []) expect(known.has(id), p.key).toBe(true);
      }
    }
  });
});
