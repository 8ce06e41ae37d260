/**
 * A signed-in read that says which versions its client's own actions made (the Seen-Versions header) is
 * answered once the read model holds them, so a list, an inbox or a figure read right after an
 * action shows it. Should the wait run out, the answer names what it lacks (Read-Model-Behind).
 */
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import { API_CONFIG, type ApiConfig } from '../config';
import { PG_POOL } from '../connections';
import { SeenVersionsSchema } from '../contracts';
import { parse } from '../http/parse';
import { behindAfter } from './read-your-writes';

export const SEEN_VERSIONS = 'Seen-Versions';
export const READ_MODEL_BEHIND = 'Read-Model-Behind';
const SeenHeader = z.object({ [SEEN_VERSIONS]: SeenVersionsSchema });

@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const header = req.header(SEEN_VERSIONS);
    // Whoever is not signed in (health checks, published replies) has no actions of their own to see.
    if (req.method !== 'GET' || header === undefined || !req.principal) return next.handle();
    const seen = parse(SeenHeader, { [SEEN_VERSIONS]: header }, 'header')[SEEN_VERSIONS];
    const behind = await behindAfter(this.pool, seen, this.config.READ_YOUR_WRITES_MS);
    if (behind.length > 0) ctx.switchToHttp().getResponse<Response>().setHeader(READ_MODEL_BEHIND, behind.map((b) => `${b.proposalId}@${b.version}`).join(', '));
    return next.handle();
  }
}
