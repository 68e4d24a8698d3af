/**
 * ND-9: why a sign-in through the identity provider did not open a session. The server redirects to
 * `/sign-in?sso_error=<code>`; the words mirror SSO_ERRORS in apps/server/src/modules/sso/sso.schema.ts.
 */
export const SSO_ERRORS: Record<string, string> = {
  expired: 'The sign-in took too long or was already used. Start again.',
  denied: 'The sign-in was cancelled at the identity provider.',
  unavailable: 'Sign-in through the identity provider is not available right now.',
  invalid: 'The identity provider’s answer could not be verified. Start again.',
  unknown_user: 'No Portico account has the email address the identity provider gave. Ask your administrator.',
  email_unverified: 'The identity provider has not verified your email address.',
  no_membership: 'Your account has no active program membership in this network. Ask your administrator.',
  locked: 'Your account is locked or suspended. Ask your administrator, or wait for the lockout to end.',
};

/** The message for a code; a code this page does not know still gets a sentence, never a blank. */
export function ssoErrorMessage(code: string): string {
  return Object.hasOwn(SSO_ERRORS, code)
    ? (SSO_ERRORS[code] as string)
    : 'Sign-in through the identity provider did not work. Start again, or sign in with your password.';
}
