import { describe, expect, it } from 'vitest';
import { type ChainedContent, canonicalJson, chainHash, GENESIS_HASH } from './audit.hash.js';

const entry: ChainedContent = {
  networkId: '00000000-0000-4000-8000-000000000001',
  seq: 7,
  occurredAt: new Date('2026-03-01T10:00:00.000Z'),
  actorUserId: '00000000-0000-4000-8000-000000000002',
  actingProgramId: '00000000-0000-4000-8000-000000000003',
  organizationId: '00000000-0000-4000-8000-000000000004',
  action: 'organization.update',
  entityType: 'organization',
  entityId: '00000000-0000-4000-8000-000000000004',
  requestId: 'req-1',
  ip: '127.0.0.1',
  details: { fields: ['name', 'phone'], nested: { b: 1, a: 2 } },
  prevHash: GENESIS_HASH,
};

describe('X-2: canonical JSON of an audit entry', () => {
  it('X-2: key order at any depth does not change the text', () => {
    const a = { z: 1, a: { y: [1, { d: 1, c: 2 }], x: null }, m: 'text' };
    const b = { m: 'text', a: { x: null, y: [1, { c: 2, d: 1 }] }, z: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,{"c":2,"d":1}]},"m":"text","z":1}');
  });

  it('X-2: array order is kept and undefined object fields are left out', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('X-2: chain hash', () => {
  it('X-2: is a SHA-256 hex digest, stable for the same content in any key order', () => {
    const h = chainHash(entry);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(entry).reverse()) as unknown as ChainedContent;
    expect(chainHash(reordered)).toBe(h);
    expect(chainHash({ ...entry, details: { nested: { a: 2, b: 1 }, fields: ['name', 'phone'] } })).toBe(h);
  });

  it('X-2: a seq stored as text hashes the same as the number (bigint columns can come back as strings)', () => {
    expect(chainHash({ ...entry, seq: '7' as unknown as number })).toBe(chainHash(entry));
  });

  const changes: [keyof ChainedContent, unknown][] = [
    ['networkId', '00000000-0000-4000-8000-000000000009'],
    ['seq', 8],
    ['occurredAt', new Date('2026-03-01T10:00:00.001Z')],
    ['actorUserId', null],
    ['actingProgramId', null],
    ['organizationId', null],
    ['action', 'organization.create'],
    ['entityType', 'program'],
    ['entityId', null],
    ['requestId', 'req-2'],
    ['ip', '10.0.0.1'],
    ['details', { fields: ['name'] }],
    ['prevHash', 'f'.repeat(64)],
  ];
  it.each(changes)('X-2: changing %s changes the hash', (field, value) => {
    expect(chainHash({ ...entry, [field]: value })).not.toBe(chainHash(entry));
  });

  it('X-2: every field of an entry is covered by the table above', () => {
    expect(changes.map(([f]) => f).sort()).toEqual(Object.keys(entry).sort());
  });
});
