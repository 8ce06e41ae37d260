/**
 * Exactly once over HTTP: every action carries an Idempotency-Key; the first request with it runs,
 * and every later one with the same key and body gets that first answer. The services return
 * plain results; HTTP's part of exactly-once lives here: for a filing, the key is claimed while the
 * request runs and its answer stored (`IdempotencyInterceptor`); for an action on a proposal, the
 * key is recorded and Temporal's Update ID does the rest (`UpdateKeyInterceptor`).
 */
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import { type Observable, lastValueFrom, of } from 'rxjs';
import { z } from 'zod';
import { API_CONFIG, type ApiConfig } from '../config';
import { PG_POOL } from '../connections';
import { IdempotencyKeySchema } from '../contracts';
import { parse } from '../http/parse';
import { once, recordKey, replay } from './idempotency';

declare module 'express-serve-static-core' {
  interface Request {
    /** The request's Idempotency-Key, checked: the services use it as the Temporal Update ID. */
    idempotencyKey?: string;
  }
}

const KeyHeader = z.object({ 'Idempotency-Key': IdempotencyKeySchema });

/** The request's checked key, kept on it for the service. */
function keyOf(req: Request): string {
  const key = parse(KeyHeader, { 'Idempotency-Key': req.header('idempotency-key') }, 'header')['Idempotency-Key'];
  req.idempotencyKey = key;
  return key;
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const key = keyOf(req);
    // A filing makes at most two calls to Temporal, each bounded by the deadline (the start, then a
    // look at a workflow already started); the third is the margin for its reads and writes of PostgreSQL.
    const claimMs = 3 * this.config.TEMPORAL_TIMEOUT_MS;
    const outcome = await once(
      this.pool,
      req.principal!.id,
      key,
      req.method,
      req.originalUrl,
      req.body ?? {},
      async () => {
        const body = await lastValueFrom(next.handle());
        return { status: res.statusCode, body };
      },
      claimMs,
    );
    res.status(outcome.status);
    return of(replay(outcome));
  }
}

/**
 * An action's key: recorded in one statement (a key reused for another request is refused there),
 * and answered from the record when the proposal's projection has stored the answer already; the
 * Update, whose ID the key is, applies the action once however often and however concurrently it
 * is sent. No claim, and no write of the answer, on the action's way.
 */
@Injectable()
export class UpdateKeyInterceptor implements NestInterceptor {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const stored = await recordKey(this.pool, req.principal!.id, keyOf(req), req.method, req.originalUrl, req.body ?? {});
    if (!stored) return next.handle();
    ctx.switchToHttp().getResponse<Response>().status(stored.status);
    return of(replay(stored));
  }
}
