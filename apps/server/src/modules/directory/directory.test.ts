import { describe, expect, it } from 'vitest';
import { type ExportEntry, exportFileName, neutralizeFormula, toCsv } from './directory.export.js';
import { agreementValid, referralRefusalOf } from './directory.policy.js';

const NOW = new Date('2026-12-02T12:00:00Z');
const MT = { requiresAgencyAgreement: true };
const DEFAULT = { requiresAgencyAgreement: false };

describe('MT-4: who can receive a referral', () => {
  it('MT-4: where agreements are required, only a program whose agreement runs past now is valid', () => {
    expect(agreementValid(MT, { agreementValidUntil: null }, NOW)).toBe(false);
    expect(agreementValid(MT, { agreementValidUntil: new Date('2026-12-02T12:00:00Z') }, NOW)).toBe(false);
    expect(agreementValid(MT, { agreementValidUntil: '2026-12-02T12:00:01Z' }, NOW)).toBe(true);
    expect(agreementValid(DEFAULT, { agreementValidUntil: null }, NOW)).toBe(true);
  });

  it('MT-4: the refusal says what is missing: no agreement, the day it lapsed, or closed referrals', () => {
    expect(referralRefusalOf(MT, { referralStatus: 'open', agreementValidUntil: null }, NOW)).toBe(
      'This program has no signed agency agreement; it cannot receive referrals until a gatekeeper signs it.',
    );
    expect(referralRefusalOf(MT, { referralStatus: 'open', agreementValidUntil: '2026-10-01T00:00:00Z' }, NOW)).toBe(
      "This program's agency agreement lapsed on 2026-10-01; it cannot receive referrals until a gatekeeper signs it.",
    );
    expect(referralRefusalOf(DEFAULT, { referralStatus: 'closed', agreementValidUntil: null }, NOW)).toBe(
      'This program is not accepting referrals.',
    );
    expect(
      referralRefusalOf(MT, { referralStatus: 'open', agreementValidUntil: '2027-06-01T00:00:00Z' }, NOW),
    ).toBeNull();
    expect(referralRefusalOf(DEFAULT, { referralStatus: 'open', agreementValidUntil: null }, NOW)).toBeNull();
  });
});

describe('MT-15: export files', () => {
  it('MT-15: CSV cells that a spreadsheet would run as formulas are neutralised, phone numbers are not', () => {
    expect(neutralizeFormula('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutralizeFormula('@cmd')).toBe("'@cmd");
    expect(neutralizeFormula('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
    expect(neutralizeFormula('+1 (406) 555-0100')).toBe('+1 (406) 555-0100');
    expect(neutralizeFormula('Food Bank')).toBe('Food Bank');
  });

  it('MT-15: CSV is RFC 4180: CRLF records, quotes doubled, fields with separators quoted', () => {
    const entry: ExportEntry = {
      name: 'Pantry, "North"',
      organization: { name: 'Food Bank' },
      services: [{ name: 'Food Pantry' }, { name: 'Meals' }],
      counties: ['Cass'],
      regions: [],
      telemedicine: true,
      telemedicineCounties: [],
      insurance: ['none_required', 'unknown_code'],
      languages: [],
      eligibility: null,
      hours: 'line one\nline two',
      phone: null,
      email: null,
      website: null,
      city: null,
      referralStatus: 'open',
      agreementValidUntil: '2027-01-31T00:00:00Z',
    };
    const text = toCsv([entry]).toString('utf8');
    expect(text.startsWith('\uFEFFProgram,Organization,Services,')).toBe(true);
    const line = text.split('\r\n')[1]!;
    expect(line).toContain('"Pantry, ""North""",Food Bank,Food Pantry; Meals,Cass,,Yes,All counties,');
    expect(line).toContain('None required / sliding scale; unknown_code');
    expect(text).toContain('"line one\nline two"');
    expect(text.endsWith('Open,2027-01-31\r\n')).toBe(true);
  });

  it('MT-15: the file name carries the date and the filters, in safe characters', () => {
    expect(exportFileName({ county: 'Lewis and Clark', q: 'Fod "bank"/..' }, 'xlsx', NOW)).toBe(
      'directory-2026-12-02-lewis-and-clark-fod-bank.xlsx',
    );
    expect(exportFileName({}, 'csv', NOW)).toBe('directory-2026-12-02.csv');
  });
});
