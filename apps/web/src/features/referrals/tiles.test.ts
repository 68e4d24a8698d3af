import { describe, expect, it } from 'vitest';
import type { Consent } from '../consents/types';
import { referablePrograms, tileState } from './tiles';
import type { Referral } from './types';

const program = (id: string) => ({ id, name: `Program ${id}`, organizationName: `Org ${id}` });
const consent = (valid: boolean, ids: string[]) => ({ valid, programs: ids.map(program) }) as Consent;
const referral = (id: string, state: Referral['state'], to: string, createdAt: string, from = 'us') =>
  ({ id, state, toProgram: program(to), fromProgram: program(from), createdAt }) as Referral;

describe('referral tiles on the client profile (MT-11)', () => {
  it('lists each program of the valid consents naming the acting program once, its own included', () => {
    const consents = [
      consent(true, ['us', 'food', 'housing']),
      consent(true, ['us', 'food', 'legal']),
      consent(false, ['us', 'clinic']),
      consent(true, ['other', 'shelter']),
    ];
    expect(referablePrograms(consents, 'us').map((p) => p.id)).toEqual(['us', 'food', 'housing', 'legal']);
    expect(referablePrograms([], 'us')).toEqual([]);
  });

  it('says Not started when the acting program never referred the client there', () => {
    const received = referral('r0', 'sent', 'food', '2026-01-01', 'other');
    expect(tileState('food', 'us', [received]).kind).toBe('not_started');
  });

  it('shows the open referral first: a draft is pending, sent and assigned are active', () => {
    const closed = referral('r1', 'closed', 'food', '2026-03-01');
    const draft = referral('r2', 'draft', 'food', '2026-01-01');
    expect(tileState('food', 'us', [closed, draft])).toEqual({ kind: 'draft', referral: draft });
    const sent = referral('r3', 'sent', 'food', '2026-01-01');
    expect(tileState('food', 'us', [closed, sent])).toEqual({ kind: 'active', referral: sent });
    const assigned = referral('r4', 'assigned', 'food', '2026-01-01');
    expect(tileState('food', 'us', [assigned]).kind).toBe('active');
  });

  it('without an open one, shows the newest closed or refused referral', () => {
    const older = referral('r5', 'closed', 'food', '2026-01-01');
    const newer = referral('r6', 'refused', 'food', '2026-02-01');
    const elsewhere = referral('r7', 'sent', 'housing', '2026-03-01');
    expect(tileState('food', 'us', [older, newer, elsewhere])).toEqual({ kind: 'closed', referral: newer });
  });
});
