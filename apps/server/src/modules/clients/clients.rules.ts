import type { Static } from 'typebox';
import { invalid } from '../../http/errors.js';
import { isNoPhonePlaceholder, toE164 } from '../../platform/sms/sms.phone.js';
import type { ClientRow } from './clients.repo.js';
import type { ClientCreate } from './clients.schema.js';

type Profile = Partial<Static<typeof ClientCreate>>;

/** The Montana guide's homeless placeholder: "0000 Street, city MT, zip". */
const ADDRESS_PLACEHOLDER = /^0+\s+street\b/i;

/**
 * MT-8: turns the guide's placeholders into explicit flags (no fake phone or street is stored),
 * normalizes the phone to E.164 and checks the dates. Messages name the field.
 */
export function normalizeProfile<T extends Profile>(input: T, today: string): T {
  const out = { ...input };
  if (out.phone != null && out.phone.trim() !== '') {
    if (isNoPhonePlaceholder(out.phone)) {
      out.phone = null;
      out.noPhone = true;
    } else {
      const e164 = toE164(out.phone);
      if (!e164) throw invalid('body.phone', 'is not a phone number we can text or call (10 digits, or +country code)');
      out.phone = e164;
      out.noPhone = false;
    }
  } else if (out.phone !== undefined) out.phone = null;
  if (out.addressLine && ADDRESS_PLACEHOLDER.test(out.addressLine.trim())) {
    out.addressLine = null;
    out.noFixedAddress = true;
  }
  if (out.noFixedAddress) out.addressLine = null;
  if (out.birthDate !== undefined) {
    if (out.birthDate > today) throw invalid('body.birthDate', 'is in the future');
    if (out.birthDate < '1900-01-01') throw invalid('body.birthDate', 'is before 1900');
  }
  if (out.coverageStart && out.coverageEnd && out.coverageEnd < out.coverageStart) {
    throw invalid('body.coverageEnd', 'is before the coverage start');
  }
  for (const key of ['firstName', 'lastName', 'city', 'county', 'addressLine', 'postalCode', 'memberId'] as const) {
    const v = out[key];
    if (typeof v === 'string') (out as Record<string, unknown>)[key] = v.trim();
  }
  return out;
}

/** MT-8 asks for these on a new client; the form shows what is missing per section. */
interface ContactPart {
  noFixedAddress?: boolean | null;
  addressLine?: string | null;
  city?: string | null;
  county?: string | null;
  postalCode?: string | null;
}

export function assertRequiredForNew(input: ContactPart): void {
  if (!input.noFixedAddress && !input.addressLine) {
    throw invalid('body.addressLine', 'is required (tick "no fixed address" for a client without one)');
  }
  if (!input.city) throw invalid('body.city', 'is required');
  if (!input.county) throw invalid('body.county', 'is required');
  if (!input.postalCode) throw invalid('body.postalCode', 'is required');
}

/** MT-8: per-section completeness shown on the profile. */
export function completenessOf(c: ClientRow) {
  return {
    personal: Boolean(
      c.firstName && c.lastName && c.birthDate && c.genderIdentity && c.race.length && c.militaryService,
    ),
    contact: Boolean(
      (c.addressLine || c.noFixedAddress) && c.city && c.county && c.postalCode && (c.phone || c.noPhone),
    ),
    coverage: Boolean(c.memberId && c.coverageStart && c.coverageType && c.coverageStatus && c.product),
  };
}
