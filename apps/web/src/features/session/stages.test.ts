import { describe, expect, it } from 'vitest';
import type { ActingProgram } from '../../lib/types';
import { nextPath } from './stages';

const acting = { programId: 'p' } as ActingProgram;

describe('nextPath', () => {
  it('sends a session that owes a step to the page of that step', () => {
    expect(nextPath({ stage: 'password_change', acting })).toBe('/change-password');
    expect(nextPath({ stage: 'second_factor', acting })).toBe('/passcode');
    expect(nextPath({ stage: 'second_factor_enrolment', acting: null })).toBe('/passcode');
  });

  it('sends the second factor to the page of the factor the network asks for', () => {
    expect(nextPath({ stage: 'second_factor', acting, secondFactor: 'passcode' })).toBe('/passcode');
    expect(nextPath({ stage: 'second_factor', acting, secondFactor: 'totp' })).toBe('/authenticator');
    expect(nextPath({ stage: 'second_factor_enrolment', acting, secondFactor: 'totp' })).toBe('/authenticator');
    // A server that does not say which factor: the passcode, as before.
    expect(nextPath({ stage: 'second_factor', acting, secondFactor: null })).toBe('/passcode');
  });

  it('sends a signed-in session to the first page, or to the program chooser (MT-5)', () => {
    expect(nextPath({ stage: null, acting })).toBe('/agency');
    expect(nextPath({ stage: null, acting: null, secondFactor: 'totp' })).toBe('/choose-program');
  });
});
