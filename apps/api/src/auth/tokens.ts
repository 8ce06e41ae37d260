/**
 * Bearer tokens, with `jose`: HS256 JWTs this deployment issues (`mintToken`: the main job, tests,
 * `npm run token`), and RS256 tokens from the city's OpenID Connect provider, checked against its
 * JWKS (issuer and JWKS address as configuration), so a unified sign-on can be plugged in.
 */
import { type JWTPayload, SignJWT, createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify } from 'jose';

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export function mintToken(principalId: string, secret: string, ttlSeconds = 8 * 3600, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(principalId).setIssuedAt(iat).setExpirationTime(iat + ttlSeconds).sign(keyOf(secret));
}

/** How long a token may live at most, and how far the issuer's clock may be ahead of ours. */
export interface TokenLimits {
  maxLifetimeSeconds: number;
  clockSkewSeconds: number;
}
export const DEFAULT_TOKEN_LIMITS: TokenLimits = { maxLifetimeSeconds: 24 * 3600, clockSkewSeconds: 60 };

export interface OidcProvider {
  issuer: string;
  jwksUrl: string;
  /** The audience the provider writes for this API, when it writes one. */
  audience?: string;
  /** The claim naming the principal in the directory (`sub`, or e.g. `preferred_username`). */
  principalClaim: string;
}

export type Verified = { ok: true; principalId: string } | { ok: false; why: string };

function why(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'token expired';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (err instanceof errors.JWKSNoMatchingKey) return 'no key of the provider matches the token';
  if (err instanceof errors.JWTClaimValidationFailed) return `token ${err.claim} claim not accepted: ${err.reason}`;
  if (err instanceof errors.JOSEAlgNotAllowed) return 'token algorithm not accepted';
  if (err instanceof errors.JWKSTimeout || (err instanceof errors.JOSEError && err.code === 'ERR_JOSE_GENERIC')) return 'the sign-on provider’s keys could not be read';
  return 'malformed token';
}

/** Ours: the lifetime limit and a clock skew both ways, on top of jose's checks. */
function withinLimits(claims: JWTPayload, now: number, limits: TokenLimits): string | undefined {
  const skew = limits.clockSkewSeconds * 1000;
  if (claims.iat! * 1000 - skew > now) return 'token issued in the future';
  if (claims.exp! - claims.iat! > limits.maxLifetimeSeconds) return `token lives longer than ${limits.maxLifetimeSeconds} s`;
  return undefined;
}

/** Checks a bearer token: ours (HS256 with the shared secret) or, when configured, the provider's (RS256). */
export function tokenVerifier(secret: string, limits: TokenLimits = DEFAULT_TOKEN_LIMITS, oidc?: OidcProvider) {
  const jwks = oidc ? createRemoteJWKSet(new URL(oidc.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 }) : undefined;
  return async (token: string, now = Date.now()): Promise<Verified> => {
    try {
      const common = { currentDate: new Date(now), clockTolerance: limits.clockSkewSeconds, requiredClaims: ['exp', 'iat'] };
      const { alg } = decodeProtectedHeader(token);
      if (alg === 'RS256' && jwks && oidc) {
        const { payload } = await jwtVerify(token, jwks, { ...common, algorithms: ['RS256'], issuer: oidc.issuer, audience: oidc.audience });
        const principalId = payload[oidc.principalClaim];
        if (typeof principalId !== 'string') return { ok: false, why: `token has no ${oidc.principalClaim} claim` };
        const fault = withinLimits(payload, now, limits);
        return fault ? { ok: false, why: fault } : { ok: true, principalId };
      }
      const { payload } = await jwtVerify(token, keyOf(secret), { ...common, algorithms: ['HS256'], requiredClaims: ['sub', 'exp', 'iat'] });
      const fault = withinLimits(payload, now, limits);
      return fault ? { ok: false, why: fault } : { ok: true, principalId: payload.sub! };
    } catch (err) {
      return { ok: false, why: why(err) };
    }
  };
}
