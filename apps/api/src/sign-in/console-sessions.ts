/**
 * Console sessions: a random cookie value per sign-in, stored by its SHA-256, with a CSRF token
 * the console sends back on every change. A session ends when idle too long, at its maximum age,
 * or at sign-out.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { API_CONFIG, type ApiConfig } from '../config';
import { PG_POOL } from '../connections';

export const SESSION_COOKIE = 'sid';
const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const random = () => randomBytes(32).toString('base64url');

export interface OpenSession {
  principalId: string;
  csrfToken: string;
  expiresAt: string;
}

@Injectable()
export class ConsoleSessions {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async open(principalId: string): Promise<OpenSession & { token: string }> {
    const token = random();
    const csrfToken = random();
    const { rows } = await this.pool.query<{ expires_at: Date }>(
      `insert into console_sessions (id_hash, principal_id, csrf_token, expires_at) values ($1, $2, $3, now() + make_interval(hours => $4)) returning expires_at`,
      [digest(token), principalId, csrfToken, this.config.SESSION_MAX_HOURS],
    );
    return { token, principalId, csrfToken, expiresAt: rows[0]!.expires_at.toISOString() };
  }

  /** The session of a cookie, still alive, marked as seen now; undefined when there is none. */
  async find(token: string): Promise<OpenSession | undefined> {
    const { rows } = await this.pool.query<{ principal_id: string; csrf_token: string; expires_at: Date }>(
      `update console_sessions set last_seen_at = now()
       where id_hash = $1 and expires_at > now() and last_seen_at > now() - make_interval(mins => $2)
       returning principal_id, csrf_token, expires_at`,
      [digest(token), this.config.SESSION_IDLE_MINUTES],
    );
    const r = rows[0];
    return r && { principalId: r.principal_id, csrfToken: r.csrf_token, expiresAt: r.expires_at.toISOString() };
  }

  async close(token: string): Promise<void> {
    await this.pool.query('delete from console_sessions where id_hash = $1', [digest(token)]);
  }
}
