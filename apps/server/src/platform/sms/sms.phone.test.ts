import { describe, expect, it } from 'vitest';
import { isE164, isNoPhonePlaceholder, NO_PHONE_PLACEHOLDER, toE164 } from './sms.phone.js';

describe('MT-10 phone numbers are normalized to E.164', () => {
  it.each([
    ['(406) 555-0123', '+14065550123'],
    ['406-555-0123', '+14065550123'],
    ['406.555.0123', '+14065550123'],
    ['4065550123', '+14065550123'],
    ['+1 406 555 0123', '+14065550123'],
    ['14065550123', '+14065550123'],
    ['1 (406) 555-0123', '+14065550123'],
    ['  406 555 0123  ', '+14065550123'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+49 30 901820', '+4930901820'],
  ])('MT-10 %s becomes %s', (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['555-0123', 'too short for NANP'],
    ['406555012', 'nine digits'],
    ['406555012345', 'twelve digits without +'],
    ['24065550123', 'eleven digits not starting with 1'],
    ['+1 406 555 01234', 'NANP with 11 national digits'],
    ['+44 1234 5678 901234', '16 digits, over the E.164 maximum of 15'],
    ['+123456', 'too short'],
    ['+0 406 555 0123', 'country code starting with 0'],
    ['406-555-O123', 'letter O instead of zero'],
    ['call 406 555 0123', 'words'],
    ['406-555-0123 x12', 'extension'],
    ['++1 406 555 0123', 'two plus signs'],
    ['(106) 555-0123', 'area code starting with 1'],
    ['(006) 555-0123', 'area code starting with 0'],
    ['(406) 155-0123', 'exchange starting with 1'],
    ['(406) 055-0123', 'exchange starting with 0'],
    ['+1 206 055 0123', 'international NANP with exchange starting with 0'],
  ])('MT-10 %s is refused (%s)', (input) => {
    expect(toE164(input)).toBeNull();
  });

  it('MT-10 the no-phone placeholder is never turned into a number to text', () => {
    expect(toE164(NO_PHONE_PLACEHOLDER)).toBeNull();
    expect(toE164('+1 999 999 9999')).toBeNull();
  });

  it('MT-10 isE164 accepts only the normalized form', () => {
    expect(isE164('+14065550123')).toBe(true);
    expect(isE164('+442079460958')).toBe(true);
    expect(isE164('14065550123')).toBe(false);
    expect(isE164('+1 406 555 0123')).toBe(false);
    expect(isE164('+11065550123')).toBe(false);
    expect(isE164('+1234567890123456')).toBe(false);
    expect(isE164('+0442079460958')).toBe(false);
  });
});

describe('MT-8 / MT-10 the Montana no-phone placeholder', () => {
  it.each(['999-999-9999', '9999999999', '(999) 999-9999', ' 999.999.9999 '])('MT-10 %s is the placeholder', (s) => {
    expect(isNoPhonePlaceholder(s)).toBe(true);
  });

  it.each(['999-999-999', '999-999-99999', '1-999-999-9999', '999-999-9998', '999-999-999a', ''])(
    'MT-10 %s is not the placeholder',
    (s) => {
      expect(isNoPhonePlaceholder(s)).toBe(false);
    },
  );
});
