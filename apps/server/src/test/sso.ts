import { buildApp } from '../app.js';
import type { App, AppDeps } from '../http/types.js';
import { signIn, testDeps } from './app.js';
import { makeTenantPair } from './factories.js';
import { freePort, startOidcProvider, TestBrowser } from './oidc.js';

export const CLIENT_ID = 'portico-test';
export const CLIENT_SECRET = 'provider-secret-not-to-be-shown';

/**
 * ND-9 world: Portico listening for real on 127.0.0.1, a real OpenID Connect provider beside it,
 * and an ND network whose administrator has pointed its sign-in at that provider.
 */
export async function startSsoWorld() {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const deps: AppDeps = await testDeps({ config: { publicUrl } });
  const app: App = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port });
  const provider = await startOidcProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: `${publicUrl}/api/sso/callback`,
  });
  const t = await makeTenantPair(deps.database.db, 'nd-care-coordination');
  const adminCookie = await signIn(app, t.networkAdmin.email);
  const configured = await app.inject({
    method: 'PUT',
    url: '/api/network/sso',
    headers: { cookie: adminCookie },
    payload: {
      enabled: true,
      issuer: provider.issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      displayName: 'ND Login',
    },
  });
  if (configured.statusCode !== 200) throw new Error(`SSO setup failed: ${configured.body}`);
  return {
    app,
    deps,
    db: deps.database.db,
    publicUrl,
    provider,
    t,
    adminCookie,
    startUrl: `${publicUrl}/api/sso/start?network=${t.network.slug}`,
    browser: () => new TestBrowser(),
    close: async () => {
      await provider.close();
      await app.close();
    },
  };
}
