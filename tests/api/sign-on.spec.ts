/**
 * The city's unified sign-on plugged in: RS256 tokens from an OpenID Connect provider, checked
 * against the JWKS it serves (here served by the test), taken beside the API's own HS256 tokens;
 * a token of another issuer, another key, past its expiry or with the algorithm swapped is not.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, type JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { type Stack, startStack } from '../support/api';

const ISSUER = 'https://sso.smx.gov.cn/realms/government';
let stack: Stack;
let jwksServer: http.Server;
let signing: CryptoKey;
let stranger: CryptoKey;
let jwksRequests = 0;
let published: JWK;

beforeAll(async () => {
  const [provider, other] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256')]);
  signing = provider.privateKey;
  stranger = other.privateKey;
  const jwk: JWK = { ...(await exportJWK(provider.publicKey)), kid: 'city-2026', alg: 'RS256', use: 'sig' };
  published = jwk;
  jwksServer = http.createServer((req, res) => {
    jwksRequests++;
    res.writeHead(req.url === '/certs' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.url === '/certs' ? { keys: [jwk] } : {}));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const { port } = jwksServer.address() as AddressInfo;
  stack = await startStack({ OIDC_ISSUER: ISSUER, OIDC_JWKS_URL: `http://127.0.0.1:${port}/certs`, OIDC_AUDIENCE: 'proposals-api', OIDC_PRINCIPAL_CLAIM: 'preferred_username' });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  jwksServer?.close();
});

const providerToken = (claims: Record<string, unknown>, o: { key?: CryptoKey; kid?: string; issuer?: string; expiresIn?: string } = {}) =>
  new SignJWT({ preferred_username: 'drc-officer', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? 'city-2026' })
    .setIssuer(o.issuer ?? ISSUER)
    .setAudience('proposals-api')
    .setSubject('f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d')
    .setIssuedAt()
    .setExpirationTime(o.expiresIn ?? '10m')
    .sign(o.key ?? signing);

const tasks = async (token: string) => {
  const res = await fetch(`${stack.base}/tasks`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { detail?: string } };
};

test("a provider's RS256 token names a person of the directory by its configured claim", async () => {
  expect((await tasks(await providerToken({}))).status).toBe(200);
  // The API's own tokens keep working beside the provider's.
  expect((await tasks(stack.token('drc-officer'))).status).toBe(200);
  expect(jwksRequests).toBeGreaterThanOrEqual(1);
});

test('another issuer, another key, an expired token, a person not in the directory: 401 with the reason', async () => {
  expect(await tasks(await providerToken({}, { issuer: 'https://evil.example' }))).toMatchObject({ status: 401, body: { detail: expect.stringContaining('iss') } });
  expect(await tasks(await providerToken({}, { key: stranger }))).toMatchObject({ status: 401, body: { detail: 'bad signature' } });
  expect(await tasks(await providerToken({}, { key: stranger, kid: 'unknown-kid' }))).toMatchObject({ status: 401 });
  const expired = await new SignJWT({ preferred_username: 'drc-officer' }).setProtectedHeader({ alg: 'RS256', kid: 'city-2026' }).setIssuer(ISSUER).setAudience('proposals-api').setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600).sign(signing);
  expect(await tasks(expired)).toMatchObject({ status: 401, body: { detail: 'token expired' } });
  expect(await tasks(await providerToken({ preferred_username: 'nobody' }))).toMatchObject({ status: 401, body: { detail: 'unknown or inactive principal' } });
  expect(await tasks(await providerToken({ preferred_username: undefined }))).toMatchObject({ status: 401, body: { detail: 'token has no preferred_username claim' } });
});

test('the algorithm swapped: an HS256 token signed with the provider’s public key, and an unsigned one, are refused', async () => {
  const confused = await new SignJWT({ sub: 'committee-clerk' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('10m').sign(new TextEncoder().encode(JSON.stringify(published)));
  expect((await tasks(confused)).status).toBe(401);
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${b64({ alg: 'none' })}.${b64({ sub: 'committee-clerk', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600 })}.`;
  expect((await tasks(unsigned)).status).toBe(401);
});
