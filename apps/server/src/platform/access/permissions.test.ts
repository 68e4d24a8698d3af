import { ALL_CAPABILITIES, AREAS, type Area, type Capability, ROLE_CODES, type RoleCode } from '@portico/shared';
import { describe, expect, it } from 'vitest';
import { capabilitiesOf, PERMISSIONS } from './permissions.js';

const caps = (role: RoleCode) => new Set<Capability>(PERMISSIONS[role]);
const writes = (role: RoleCode) =>
  [...caps(role)]
    .filter((c) => c.endsWith(':write'))
    .map((c) => c.slice(0, -':write'.length))
    .sort();
const reads = (role: RoleCode) =>
  [...caps(role)]
    .filter((c) => c.endsWith(':read') && c !== 'audit:read')
    .map((c) => c.slice(0, -':read'.length))
    .sort();
const SPECIAL: Capability[] = [
  'referrals:assign',
  'agreements:sign',
  'assignments:manage',
  'network:manage',
  'audit:read',
];
const specials = (role: RoleCode) => SPECIAL.filter((c) => caps(role).has(c));
const sorted = (areas: Area[]) => [...areas].sort();
const allAreasExcept = (...areas: Area[]) => sorted(AREAS.filter((a) => !areas.includes(a)));

describe('the permission table', () => {
  it('X-1: every role in ROLES has an entry and every entry is a known capability', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLE_CODES].sort());
    for (const role of ROLE_CODES) {
      expect(PERMISSIONS[role].length, role).toBeGreaterThan(0);
      for (const c of PERMISSIONS[role]) expect(ALL_CAPABILITIES, `${role} has ${c}`).toContain(c);
    }
  });

  it('X-1: network:manage and audit:read belong to the network administrator and nobody else', () => {
    expect(caps('network_admin').has('network:manage')).toBe(true);
    expect(caps('network_admin').has('audit:read')).toBe(true);
    const others = ROLE_CODES.filter((r) => r !== 'network_admin');
    for (const role of others) {
      expect(caps(role).has('network:manage'), role).toBe(false);
      expect(caps(role).has('audit:read'), role).toBe(false);
    }
  });

  it('capabilitiesOf unions the roles and ignores unknown codes', () => {
    const both = capabilitiesOf(['mt_gatekeeper', 'mt_provider', 'not_a_role']);
    expect(both).toEqual(new Set([...caps('mt_gatekeeper'), ...caps('mt_provider')]));
    expect(capabilitiesOf(['not_a_role']).size).toBe(0);
  });
});

describe('NCC-2: the seven council security roles', () => {
  it('NCC-2: Read Only reads every area and writes nothing, with no special capability', () => {
    expect(reads('ncc_read_only')).toEqual(sorted([...AREAS]));
    expect(writes('ncc_read_only')).toEqual([]);
    expect(specials('ncc_read_only')).toEqual([]);
  });

  it('NCC-2: Super User (Actuals) edits every function except scheduled payments', () => {
    expect(writes('ncc_super_user_actuals')).toEqual(allAreasExcept('scheduled_payments'));
    expect(reads('ncc_super_user_actuals')).toEqual(sorted([...AREAS]));
    expect(caps('ncc_super_user_actuals').has('actuals:write')).toBe(true);
  });

  it('NCC-2: Super User (Scheduled) edits every function except actuals', () => {
    expect(writes('ncc_super_user_scheduled')).toEqual(allAreasExcept('actuals'));
    expect(reads('ncc_super_user_scheduled')).toEqual(sorted([...AREAS]));
    expect(caps('ncc_super_user_scheduled').has('scheduled_payments:write')).toBe(true);
  });

  it('NCC-2: Payments edits actuals, invoice/credit notes and one-off claims, contract documents, actions', () => {
    expect(writes('ncc_payments')).toEqual(sorted(['actuals', 'invoices', 'service_orders', 'actions']));
  });

  it('NCC-2: Administration edits organisation and service details, contacts, line items, contract documents, actions', () => {
    expect(writes('ncc_administration')).toEqual(
      sorted(['organization', 'contacts', 'line_items', 'service_orders', 'actions']),
    );
  });

  it('NCC-2: Reports edits organisation and service details, reports, actions', () => {
    expect(writes('ncc_reports')).toEqual(sorted(['organization', 'reports', 'actions']));
  });

  it('NCC-2: Invoice Only edits invoice/credit notes and nothing else', () => {
    expect(writes('ncc_invoice_only')).toEqual(['invoices']);
  });

  it('NCC-2: no council role holds a special capability', () => {
    for (const role of ROLE_CODES.filter((r) => r.startsWith('ncc_'))) expect(specials(role), role).toEqual([]);
  });
});

describe('MT-6: gatekeeper and provider', () => {
  it('MT-6: a gatekeeper assigns referrals and signs agency agreements', () => {
    expect(specials('mt_gatekeeper')).toEqual(['referrals:assign', 'agreements:sign']);
  });

  it('MT-6: a provider neither assigns referrals nor signs agreements, but works referrals', () => {
    expect(caps('mt_provider').has('referrals:assign')).toBe(false);
    expect(caps('mt_provider').has('agreements:sign')).toBe(false);
    expect(caps('mt_provider').has('referrals:write')).toBe(true);
  });
});

describe('ND-3 / ND-4: administrators and coordinators', () => {
  it.each(['nd_master_admin', 'nd_support_admin'] as const)(
    'ND-3/ND-4: %s answers referrals and manages assignments',
    (role) => {
      expect(caps(role).has('referrals:assign')).toBe(true);
      expect(caps(role).has('assignments:manage')).toBe(true);
    },
  );

  it.each(['nd_care_coordinator', 'nd_peer_support'] as const)(
    'ND-3/ND-4: %s neither assigns referrals nor changes assignments',
    (role) => {
      expect(caps(role).has('referrals:assign')).toBe(false);
      expect(caps(role).has('assignments:manage')).toBe(false);
    },
  );

  it('ND-4: a care coordinator edits client demographics but not the contact list', () => {
    expect(caps('nd_care_coordinator').has('clients:write')).toBe(true);
    expect(caps('nd_care_coordinator').has('contacts:write')).toBe(false);
  });
});
