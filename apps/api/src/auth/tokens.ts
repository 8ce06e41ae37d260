/**
 * Bearer tokens: HS256-signed JWTs naming a principal, with an expiry. In a deployment they come
 * from the city's sign-on service sharing the key; here `mintToken` issues them (main job, tests,
 * `npm run token`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const HEADER = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

const sign = (input: string, secret: string) => createHmac('sha256', secret).update(input).digest();

export function mintToken(principalId: string, secret: string, ttlSeconds = 8 * 3600, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const payload = b64(JSON.stringify({ sub: principalId, iat, exp: iat + ttlSeconds }));
  return `${HEADER}.${payload}.${b64(sign(`${HEADER}.${payload}`, secret))}`;
}

/** How long a token may live at most, and how far the issuer's clock may be ahead of ours. */
export interface TokenLimits {
  maxLifetimeSeconds: number;
  clockSkewSeconds: number;
}
export const DEFAULT_TOKEN_LIMITS: TokenLimits = { maxLifetimeSeconds: 24 * 3600, clockSkewSeconds: 60 };

/** The principal ID of a valid, unexpired token, or why it is not. */
export function verifyToken(token: string, secret: string, now = Date.now(), limits = DEFAULT_TOKEN_LIMITS): { ok: true; principalId: string } | { ok: false; why: string } {
  const [header, payload, signature, ...rest] = token.split('.');
  if (!header || !payload || !signature || rest.length > 0) return { ok: false, why: 'malformed token' };
  const expected = sign(`${header}.${payload}`, secret);
  const given = Buffer.from(signature, 'base64url');
  if (header !== HEADER || given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: 'bad signature' };
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown; iat?: unknown };
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || typeof claims.iat !== 'number') return { ok: false, why: 'malformed token' };
    const skew = limits.clockSkewSeconds * 1000;
    if (claims.exp * 1000 + skew <= now) return { ok: false, why: 'token expired' };
    if (claims.iat * 1000 - skew > now) return { ok: false, why: 'token issued in the future' };
    if (claims.exp - claims.iat > limits.maxLifetimeSeconds) return { ok: false, why: `token lives longer than ${limits.maxLifetimeSeconds} s` };
    return { ok: true, principalId: claims.sub };
  } catch {
    return { ok: false, why: 'malformed token' };
  }
}
