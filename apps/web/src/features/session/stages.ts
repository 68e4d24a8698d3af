import type { Session, SessionStage } from '../../lib/types';

/** The page of each sign-in step still owed (NCC-1: password change, passcode). */
export const STAGE_PATHS: Record<SessionStage, string> = {
  password_change: '/change-password',
  second_factor: '/passcode',
  second_factor_enrolment: '/passcode',
};

/** Where a session goes next: the page of the step it owes, the program chooser, or the first page. */
export function nextPath(session: Pick<Session, 'stage' | 'acting'>): string {
  if (session.stage) return STAGE_PATHS[session.stage];
  return session.acting ? '/agency' : '/choose-program';
}
