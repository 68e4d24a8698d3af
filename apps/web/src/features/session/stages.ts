import type { Session } from '../../lib/types';

/** The page of each sign-in step still owed (NCC-1: password change, passcode or authenticator app). */
export function stagePath(session: Pick<Session, 'stage' | 'secondFactor'>): string | null {
  switch (session.stage) {
    case 'password_change':
      return '/change-password';
    case 'second_factor':
    case 'second_factor_enrolment':
      // The factor the user's network asks for; servers that do not say ask for the passcode.
      return session.secondFactor === 'totp' ? '/authenticator' : '/passcode';
    default:
      return null;
  }
}

/** Where a session goes next: the page of the step it owes, the program chooser, or the first page. */
export function nextPath(session: Pick<Session, 'stage' | 'acting' | 'secondFactor'>): string {
  return stagePath(session) ?? (session.acting ? '/agency' : '/choose-program');
}
