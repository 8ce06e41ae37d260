/**
 * Signing in with an account and password: attempts limited per address, an account locked after
 * repeated failures (a correct password does not open it before the lock ends), and the same
 * answer for a wrong account as for a wrong password.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { type Principal, findPrincipal } from '../auth/principals';
import { API_CONFIG, type ApiConfig } from '../config';
import { PG_POOL } from '../connections';
import { audit } from '../audit/audit-log';
import { Problem, retryLater } from '../http/problem';
import { ConsoleSessions } from './console-sessions';
import { passwordMatches } from './passwords';

const failed = () => new Problem(401, 'sign-in-failed', 'Wrong account or password', 'check the account and the password');

@Injectable()
export class SignInService {
  /** Attempts per address in the current minute: one API process counts its own. */
  private readonly attempts = new Map<string, { minute: number; count: number }>();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly sessions: ConsoleSessions,
  ) {}

  private limit(address: string) {
    const minute = Math.floor(Date.now() / 60_000);
    const seen = this.attempts.get(address);
    const count = seen?.minute === minute ? seen.count + 1 : 1;
    if (this.attempts.size > 10_000) this.attempts.clear();
    this.attempts.set(address, { minute, count });
    if (count > this.config.SIGN_IN_PER_MINUTE) {
      throw retryLater(429, 'too-many-attempts', 'Too many sign-in attempts', 'too many attempts from this address: wait a minute', 60 - (Math.floor(Date.now() / 1000) % 60));
    }
  }

  async signIn(account: string, password: string, address: string): Promise<{ principal: Principal; session: Awaited<ReturnType<ConsoleSessions['open']>> }> {
    try {
      this.limit(address);
    } catch (err) {
      await audit(this.pool, { kind: 'signInThrottled', account, address });
      throw err;
    }
    const { rows } = await this.pool.query<{ password_hash: string | null; locked_for: number | null }>(
      `select password_hash, ceil(extract(epoch from locked_until - now()))::int as locked_for from principals where id = $1 and active`,
      [account],
    );
    const row = rows[0];
    if (row?.locked_for && row.locked_for > 0) {
      await audit(this.pool, { kind: 'signInWhileLocked', account, address });
      throw retryLater(429, 'account-locked', 'The account is locked', `too many failed sign-ins: try again in ${Math.ceil(row.locked_for / 60)} minutes, or ask the committee to reset the password`, row.locked_for);
    }
    if (!(await passwordMatches(row?.password_hash ?? null, password))) {
      await audit(this.pool, { kind: 'signInFailed', account, address, detail: { knownAccount: Boolean(row) } });
      if (row) {
        const { rows: locked } = await this.pool.query<{ locked: boolean }>(
          `update principals set
             failed_sign_ins = case when failed_sign_ins + 1 >= $2 then 0 else failed_sign_ins + 1 end,
             locked_until = case when failed_sign_ins + 1 >= $2 then now() + make_interval(mins => $3) else locked_until end
           where id = $1 returning coalesce(locked_until > now(), false) as locked`,
          [account, this.config.SIGN_IN_MAX_FAILURES, this.config.SIGN_IN_LOCK_MINUTES],
        );
        if (locked[0]?.locked) await audit(this.pool, { kind: 'accountLocked', account, address, detail: { minutes: this.config.SIGN_IN_LOCK_MINUTES } });
      }
      throw failed();
    }
    await this.pool.query('update principals set failed_sign_ins = 0, locked_until = null where id = $1', [account]);
    const principal = await findPrincipal(this.pool, account);
    if (!principal) throw failed();
    const session = await this.sessions.open(account);
    await audit(this.pool, { kind: 'signedIn', account, address });
    return { principal, session };
  }
}
