/**
 * Sends the notices that are due, each over its channel's gateway, with retries and backoff while a
 * gateway is unreachable; every failure stays on the notice for the committee to read. A notice
 * that is not urgent waits out its recipient's quiet hours (as they are when it would be sent).
 * A row is held (FOR UPDATE) while it is sent, so two dispatchers never send the same notice; the
 * notice's id travels as the message's own id (Message-ID, the gateway's outId) for a receiver to
 * tell a resend after a crash between sending and recording it.
 */
import type { Pool } from 'pg';
import { inTransaction } from '../../common/database';
import { type Channel, type QuietHours, quietUntil } from '../../common/contact-preferences';
import type { NoticeContent } from './notices';
import { backoffSeconds } from './alert-delivery';

export interface Notice {
  id: string;
  source: string;
  recipient: string;
  recipientName: string;
  channel: Channel;
  address: string;
  content: NoticeContent;
  attempts: number;
}

export type NoticeSender = (notice: Notice) => Promise<void>;

export interface DeliveryRound {
  delivered: number;
  failed: number;
  /** Put off to the end of their recipients' quiet hours. */
  deferred: number;
}

export interface DeliveryOptions {
  /** The longest wait between two attempts. */
  maxBackoffSeconds: number;
  batch?: number;
  now?: () => Date;
  /** Told each notice's outcome, for the metrics. */
  record?: (channel: Channel, outcome: keyof DeliveryRound) => void;
}

export async function deliverNotices(pool: Pool, senders: Partial<Record<Channel, NoticeSender>>, { maxBackoffSeconds, batch = 20, now = () => new Date(), record = () => undefined }: DeliveryOptions): Promise<DeliveryRound> {
  return inTransaction(pool, async (client) => {
    const round: DeliveryRound = { delivered: 0, failed: 0, deferred: 0 };
    const { rows } = await client.query<{ id: string; source: string; recipient: string; recipient_name: string; channel: Channel; address: string; urgent: boolean; content: NoticeContent; attempts: number; quiet_hours: QuietHours | null }>(
      `select n.id, n.source, n.recipient, n.recipient_name, n.channel, n.address, n.urgent, n.content, n.attempts, p.quiet_hours
         from notices n left join principals p on p.id = n.recipient
        where n.delivered_at is null and n.next_attempt_at <= now()
        order by n.id limit $1 for update of n skip locked`,
      [batch],
    );
    for (const r of rows) {
      const quietEnd = r.urgent ? null : quietUntil(r.quiet_hours, now());
      if (quietEnd) {
        await client.query('update notices set next_attempt_at = $2 where id = $1', [r.id, quietEnd]);
        round.deferred++;
        record(r.channel, 'deferred');
        continue;
      }
      try {
        const send = senders[r.channel];
        if (!send) throw new Error(`no ${r.channel} gateway is configured`);
        await send({ id: r.id, source: r.source, recipient: r.recipient, recipientName: r.recipient_name, channel: r.channel, address: r.address, content: r.content, attempts: r.attempts });
        await client.query('update notices set delivered_at = now(), attempts = attempts + 1, last_error = null where id = $1', [r.id]);
        round.delivered++;
        record(r.channel, 'delivered');
      } catch (err) {
        await client.query(`update notices set attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(secs => $3) where id = $1`, [
          r.id,
          String((err as Error).message).slice(0, 500),
          backoffSeconds(r.attempts, maxBackoffSeconds),
        ]);
        round.failed++;
        record(r.channel, 'failed');
      }
    }
    return round;
  });
}
