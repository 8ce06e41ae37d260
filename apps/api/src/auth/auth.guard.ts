/**
 * Authentication: every route needs a valid bearer token of an active principal, or the console's
 * session cookie (and, for a request that changes something, its CSRF token), except those
 * marked @Public(). Which role may take which action is checked per route; whether this unit or
 * proposer may act on this proposal is the lifecycle's rule (a wrongUnit/forbidden refusal).
 */
import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Pool } from 'pg';
import { API_CONFIG, type ApiConfig } from '../config';
import { PG_POOL } from '../connections';
import { Problem } from '../http/problem';
import { type Principal, findPrincipal } from './principals';
import { type Verified, tokenVerifier } from './tokens';
import { parse as parseCookies } from 'cookie';
import { timingSafeEqual } from 'node:crypto';
import { ConsoleSessions, type OpenSession, SESSION_COOKIE } from '../sign-in/console-sessions';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
    /** Set when the request came with the console's cookie rather than a bearer token. */
    consoleSession?: OpenSession & { token: string };
  }
}

/** Methods that change nothing: the only ones a cookie alone may send, without the CSRF token. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const PUBLIC = 'public-route';
const ROLES = 'route-roles';
export const Public = () => SetMetadata(PUBLIC, true);
/** The roles that may call a route; omitted, any signed-in principal may. */
export const Roles = (...roles: Principal['role'][]) => SetMetadata(ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<Request>().principal!);

export function requireRole(principal: Principal, roles: readonly Principal['role'][]): void {
  if (!roles.includes(principal.role)) {
    throw new Problem(403, 'forbidden', 'Not allowed for this role', `only ${roles.join(' or ')} may do this; you are ${principal.role}`);
  }
}

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verify: (token: string) => Promise<Verified>;

  constructor(
    private readonly reflector: Reflector,
    @Inject(API_CONFIG) config: ApiConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly sessions: ConsoleSessions,
  ) {
    const limits = { maxLifetimeSeconds: config.TOKEN_MAX_LIFETIME_SECONDS, clockSkewSeconds: config.TOKEN_CLOCK_SKEW_SECONDS };
    const oidc = config.OIDC_ISSUER && config.OIDC_JWKS_URL ? { issuer: config.OIDC_ISSUER, jwksUrl: config.OIDC_JWKS_URL, audience: config.OIDC_AUDIENCE, principalClaim: config.OIDC_PRINCIPAL_CLAIM } : undefined;
    this.verify = tokenVerifier(config.API_TOKEN_SECRET, limits, oidc);
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const principalId = req.header('authorization') === undefined ? await this.fromCookie(req) : await this.fromBearer(req);
    const principal = await findPrincipal(this.pool, principalId);
    if (!principal) throw unauthorized('unknown or inactive principal');
    req.principal = principal;
    const roles = this.reflector.getAllAndOverride<Principal['role'][] | undefined>(ROLES, targets);
    if (roles) requireRole(principal, roles);
    return true;
  }

  private async fromBearer(req: Request): Promise<string> {
    // RFC 6750: the scheme name is case-insensitive.
    const match = /^bearer +([A-Za-z0-9_.-]+)$/i.exec(req.header('authorization') ?? '');
    if (!match) throw unauthorized('send Authorization: Bearer <token>');
    const verified = await this.verify(match[1]!);
    if (!verified.ok) throw unauthorized(verified.why);
    return verified.principalId;
  }

  private async fromCookie(req: Request): Promise<string> {
    const token = parseCookies(req.header('cookie') ?? '')[SESSION_COOKIE];
    if (!token) throw unauthorized('sign in, or send Authorization: Bearer <token>');
    const session = await this.sessions.find(token);
    if (!session) throw unauthorized('the session has ended: sign in again');
    // SameSite=Strict keeps other sites' requests from carrying the cookie; the token is the second lock.
    if (!SAFE.has(req.method) && !same(req.header('x-csrf-token') ?? '', session.csrfToken)) {
      throw new Problem(403, 'csrf-token', 'The CSRF token is missing or wrong', 'send the X-CSRF-Token header the sign-in answered with');
    }
    req.consoleSession = { token, ...session };
    return session.principalId;
  }
}

const unauthorized = (detail: string) => new Problem(401, 'unauthorized', 'Authentication required', detail);
