import { describe, expect, it } from 'vitest';
import { countiesOf, hoursOf, phoneOf, programFromHsds, referralStatusOf } from './hsds.map.js';
import { kindOf, parseFiles } from './hsds.parse.js';
import { flatten, nest, parseCsv, toCsv } from './hsds.tabular.js';
import { fixture, fixtureJson, tabularPackage } from './hsds.testkit.js';
import { validateRecord } from './hsds.validate.js';

describe('HSDS mapping, pure (issue 4, MT-9 directory)', () => {
  it('MT-9: status "active" is open to referrals; every other status, however spelled, is closed', () => {
    expect(referralStatusOf('active')).toBe('open');
    expect(referralStatusOf(' Active ')).toBe('open');
    expect(referralStatusOf(undefined)).toBe('open');
    for (const s of ['inactive', 'defunct', 'temporarily closed', 'closed', 'paused'])
      expect(referralStatusOf(s)).toBe('closed');
  });

  it('MT-9: phones, service areas and schedules become Portico fields (liberal)', () => {
    expect(phoneOf([{ number: '"+44 1234 234567"' }])).toBe('+44 1234 234567');
    expect(countiesOf([{ name: 'Cass' }, { extent: 'Clay' }, { description: 'Traill' }, {}])).toEqual([
      'Cass',
      'Clay',
      'Traill',
    ]);
    expect(
      hoursOf([{ byday: 'MO,TU', opens_at: '09:00:00', closes_at: '17:00:00' }, { description: 'By appointment' }]),
    ).toBe('Mon, Tue 09:00–17:00\nBy appointment');
  });

  it('MT-9: what Portico does not model is kept in hsds_extra; taxonomy attributes are not', () => {
    const p = programFromHsds(fixtureJson('examples/service_full.json'));
    expect(p.hsdsExtra).toHaveProperty('cost_options');
    expect(p.hsdsExtra).not.toHaveProperty('organization');
    expect(p.hsdsExtra).not.toHaveProperty('attributes');
    expect(p.hsdsExtra).not.toHaveProperty('name');
  });

  it('MT-9: a file may be one object, an array or an API page, and records are told apart by their fields', () => {
    expect(kindOf({ id: '1', name: 'x', status: 'active' })).toBe('service');
    expect(kindOf({ id: '1', name: 'x', website: 'http://a.example' })).toBe('organization');
    expect(kindOf({ id: '1', name: 'x', code: 'food' })).toBe('taxonomy_term');
    const kinds = (name: string) => parseFiles([fixture(`examples/${name}`)]).records.map((r) => r.kind);
    expect(kinds('service_full.json')).toEqual(['service']);
    expect(kinds('organization_full.json')).toEqual(['organization', 'service']);
    expect(kinds('service_list.json')).toEqual(['service']);
    expect(kinds('taxonomy_list.json')).toEqual(['taxonomy']);
    expect(parseFiles([{ name: 'x.json', content: '{oops' }]).problems[0]).toMatchObject({ record: 'x.json' });
  });

  it('X-5: a record is reported by kind, index, id and field', () => {
    const problems = validateRecord({ kind: 'service', index: 3, data: { id: 'abc', name: '', phones: 'x' } });
    expect(problems).toEqual([
      { record: 'service[3] (id abc)', field: 'name', message: 'is required' },
      { record: 'service[3] (id abc)', field: 'phones', message: 'must be a list' },
    ]);
    expect(validateRecord({ kind: 'organization', index: 0, data: { name: 'x' } })[0]).toMatchObject({ field: 'id' });
  });

  it('MT-9: CSV quoting survives a round trip, and the tabular package nests by foreign keys and flattens back', () => {
    const rows = [{ id: '1', note: 'a, "b"\nc', n: 3 }];
    expect(parseCsv(toCsv(rows))).toEqual([{ id: '1', note: 'a, "b"\nc', n: '3' }]);
    const parsed = parseFiles(tabularPackage());
    const service = parsed.records.find((r) => r.kind === 'service')!.data;
    expect(service.phones).toEqual([expect.objectContaining({ number: '"+44 1234 234567"', extension: 100 })]);
    expect((service.service_at_locations as Record<string, unknown>[])[0]!.location).toMatchObject({
      name: 'MyCity Civic Center',
    });
    const organizations = parsed.records.filter((r) => r.kind === 'organization').map((r) => r.data);
    const again = nest(flatten({ organizations, services: [service] }));
    expect(again.services[0]).toEqual(service);
  });
});
