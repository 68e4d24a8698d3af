import { OPEN_REFERRAL_STATES } from '@portico/shared';
import type { Consent } from '../consents/types';
import type { Referral, ReferralProgram } from './types';

/**
 * MT-11: the programs the acting program may refer this client to: those named, beside the acting
 * program, on a valid consent (the acting program itself included when the consent names it).
 */
export function referablePrograms(consents: Consent[], actingProgramId: string): ReferralProgram[] {
  const found = new Map<string, ReferralProgram>();
  for (const c of consents) {
    if (!c.valid || !c.programs.some((p) => p.id === actingProgramId)) continue;
    for (const p of c.programs) if (!found.has(p.id)) found.set(p.id, p);
  }
  return [...found.values()];
}

export type TileState = { kind: 'not_started' } | { kind: 'draft' | 'active' | 'closed'; referral: Referral };

/** What a tile says about that program: "Active (sent/assigned)", "Closed (closed/refused)", and so on. */
export const TILE_LABELS: Record<TileState['kind'], string> = {
  not_started: 'Not started',
  draft: 'Pending (draft)',
  active: 'Active',
  closed: 'Closed',
};

/**
 * MT-11: the state of the acting program's referral of the client to one program. An open one wins
 * (there is at most one); otherwise the newest closed or refused one; otherwise none yet.
 */
export function tileState(programId: string, actingProgramId: string, referrals: Referral[]): TileState {
  const ours = referrals
    .filter((r) => r.toProgram.id === programId && r.fromProgram.id === actingProgramId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const open = ours.find((r) => OPEN_REFERRAL_STATES.includes(r.state));
  if (open) return { kind: open.state === 'draft' ? 'draft' : 'active', referral: open };
  const last = ours[0];
  return last ? { kind: 'closed', referral: last } : { kind: 'not_started' };
}
