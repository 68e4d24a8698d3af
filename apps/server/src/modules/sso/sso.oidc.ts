import * as oidc from 'openid-client';

/** What Portico needs to talk to a network's OpenID Connect provider. */
export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
}

/** What the provider vouched for after a successful code exchange. */
export interface ProviderIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

// A provider that does not answer within this many seconds fails the sign-in, not the server.
const TIMEOUT_SECONDS = 10;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why an issuer URL is refused (null: accepted). http only for a provider on this machine. */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'must be a URL such as https://login.example.gov';
  }
  if (url.search || url.hash || url.username) return 'must not carry a query, a fragment or credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return 'must start with https:// (http:// is accepted only for 127.0.0.1 or localhost)';
}

/**
 * Reads the provider's discovery document and sets up the client. The secret is sent the way the
 * provider lists first of the two usual methods (HTTP Basic is the OpenID Connect default).
 */
export async function providerConfig(s: ProviderSettings): Promise<oidc.Configuration> {
  const url = new URL(s.issuer);
  // issuerProblem() admitted http only on loopback; anything else stays https-only.
  const execute = url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? [oidc.allowInsecureRequests] : [];
  const found = await oidc.discovery(url, s.clientId, undefined, oidc.None(), { execute, timeout: TIMEOUT_SECONDS });
  if (!s.clientSecret) return found;
  const metadata = found.serverMetadata();
  const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  const auth =
    !methods.includes('client_secret_basic') && methods.includes('client_secret_post')
      ? oidc.ClientSecretPost(s.clientSecret)
      : oidc.ClientSecretBasic(s.clientSecret);
  const config = new oidc.Configuration(metadata, s.clientId, s.clientSecret, auth);
  config.timeout = TIMEOUT_SECONDS;
  for (const fn of execute) fn(config);
  return config;
}

/** The provider's sign-in URL for a fresh state, nonce and PKCE (S256) verifier. */
export async function authorizationRequest(config: oidc.Configuration, redirectUri: string) {
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, state, nonce, codeVerifier };
}

/**
 * Exchanges the code and validates the ID token (issuer, audience, expiry, nonce) with
 * openid-client. Email claims come from the ID token, or from UserInfo for providers that
 * put scope claims only there (the subject is checked to be the same person).
 */
export async function identityFromCallback(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<ProviderIdentity> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('the provider sent no ID token');
  let { email, email_verified: verified } = claims;
  if ((typeof email !== 'string' || verified === undefined) && tokens.access_token) {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    email = info.email;
    verified = info.email_verified;
  }
  return { subject: claims.sub, email: typeof email === 'string' ? email : null, emailVerified: verified === true };
}

/** The provider answered the sign-in with an error (the person cancelled, or was refused there). */
export const isProviderRefusal = (e: unknown) => e instanceof oidc.AuthorizationResponseError;
