import { PRESET_POLICIES } from '@portico/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.js';
import { makeCapabilities } from '../../platform/access/actor.js';
import { staleFields } from './change-requests.apply.js';
import { changeRequestPolicy as policy } from './change-requests.policy.js';

const actor = (roles: Actor['roles']) => ({ userId: 'u1', roles, capabilities: makeCapabilities(roles) }) as Actor;

describe('change request rules', () => {
  it('NCC-5: only the council preset routes a member’s edits through change requests; the network team never', () => {
    const member = actor(['ncc_administration']);
    expect(policy.mustRequest(member, PRESET_POLICIES['council-payments'])).toBe(true);
    expect(policy.mustRequest(actor(['network_admin']), PRESET_POLICIES['council-payments'])).toBe(false);
  });

  it('ND-2: the ND, MT, default and health-plan presets apply edits directly', () => {
    for (const preset of ['nd-care-coordination', 'mt-referral-network', 'default', 'health-plan'] as const) {
      expect(policy.mustRequest(actor(['nd_master_admin']), PRESET_POLICIES[preset]), preset).toBe(false);
    }
  });

  it('NCC-5: asking needs the edit’s own capability; only the team decides; only the requester withdraws', () => {
    expect(policy.request(actor(['ncc_read_only']), 'service_details')).toBe(false);
    expect(policy.request(actor(['ncc_reports']), 'service_details')).toBe(true);
    expect(policy.request(actor(['ncc_reports']), 'contact_create')).toBe(false);
    expect(policy.decide(actor(['ncc_super_user_actuals']))).toBe(false);
    expect(policy.decide(actor(['network_admin']))).toBe(true);
    expect(policy.withdraw(actor(['ncc_reports']), { requestedBy: 'u1' })).toBe(true);
    expect(policy.withdraw(actor(['ncc_reports']), { requestedBy: 'u2' })).toBe(false);
  });

  it('NCC-5: a field changed by someone else since the request conflicts; one already at the proposal does not', () => {
    expect(staleFields({ phone: 'B', fax: 'X' }, { phone: 'A', fax: 'X' }, { phone: 'C', fax: 'Y' })).toEqual([
      'phone',
    ]);
    expect(staleFields({ phone: 'C' }, { phone: 'A' }, { phone: 'C' })).toEqual([]);
    expect(staleFields({ regions: ['a', 'b'] }, { regions: ['a', 'b'] }, { regions: ['c'] })).toEqual([]);
    expect(staleFields({ town: null }, { town: undefined }, { town: 'Diss' })).toEqual([]);
    expect(staleFields({ contact: { b: 1, a: 2 } }, { contact: { a: 2, b: 1 } }, { contact: {} })).toEqual([]);
  });
});
