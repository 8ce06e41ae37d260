/**
 * Authentication: every route needs a valid bearer token of an active principal, except those
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

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

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
  ) {
    const limits = { maxLifetimeSeconds: config.TOKEN_MAX_LIFETIME_SECONDS, clockSkewSeconds: config.TOKEN_CLOCK_SKEW_SECONDS };
    const oidc = config.OIDC_ISSUER && config.OIDC_JWKS_URL ? { issuer: config.OIDC_ISSUER, jwksUrl: config.OIDC_JWKS_URL, audience: config.OIDC_AUDIENCE, principalClaim: config.OIDC_PRINCIPAL_CLAIM } : undefined;
    this.verify = tokenVerifier(config.API_TOKEN_SECRET, limits, oidc);
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    // RFC 6750: the scheme name is case-insensitive.
    const match = /^bearer +([A-Za-z0-9_.-]+)$/i.exec(req.header('authorization') ?? '');
    if (!match) throw unauthorized('send Authorization: Bearer <token>');
    const verified = await this.verify(match[1]!);
    if (!verified.ok) throw unauthorized(verified.why);
    const principal = await findPrincipal(this.pool, verified.principalId);
    if (!principal) throw unauthorized('unknown or inactive principal');
    req.principal = principal;
    const roles = this.reflector.getAllAndOverride<Principal['role'][] | undefined>(ROLES, targets);
    if (roles) requireRole(principal, roles);
    return true;
  }
}

const unauthorized = (detail: string) => new Problem(401, 'unauthorized', 'Authentication required', detail);
