import { describe, expect, it } from 'vitest';
import { passcodeProblem } from './passcode.rules.js';

describe('NCC-1: the 6-digit passcode', () => {
  it.each(['123456', '654321', '012345', '987654', '901234', '111111', '551111'])('NCC-1: refuses %s', (code) => {
    expect(passcodeProblem(code)).not.toBeNull();
  });
  it.each(['124578', '135790', '123956', '112233', '111213', '975310'])('NCC-1: accepts %s', (code) => {
    expect(passcodeProblem(code)).toBeNull();
  });
  it('NCC-1: says which rule failed', () => {
    expect(passcodeProblem('123456')).toMatch(/ascending/);
    expect(passcodeProblem('654321')).toMatch(/descending/);
    expect(passcodeProblem('777712')).toMatch(/repeat/);
    expect(passcodeProblem('12345')).toMatch(/6 digits/);
    expect(passcodeProblem('12a456')).toMatch(/6 digits/);
  });
});
