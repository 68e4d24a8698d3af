import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { PROVIDER_ADMIN_ROLE } from './registrations.policy.js';
import { normalizeProviderId, normalizeTaxId, normalizeZip } from './registrations.rules.js';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.fields[0]?.field : 'not an AppError';
  }
  return 'accepted';
};

describe('CS-1 registration rules', () => {
  it('CS-1: a tax ID is 9 digits, with or without the hyphen, stored as digits', () => {
    expect(normalizeTaxId('12-3456789')).toBe('123456789');
    expect(normalizeTaxId(' 123456789 ')).toBe('123456789');
    for (const bad of ['12345678', '1234567890', '123-456789', '12-345678a', ''])
      expect(fieldOf(() => normalizeTaxId(bad))).toBe('body.taxId');
  });

  it('CS-1: a ZIP is the 9-digit ZIP+4, stored as 12345-6789; a 5-digit ZIP is refused', () => {
    expect(normalizeZip('12345-6789')).toBe('12345-6789');
    expect(normalizeZip('123456789')).toBe('12345-6789');
    for (const bad of ['12345', '1234-56789', '12345-678', 'ABCDE-FGHI', '12345 6789'])
      expect(fieldOf(() => normalizeZip(bad))).toBe('body.zip');
  });

  it('CS-1: a provider ID is 1 to 30 letters and digits', () => {
    expect(normalizeProviderId('MCD0012345')).toBe('MCD0012345');
    for (const bad of ['', 'with space', 'x'.repeat(31), 'dash-ed'])
      expect(fieldOf(() => normalizeProviderId(bad))).toBe('body.providerId');
  });

  it("CS-1: the applicant's contact becomes each preset's provider administrator", () => {
    expect(PROVIDER_ADMIN_ROLE).toEqual({
      default: 'mt_gatekeeper',
      'mt-referral-network': 'mt_gatekeeper',
      'nd-care-coordination': 'nd_master_admin',
      'council-payments': 'ncc_super_user_actuals',
      'health-plan': 'hp_provider_staff',
    });
  });
});
