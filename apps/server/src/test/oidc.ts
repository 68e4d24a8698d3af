import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account } from 'oidc-provider';

/** Claims of one person at the test provider; the login name typed in its form picks them. */
export interface TestAccount {
  email: string;
  email_verified: boolean;
  name?: string;
}

/** A port free on loopback now (the app's publicUrl must name it before the app listens). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, with one confidential client and
 * its development login form: any login name from `accounts` signs in, with any password.
 */
export async function startOidcProvider(client: { clientId: string; clientSecret: string; redirectUri: string }) {
  const accounts = new Map<string, TestAccount>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['portico-test-provider-cookies'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    // Fixed lifetimes (the defaults are functions that print a notice on every use).
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    findAccount: (_ctx: unknown, id: string): Account | undefined => {
      const claims = accounts.get(id);
      return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A browser as far as sign-in needs one: a cookie jar (cookies ignore ports, as in browsers),
 * redirects followed by hand, and the provider's login and consent forms filled in.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  /** The Cookie header this browser sends (every cookie: the tests run on one host). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(url: string, init: { method?: string; form?: Record<string, string>; cookie?: string } = {}) {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: init.cookie ?? this.cookieHeader(),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const line of res.headers.getSetCookie()) this.store(line);
    return res;
  }

  private store(line: string) {
    const [pair = '', ...attributes] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const gone = attributes.some((a) => {
      const [k = '', v = ''] = a.trim().split('=');
      return (
        (k.toLowerCase() === 'max-age' && Number(v) <= 0) ||
        (k.toLowerCase() === 'expires' && Date.parse(v) < Date.now())
      );
    });
    if (gone) this.cookies.delete(name);
    else this.cookies.set(name, pair.slice(at + 1).trim());
  }

  /**
   * Goes to `startUrl` and on through the provider as `login` (its login form, then consent if
   * asked), until Portico answers with a page of its own. Returns where Portico sent the browser,
   * the callback URL it was sent through, and the cookies that callback carried (`stopAtCallback`:
   * returns before the callback is visited).
   */
  async signInThrough(
    startUrl: string,
    login: string,
    options: { abort?: boolean; stopAtCallback?: boolean } = {},
  ): Promise<{ landing?: string; callback?: { url: string; cookie: string } }> {
    let url = startUrl;
    let callback: { url: string; cookie: string } | undefined;
    for (let step = 0; step < 20; step++) {
      if (url.includes('/api/sso/callback')) {
        callback = { url, cookie: this.cookieHeader() };
        if (options.stopAtCallback) return { callback };
      }
      const res = await this.request(url);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, url);
        // Back on Portico but past its API: the page the browser would now load.
        if (!next.pathname.startsWith('/api/') && next.origin === new URL(startUrl).origin) {
          return { landing: next.pathname + next.search, callback };
        }
        url = next.href;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`unexpected page at ${url}: ${res.status} ${html.slice(0, 300)}`);
      if (options.abort) {
        url = `${action}/abort`;
        continue;
      }
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt };
      const posted = await this.request(action, { method: 'POST', form });
      url = new URL(posted.headers.get('location') ?? '', action).href;
    }
    throw new Error('too many redirects');
  }
}
