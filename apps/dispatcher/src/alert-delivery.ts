/**
 * Delivers outbox alerts to a webhook: at least once, with retries and exponential backoff.
 * The alert key travels as the Idempotency-Key header, so a receiver that keys on it sees each
 * alert once even when a delivery is retried after a lost answer.
 */
import type { Pool } from 'pg';
import { inTransaction } from '../../common/database';

export interface OutboxAlert {
  id: string;
  alertKey: string;
  proposalId: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export type Send = (alert: OutboxAlert) => Promise<void>;

/** 1 s, 2 s, 4 s … up to an hour (or `maxSeconds`) between attempts. */
export const backoffSeconds = (attempts: number, maxSeconds = 3600) => Math.min(2 ** attempts, maxSeconds);

/**
 * Claims up to `batch` alerts that are due for an attempt (skipping rows another dispatcher
 * holds), sends each, and records the outcome. Returns how many were delivered and failed.
 */
export async function deliverDue(pool: Pool, send: Send, batch = 20): Promise<{ delivered: number; failed: number }> {
  return inTransaction(pool, async (client) => {
    let delivered = 0;
    let failed = 0;
    const { rows } = await client.query(
      `select id, alert_key, proposal_id, payload, attempts from alert_outbox
       where delivered_at is null and next_attempt_at <= now()
       order by id limit $1 for update skip locked`,
      [batch],
    );
    for (const r of rows) {
      const alert: OutboxAlert = { id: String(r.id), alertKey: r.alert_key, proposalId: r.proposal_id, payload: r.payload, attempts: r.attempts };
      try {
        await send(alert);
        await client.query('update alert_outbox set delivered_at = now(), attempts = attempts + 1, last_error = null where id = $1', [r.id]);
        delivered++;
      } catch (err) {
        await client.query(
          `update alert_outbox set attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(secs => $3) where id = $1`,
          [r.id, String((err as Error).message).slice(0, 500), backoffSeconds(r.attempts)],
        );
        failed++;
      }
    }
    return { delivered, failed };
  });
}

export function webhookSender(url: string, timeoutMs = 10_000): Send {
  return async (alert) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': alert.alertKey },
      body: JSON.stringify({ id: alert.id, ...alert.payload }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  };
}
