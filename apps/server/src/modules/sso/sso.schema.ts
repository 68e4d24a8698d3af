import { Type } from 'typebox';
import { Nullable } from '../../http/schema.js';

/** A network's provider as its administrator sees it: whether a secret is stored, never the secret. */
export const SsoSettingsResponse = Type.Object({
  enabled: Type.Boolean(),
  issuer: Type.String(),
  clientId: Type.String(),
  displayName: Type.String(),
  hasSecret: Type.Boolean(),
  /** The redirect URI to register at the provider (this server's PUBLIC_URL + /api/sso/callback). */
  callbackUrl: Type.String(),
});

export const SsoSettingsBody = Type.Object(
  {
    enabled: Type.Boolean(),
    issuer: Type.String({
      minLength: 1,
      maxLength: 300,
      description: 'The issuer identifier, https://… (http:// only for 127.0.0.1 or localhost)',
    }),
    clientId: Type.String({ minLength: 1, maxLength: 300 }),
    clientSecret: Type.Optional(
      Nullable(
        Type.String({
          minLength: 1,
          maxLength: 2000,
          description: 'Omitted: the stored secret stays. Null: no secret (a public client, PKCE only).',
        }),
      ),
    ),
    displayName: Type.String({ minLength: 1, maxLength: 60, description: 'The button says "Sign in with …"' }),
  },
  { additionalProperties: false },
);

export const SsoNetworkList = Type.Object({
  items: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      displayName: Type.String(),
      /** Where the sign-in button goes (a full-page navigation, not a fetch). */
      startUrl: Type.String(),
    }),
  ),
});

export const SsoStartQuery = Type.Object({ network: Type.String({ minLength: 1, maxLength: 200 }) });

/** The provider's answer (RFC 6749 §4.1.2); providers may add parameters of their own. */
export const SsoCallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 4000 })),
  state: Type.Optional(Type.String({ maxLength: 500 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
});

/** `/sign-in?sso_error=<code>`: why a provider sign-in did not open a session, in the sign-in page's words. */
export const SSO_ERRORS = {
  expired: 'The sign-in took too long or was already used. Start again.',
  denied: 'The sign-in was cancelled at the identity provider.',
  unavailable: 'Sign-in through the identity provider is not available right now.',
  invalid: 'The identity provider’s answer could not be verified. Start again.',
  unknown_user: 'No Portico account has the email address the identity provider gave. Ask your administrator.',
  email_unverified: 'The identity provider has not verified your email address.',
  no_membership: 'Your account has no active program membership in this network. Ask your administrator.',
  locked: 'Your account is locked or suspended. Ask your administrator, or wait for the lockout to end.',
} as const;
export type SsoErrorCode = keyof typeof SSO_ERRORS;
