/**
 * The alert dispatcher process: delivers the outbox to ALERT_WEBHOOK_URL as alerts are raised
 * (woken by the outbox's notifications, and by a poll for retries), until SIGTERM/SIGINT.
 * Several may run: each claims rows the others are not holding.
 */
import { Client } from 'pg';
import { z } from 'zod';
import { deliverDue, webhookSender } from '../../../activities/alert-delivery';
import { DEFAULT_DATABASE_URL, createPool } from '../../../activities/database';
import { parseEnv } from '../../common/env';

const EnvSchema = z.object({
  DATABASE_URL: z.url().default(DEFAULT_DATABASE_URL),
  ALERT_WEBHOOK_URL: z.url(),
  POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  LOG_LEVEL: z.enum(['info', 'warn', 'error']).default('info'),
});

async function main() {
  const env = parseEnv(EnvSchema, 'dispatcher');
  const pool = createPool(env.DATABASE_URL, 2);
  const listener = new Client({ connectionString: env.DATABASE_URL });
  await listener.connect();
  let wake: () => void = () => undefined;
  listener.on('notification', () => wake());
  await listener.query('listen alerts');

  let running = true;
  const stop = () => {
    running = false;
    wake();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  const send = webhookSender(env.ALERT_WEBHOOK_URL);
  while (running) {
    const { delivered, failed } = await deliverDue(pool, send).catch((err) => {
      console.error(JSON.stringify({ level: 'error', msg: 'delivery round failed', err: String(err) }));
      return { delivered: 0, failed: 0 };
    });
    if (delivered + failed > 0 && env.LOG_LEVEL === 'info') console.log(JSON.stringify({ level: 'info', msg: 'alerts delivered', delivered, failed }));
    if (delivered > 0) continue;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, env.POLL_MS);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  await listener.end();
  await pool.end();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
