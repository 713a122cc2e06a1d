// The test OpenID Connect provider: panva's oidc-provider (a certified OpenID Provider
// implementation) on 127.0.0.1, standing in for Google in the browser tests. Its development
// login form accepts any login name; the name becomes the subject (`sub`) of the ID token.
//
//   node end2end/oidc-provider.mjs <redirect uri> <client id> <client secret>
//
// Prints "oidc-provider ready <port>" once it listens on a free port. Stops on SIGTERM.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const [redirectUri, clientId, clientSecret] = process.argv.slice(2);
if (!redirectUri || !clientId || !clientSecret) {
  console.error('usage: node end2end/oidc-provider.mjs <redirect uri> <client id> <client secret>');
  process.exit(2);
}

// A fresh RS256 signing key per run, as Google publishes (RSA, with a key id).
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: `test-${Date.now()}`, alg: 'RS256', use: 'sig' };

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const provider = new Provider(`http://127.0.0.1:${port}`, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    // Only `sub`: the app asks for nothing more.
    findAccount: async (ctx, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
  });
  provider.on('server_error', (ctx, error) => console.error(`oidc-provider: ${error.stack}`));
  server.on('request', provider.callback());
  console.log(`oidc-provider ready ${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
